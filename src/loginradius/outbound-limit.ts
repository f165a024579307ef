import type { RateLimitStore } from "../ratelimit/store.js";
import type { Cancel } from "./deadline.js";
import { deadlinePassed, UpstreamError } from "./upstream-error.js";

export interface OutboundLimitOptions {
  store: RateLimitStore;
  /** Bucket name; replicas sharing a store (Redis) share the budget. */
  key: string;
  /** Requests per second towards LoginRadius (its default allowance is about 50 per site). */
  perSecond: number;
  /** Longest we wait for a token; past it the call fails fast with `rate_limited`. */
  maxWaitMs: number;
}

export interface OutboundLimit {
  /** Takes one token, waiting briefly when one is near; throws UpstreamError otherwise. */
  take(endpoint: string, signal?: Cancel): Promise<void>;
}

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

/**
 * The outbound rate limit: one token per HTTP attempt (retries included), so this service never
 * spends more of the site's LoginRadius allowance than configured, however many requests arrive.
 * A burst of one second's worth is allowed; beyond that callers wait one token's time at a
 * stretch, up to `maxWaitMs`, then fail with `UPSTREAM_RATE_LIMITED` instead of queueing.
 */
export const createOutboundLimit = (options: OutboundLimitOptions): OutboundLimit => {
  const rule = { perSecond: options.perSecond, burst: options.perSecond };
  const step = Math.max(1, Math.ceil(1000 / options.perSecond));
  return {
    async take(endpoint, signal) {
      const started = Date.now();
      for (;;) {
        // A Redis outage is the store's concern: the service's store falls back to this
        // process's buckets (src/ratelimit/redis.ts withFallback), the one policy for both limits.
        const decision = await options.store.take(options.key, 1, rule);
        if (decision.allowed) return;
        if (signal?.aborted) throw deadlinePassed(endpoint);
        if (Date.now() - started + step > options.maxWaitMs)
          throw new UpstreamError(
            "rate_limited",
            endpoint,
            null,
            null,
            "outbound limit",
            [],
            decision.retryAfterSeconds,
          );
        await sleep(step, signal);
      }
    },
  };
};
