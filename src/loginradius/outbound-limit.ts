import { createHash } from "node:crypto";
import type { RateLimitStore } from "../ratelimit/store.js";
import type { Cancel } from "./deadline.js";
import type { UpstreamTarget } from "./http.js";
import { deadlinePassed, UpstreamError } from "./upstream-error.js";

/**
 * The site a replica spends: LoginRadius's allowance is per site (API key), whichever host it is
 * reached by (api.loginradius.com, a custom domain, an egress proxy), so replicas of one site share
 * the outbound bucket and the read cache through a shared store, and other sites do not. The host
 * was once part of the key: two replicas reaching one site by different URLs each spent the whole
 * quota. The key is hashed, not stored.
 */
export const outboundKey = (target: Pick<UpstreamTarget, "apiKey">): string =>
  `loginradius:${createHash("sha256").update(target.apiKey).digest("hex").slice(0, 16)}`;

/** A LoginRadius 429 seen by any replica: every replica waits until its window resets. */
export interface FleetBackoff {
  /** `Date.now()` ms before which no call may be sent (0: none). */
  until(): number;
  /** This process saw a 429: wait until `untilMs`, and tell the other replicas. */
  tripped(untilMs: number): void;
}

/** Why a call waited: the shared rate, a 429's backoff, or a bulk read yielding its turn. */
export type QuotaWait = "rate" | "backoff" | "bulk";

export interface OutboundLimitOptions {
  store: RateLimitStore;
  /** Bucket name; replicas sharing a store (Redis) share the budget. */
  key: string;
  /** Requests per second towards LoginRadius (its default allowance is about 50 per site). */
  perSecond: number;
  /** Longest we wait for a token; past it the call fails fast with `rate_limited`. */
  maxWaitMs: number;
  backoff?: FleetBackoff;
  onWait?(reason: QuotaWait): void;
}

export interface OutboundLimit {
  /**
   * Takes one token, waiting briefly when one is near; throws UpstreamError otherwise. A `bulk`
   * call (a request's second and later reads) lets this process's other calls go first.
   */
  take(endpoint: string, signal?: Cancel, bulk?: boolean): Promise<void>;
  /** LoginRadius answered 429: no call leaves (from any replica) for `retryAfterSeconds`. */
  tooMany(retryAfterSeconds: number): void;
}

/** The backoff of a process alone (no Redis): a 429 holds this process's calls only. */
export const localBackoff = (): FleetBackoff => {
  let until = 0;
  return {
    until: () => until,
    tripped: (at) => {
      until = Math.max(until, at);
    },
  };
};

const sleep = (ms: number, signal?: Cancel) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

const refused = (endpoint: string, retryAfterSeconds: number, detail = "outbound limit") =>
  new UpstreamError("rate_limited", endpoint, null, null, detail, [], retryAfterSeconds);

/**
 * The outbound rate limit: one token per HTTP attempt (retries included), so this service never
 * spends more of the site's LoginRadius allowance than configured, however many requests arrive.
 * The bucket saves almost nothing while idle: one that saved a second's worth let four replicas
 * send 97 calls in the first second after an idle spell against a limit of 50, which LoginRadius
 * answers with 429s. Callers wait one token's time at a stretch, up to `maxWaitMs`, then fail
 * with `UPSTREAM_RATE_LIMITED` instead of queueing. After a 429 (here or on a peer) every call
 * waits until the window resets. When tokens are short, bulk reads wait while this process has
 * writes or single reads waiting.
 */
export const createOutboundLimit = (options: OutboundLimitOptions): OutboundLimit => {
  // A window of one second holds at most the burst plus what refills after its first call
  // (rate - 1): burst + rate - 1 = perSecond. The burst is a fiftieth (one call at 50/s), so at
  // high rates calls still leave together.
  const burst = Math.max(1, Math.floor(options.perSecond / 50));
  const rate = options.perSecond - burst + 1;
  const rule = { perSecond: rate, burst };
  const backoff = options.backoff ?? localBackoff();
  const step = Math.max(1, Math.ceil(1000 / rate));
  let urgentWaiting = 0;
  const waitOut = async (endpoint: string, started: number, signal?: Cancel) => {
    const until = backoff.until();
    if (until <= Date.now()) return;
    const ms = until - Date.now();
    if (Date.now() - started + ms > options.maxWaitMs)
      throw refused(endpoint, Math.ceil(ms / 1000), "LoginRadius asked every replica to wait");
    options.onWait?.("backoff");
    await sleep(ms, signal);
    if (signal?.aborted) throw deadlinePassed(endpoint);
  };
  const once = async (endpoint: string, started: number, signal?: Cancel, bulk = false) => {
    for (let waited = false; ; waited = true) {
      await waitOut(endpoint, started, signal);
      // A Redis outage is the store's concern: the service's store falls back to this
      // process's buckets (src/ratelimit/redis.ts withFallback), the one policy for both limits.
      const yielding = bulk && urgentWaiting > 0;
      const decision = yielding
        ? { allowed: false, retryAfterSeconds: 1 }
        : await options.store.take(options.key, 1, rule);
      if (decision.allowed) return;
      if (!waited) options.onWait?.(yielding ? "bulk" : "rate");
      if (signal?.aborted) throw deadlinePassed(endpoint);
      if (Date.now() - started + step > options.maxWaitMs)
        throw refused(endpoint, decision.retryAfterSeconds);
      await sleep(step, signal);
    }
  };
  return {
    tooMany(retryAfterSeconds) {
      // Until LoginRadius's window resets: it is one second. A longer Retry-After is the call's
      // own business (retried or reported, as UPSTREAM_MAX_RETRY_AFTER_SECONDS says); holding
      // every call of the fleet for it would turn one answer into an outage.
      backoff.tripped(Date.now() + Math.min(1, Math.max(0, retryAfterSeconds)) * 1000);
    },
    async take(endpoint, signal, bulk = false) {
      if (bulk) return once(endpoint, Date.now(), signal, true);
      urgentWaiting++;
      try {
        await once(endpoint, Date.now(), signal);
      } finally {
        urgentWaiting--;
      }
    },
  };
};
