import type { KyInstance, Options } from "ky";
import type { z } from "zod";
import type { CachePart } from "../cache/invalidation.js";
import type { RequestStats } from "../graphql/section.js";
import { type Logger, silentLogger } from "../log.js";
import { createMetrics, type Metrics } from "../metrics.js";
import { createMemoryRateLimitStore, type RateLimitStore } from "../ratelimit/store.js";
import type { TraceScope } from "../tracing/tracing.js";
import { endAttempt } from "../tracing/upstream-spans.js";
import { readAnswer } from "./answer.js";
import { newProgress } from "./attempt-progress.js";
import { type Cancel, startDeadline } from "./deadline.js";
import type { GuardedInit } from "./guarded-fetch.js";
import { createUpstreamHealth, type UpstreamHealth } from "./health.js";
import { type CallState, createKy, target } from "./ky-client.js";
import { createUpstreamObserver, type UpstreamObserver } from "./observe.js";
import { createOutboundLimit, type FleetBackoff, outboundKey } from "./outbound-limit.js";
import { retryOptions } from "./retry.js";
import { createShedding } from "./shedding.js";
import { mayHaveActed, toUpstreamError, UpstreamError } from "./upstream-error.js";

/** Where LoginRadius is and who we are to it. */
export interface UpstreamTarget {
  /** Base URL, e.g. `https://api.loginradius.com` or the emulator's. */
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
}

/** How we call it. */
export interface UpstreamTuning {
  /** Per attempt, headers and body. */
  timeoutMs: number;
  /** Per GraphQL request: upstream calls still pending after it fail with `timeout`. */
  requestTimeoutMs: number;
  /** In-flight HTTP requests per process; more wait their turn. */
  maxConcurrency: number;
  /** Callers waiting for a slot beyond this are refused at once (`overloaded`). */
  maxQueue: number;
  /** A caller waiting longer than this for a slot is refused (`overloaded`). */
  maxQueueWaitMs: number;
  /** Extra attempts for calls that are safe to repeat. */
  retryLimit: number;
  /** First retry delay; doubles each time, full jitter, capped at 2 s. */
  retryBaseDelayMs: number;
  /** A 429 asking us to wait longer than this is not retried but reported. */
  maxRetryAfterSeconds: number;
  /** Longest response body read; longer is refused (`too_large`). */
  maxResponseBytes: number;
  /** Consecutive failures (timeouts, drops, 5xx, bad answers) that open the breaker. */
  breakerFailures: number;
  /** How long the breaker stays open before one probe call is let through. */
  breakerOpenMs: number;
  /** Outbound requests per second (retries included), shared through the rate-limit store. */
  maxRps: number;
  /** LOGINRADIUS_REQUEST_SIGNING: each attempt signed (request-signing.ts), the secret never sent. */
  requestSigning?: boolean;
  /** A quota of its own at the same site (`search`): its outbound bucket is apart from the core one. */
  quota?: string;
}

export { buildPath } from "./ky-client.js";
export { outboundKey } from "./outbound-limit.js";

export type UpstreamOptions = UpstreamTarget & UpstreamTuning;

/** What the adapter takes from the process besides its options. All optional in tests. */
export interface UpstreamRuntime {
  logger?: Logger;
  metrics?: Metrics;
  /** The store of the outbound rate limit; in memory unless the service shares one (Redis). */
  rateStore?: RateLimitStore;
  /** A LoginRadius 429 seen by one replica holds them all (src/cache/fleet.ts); default: this process. */
  backoff?: FleetBackoff;
  now?: () => number;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** One LoginRadius endpoint: how to call it and what its answer must look like. */
export interface Endpoint<S extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** The documented path with `{name}` placeholders; also the endpoint's name in logs and metrics. */
  path: string;
  /**
   * Whether a repeat is harmless. Never for POSTs, for calls that send an email or SMS, or for
   * calls that mint a token: a retry after a lost response would do the thing twice.
   */
  retry: boolean;
  /** The wire schema of a successful answer; a mismatch is `bad_response`. */
  schema: S;
  /**
   * For a call not safe to repeat: what the client should look at before repeating it when its
   * outcome is unknown (`look the account up by its email`). Default: by method (`UNKNOWN_OUTCOME_CHECKS`).
   */
  checkFirst?: string;
  /**
   * An Authentication API call (`/identity/v2/auth/...`): it takes the API key and the account's
   * access token, never the API secret, so the secret header is left off (as the SDKs do).
   */
  keyOnly?: boolean;
  /**
   * A read: the cache part its answer belongs to, making it coalesced and (keyed by UID or by
   * nothing) cached (src/cache/). Absent: never shared between requests (secrets, tokens, audited).
   * A write: its answer is what the GET of the same path reads, so it primes that entry.
   */
  cache?: CachePart;
}

/** What to check before repeating a call whose outcome is unknown, when its endpoint says nothing. */
export const UNKNOWN_OUTCOME_CHECKS: Record<HttpMethod, string> = {
  POST: "find out whether it took effect (look up what it creates; ask whether its message arrived) before sending it again",
  PUT: "read the current state before sending it again",
  DELETE: "read whether it is gone before deleting again",
  GET: "it may have issued a token or codes; ask for new ones only if these never arrived",
};

export interface CallInput {
  params?: Record<string, string>;
  query?: Record<string, string | boolean | undefined>;
  body?: unknown;
  /**
   * Headers of this call alone: the Authentication API's `Authorization: Bearer <access token>`
   * (a credential: never in the query, so never in a logged URL).
   */
  headers?: Record<string, string>;
}

/** The GraphQL request a call serves: its id goes to LoginRadius, its deadline bounds the call. */
export interface RequestScope {
  requestId?: string;
  signal?: Cancel;
  /** When the request's deadline passes (`Date.now()` ms): no retry waits beyond it. */
  deadlineAt?: number;
  /** Counts calls sent for this request (the operation log reports it) and cache results. */
  stats?: RequestStats;
  /** `Cache-Control: no-cache`: read from LoginRadius (and refresh the cache), never a cached copy. */
  fresh?: boolean;
  /** The operation's span when tracing is on: each attempt is a child span of it. */
  trace?: TraceScope;
}

/** A request's scope with its deadline running; `end()` clears it when the request is answered. */
export interface BoundScope extends RequestScope {
  signal: Cancel;
  deadlineAt: number;
  end(): void;
}

export interface LoginRadiusHttp {
  call<S extends z.ZodType>(
    endpoint: Endpoint<S>,
    input: CallInput,
    scope?: RequestScope,
  ): Promise<z.infer<S>>;
  /**
   * A scope for one GraphQL request: its deadline `requestTimeoutMs` from now, ended earlier by
   * the given signal if that aborts first (a shutdown). `end()` once the response is sent.
   */
  scope(scope: RequestScope): BoundScope;
  readonly health: UpstreamHealth;
}

interface Sender {
  options: UpstreamOptions;
  client: KyInstance;
  now: () => number;
}

/**
 * One call with its retries, once it holds a slot: the key in the query, the request id in a
 * header (added by the guarded fetch); the hooks count the attempts in `call.attempt`. The request's deadline goes to the
 * guarded fetch as `deadline`, not to ky as `signal`: ky would join it to its own with
 * `AbortSignal.any`, one more signal per call (see deadline.ts); the retry options keep ky from
 * waiting past it.
 */
const send = async (
  deps: Sender,
  e: Endpoint,
  input: CallInput,
  call: CallState,
): Promise<{ status: number; text: string }> => {
  const { scope } = call;
  const init: Options & GuardedInit = {
    method: e.method,
    ...(scope.requestId ? { requestId: scope.requestId } : {}),
    ...(scope.signal ? { deadline: scope.signal } : {}),
    ...(input.body === undefined ? {} : { json: input.body }),
    ...(e.keyOnly
      ? { headers: { ...input.headers, "X-LoginRadius-ApiSecret": undefined } }
      : input.headers === undefined
        ? {}
        : { headers: input.headers }),
    retry: retryOptions(deps.options, e.method, e.retry, scope, deps.now),
    progress: call.progress,
    context: { call },
  };
  const res = await deps.client(target(deps.options.apiKey, e, input), init);
  return { status: res.status, text: await res.text() };
};

/**
 * A call that is not safe to repeat and may have been performed (sent, and then a timeout, a
 * drop, a 5xx or an unreadable answer) has an unknown outcome: the error says what to check
 * before repeating it, so it is not reported as "retry later". Reads keep their failure.
 */
const outcomeOf = (endpoint: Endpoint, error: UpstreamError): UpstreamError =>
  !endpoint.retry && mayHaveActed(error)
    ? error.with({ checkFirst: endpoint.checkFirst ?? UNKNOWN_OUTCOME_CHECKS[endpoint.method] })
    : error;

/** The readiness probe's read: one attempt, no queue, no breaker, no outbound token. */
const readForProbe = (deps: Sender, uid: string) =>
  deps.client(`identity/v2/manage/account/${encodeURIComponent(uid)}`, {
    searchParams: { apiKey: deps.options.apiKey, fields: "Uid" },
    retry: { limit: 0 },
  });

/**
 * One call through the breaker and the concurrency slots, its answer read by the endpoint's
 * schema; a failure becomes one UpstreamError (named an unknown outcome where a write may have
 * reached LoginRadius), logged once and counted once, its attempt span ended when traced.
 */
const callWith =
  (deps: Sender, shedding: ReturnType<typeof createShedding>, observer: UpstreamObserver) =>
  async <S extends z.ZodType>(
    endpoint: Endpoint<S>,
    input: CallInput,
    scope: RequestScope = {},
  ): Promise<z.infer<S>> => {
    const name = `${endpoint.method} ${endpoint.path}`;
    const started = performance.now();
    const call: CallState = {
      name,
      scope,
      attempt: { n: 0 },
      progress: newProgress(),
      ...(scope.trace ? { trace: { mark: started } } : {}),
    };
    try {
      const data = await shedding.run(name, scope.signal, async () => {
        const answer = await send(deps, endpoint, input, call).catch(async (error: unknown) => {
          throw await toUpstreamError(name, error, call.progress);
        });
        return readAnswer(endpoint.schema, name, answer.status, answer.text);
      });
      if (call.trace) endAttempt(call.trace);
      observer.callEnded(name, "ok", started);
      return data;
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error; // translated in send's catch, once
      const failed = outcomeOf(endpoint, error);
      if (call.trace) endAttempt(call.trace, failed);
      observer.attemptFailed(failed, Math.max(1, call.attempt.n), scope.requestId);
      observer.callEnded(name, failed.failure, started, failed);
      throw failed;
    }
  };

/**
 * The LoginRadius adapter: the ky instance and what guards it. A call passes the breaker, waits
 * (briefly, boundedly) for a concurrency slot, takes an outbound token per attempt, is retried
 * when safe, and its answer is validated by its endpoint's schema. Each failure is one typed
 * UpstreamError, one log line per attempt and one metric sample per call.
 */
export const createLoginRadiusHttp = (
  options: UpstreamOptions,
  runtime: UpstreamRuntime = {},
): LoginRadiusHttp => {
  const now = runtime.now ?? Date.now;
  const logger = runtime.logger ?? silentLogger;
  const metrics = runtime.metrics ?? createMetrics({ defaultMetrics: false });
  const observer = createUpstreamObserver({ logger, metrics, now });
  const shedding = createShedding(options, observer, now);
  const limit = createOutboundLimit({
    store: runtime.rateStore ?? createMemoryRateLimitStore(now),
    key: options.quota ? `${outboundKey(options)}:${options.quota}` : outboundKey(options),
    perSecond: options.maxRps,
    maxWaitMs: options.maxQueueWaitMs,
    ...(runtime.backoff ? { backoff: runtime.backoff } : {}),
    onWait: (reason) => metrics.quotaWaits.inc({ reason }),
  });
  const deps: Sender = { options, client: createKy(options, limit, observer), now };

  const call = callWith(deps, shedding, observer);

  return {
    call,
    scope: (scope) => {
      const deadline = startDeadline(options.requestTimeoutMs, scope.signal, now);
      return { ...scope, signal: deadline.signal, deadlineAt: deadline.at, end: deadline.end };
    },
    health: createUpstreamHealth({
      observer,
      breakerState: shedding.breakerState,
      read: (uid) => readForProbe(deps, uid),
    }),
  };
};
