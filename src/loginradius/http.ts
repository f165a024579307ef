import ky, { HTTPError, type KyInstance, type RetryOptions } from "ky";
import type { z } from "zod";
import { type Logger, silentLogger } from "../log.js";
import { createMetrics, type Metrics } from "../metrics.js";
import { createMemoryRateLimitStore, type RateLimitStore } from "../ratelimit/store.js";
import { createGuardedFetch } from "./guarded-fetch.js";
import type { UpstreamHealth } from "./health.js";
import { createUpstreamObserver } from "./observe.js";
import { createOutboundLimit } from "./outbound-limit.js";
import { createShedding } from "./shedding.js";
import { errorInBody, toUpstreamError, UpstreamError } from "./upstream-error.js";

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
}

export type UpstreamOptions = UpstreamTarget & UpstreamTuning;

/** What the adapter takes from the process besides its options. All optional in tests. */
export interface UpstreamRuntime {
  logger?: Logger;
  metrics?: Metrics;
  /** The store of the outbound rate limit; in memory unless the service shares one (Redis). */
  rateStore?: RateLimitStore;
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
}

export interface CallInput {
  params?: Record<string, string>;
  query?: Record<string, string | boolean | undefined>;
  body?: unknown;
}

/** The GraphQL request a call serves: its id goes to LoginRadius, its deadline bounds the call. */
export interface RequestScope {
  requestId?: string;
  signal?: AbortSignal;
  /** Counts calls sent for this request (the operation log reports it). */
  stats?: { upstreamCalls: number };
}

export interface LoginRadiusHttp {
  call<S extends z.ZodType>(
    endpoint: Endpoint<S>,
    input: CallInput,
    scope?: RequestScope,
  ): Promise<z.infer<S>>;
  /** A scope for one GraphQL request, its deadline `requestTimeoutMs` from now. */
  scope(scope: Omit<RequestScope, "signal">): RequestScope;
  readonly health: UpstreamHealth;
}

/** Path parameters must stay inside their one segment: no `/`, no `.`/`..`, nothing empty. */
const SAFE_SEGMENT = /^[A-Za-z0-9_@+\-.]{1,256}$/;

export const buildPath = (
  endpoint: string,
  template: string,
  params: Record<string, string> = {},
): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || !SAFE_SEGMENT.test(value) || /^\.+$/.test(value))
      throw new UpstreamError(
        "invalid_request",
        endpoint,
        null,
        null,
        `Invalid path parameter ${name}.`,
      );
    return encodeURIComponent(value);
  });

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];

/** A UID LoginRadius cannot have (UIDs are at most 50 long): the readiness probe's 938. */
const PROBE_UID = "account-graph-readiness-probe-uid-that-cannot-exist-000000";

/** Parses and validates an answer; anything but the endpoint's shape is `bad_response`. */
const readAnswer = <S extends z.ZodType>(
  endpoint: Endpoint<S>,
  name: string,
  status: number,
  text: string,
): z.infer<S> => {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UpstreamError("bad_response", name, status, null, "not JSON");
  }
  const inBody = errorInBody(name, status, body);
  if (inBody) throw inBody;
  const parsed = endpoint.schema.safeParse(body);
  if (!parsed.success) {
    // Which keys failed and how, never the values.
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.code}`)
      .join("; ");
    throw new UpstreamError("bad_response", name, status, null, where);
  }
  return parsed.data;
};

/**
 * The one ky instance that talks to LoginRadius, and what guards it: the key in the query (as
 * the SDKs send it), the secret in the `X-LoginRadius-ApiSecret` header only, no redirects, a
 * deadline per attempt over headers and body, a body cap, retries with backoff and jitter for
 * calls marked safe, a bounded queue, a circuit breaker, an outbound rate limit, a validated
 * answer per endpoint, and one log line and metric sample per failure.
 */
export const createLoginRadiusHttp = (
  options: UpstreamOptions,
  runtime: UpstreamRuntime = {},
): LoginRadiusHttp => {
  const logger = runtime.logger ?? silentLogger;
  const metrics = runtime.metrics ?? createMetrics({ defaultMetrics: false });
  const now = runtime.now ?? Date.now;
  const base = options.apiUrl.replace(/\/+$/, "");
  const observer = createUpstreamObserver({ logger, metrics, now });
  const shedding = createShedding(options, observer, now);
  const limit = createOutboundLimit({
    store: runtime.rateStore ?? createMemoryRateLimitStore(now),
    key: `loginradius:${new URL(base).host}`,
    perSecond: options.maxRps,
    maxWaitMs: options.maxQueueWaitMs,
  });
  const client: KyInstance = ky.create({
    timeout: options.timeoutMs,
    throwHttpErrors: true,
    redirect: "manual",
    fetch: createGuardedFetch({ maxResponseBytes: options.maxResponseBytes }),
    headers: { "X-LoginRadius-ApiSecret": options.apiSecret, Accept: "application/json" },
  });

  const retryFor = (endpoint: Endpoint, signal?: AbortSignal): RetryOptions =>
    endpoint.retry
      ? {
          limit: options.retryLimit,
          methods: [endpoint.method.toLowerCase()],
          statusCodes: RETRY_STATUS,
          afterStatusCodes: [429, 503],
          maxRetryAfter: options.maxRetryAfterSeconds * 1000,
          backoffLimit: 2000,
          delay: (attempt) => options.retryBaseDelayMs * 2 ** (attempt - 1),
          jitter: true,
          retryOnTimeout: true,
          shouldRetry: ({ error }) => {
            // Our own refusals (redirect, cap, outbound limit) and a passed deadline are final.
            if (
              signal?.aborted ||
              error instanceof UpstreamError ||
              error.name === "RefusedResponse"
            )
              return false;
            if (!(error instanceof HTTPError) || error.response.status !== 429) return undefined;
            const after = Number(error.response.headers.get("retry-after"));
            return Number.isFinite(after) && after > options.maxRetryAfterSeconds
              ? false
              : undefined;
          },
        }
      : { limit: 0 };

  /** Sends one call (with its retries) once it holds a slot; returns status and body text. */
  const send = async (endpoint: Endpoint, name: string, input: CallInput, scope: RequestScope) => {
    const searchParams = new URLSearchParams({ apiKey: options.apiKey });
    for (const [key, value] of Object.entries(input.query ?? {}))
      if (value !== undefined) searchParams.set(key, String(value));
    const url = `${base}${buildPath(name, endpoint.path, input.params)}`;
    const attempt = { n: 0 };
    try {
      const res = await client(url, {
        method: endpoint.method,
        searchParams,
        ...(scope.requestId ? { headers: { "X-Request-Id": scope.requestId } } : {}),
        ...(scope.signal ? { signal: scope.signal } : {}),
        ...(input.body === undefined ? {} : { json: input.body }),
        retry: retryFor(endpoint, scope.signal),
        hooks: {
          // Before ky starts the attempt's timer: waiting for a token is not LoginRadius's time.
          beforeRequest: [
            async () => {
              attempt.n++;
              if (scope.stats) scope.stats.upstreamCalls++;
              await limit.take(name, scope.signal);
            },
          ],
          beforeRetry: [
            async ({ error }) => {
              const failed = await toUpstreamError(name, error);
              observer.attemptFailed(failed, attempt.n, scope.requestId, true);
            },
          ],
        },
      });
      return { status: res.status, text: await res.text(), attempts: attempt.n };
    } catch (error) {
      throw Object.assign(await toUpstreamError(name, error), { attempts: attempt.n });
    }
  };

  const call = async <S extends z.ZodType>(
    endpoint: Endpoint<S>,
    input: CallInput,
    scope: RequestScope = {},
  ): Promise<z.infer<S>> => {
    const name = `${endpoint.method} ${endpoint.path}`;
    const started = performance.now();
    let attempts = 0;
    try {
      const data = await shedding.run(name, scope.signal, async () => {
        const answer = await send(endpoint, name, input, scope);
        attempts = answer.attempts;
        return readAnswer(endpoint, name, answer.status, answer.text);
      });
      observer.callEnded(name, "ok", started);
      return data;
    } catch (error) {
      const failed = await toUpstreamError(name, error);
      attempts = (error as { attempts?: number }).attempts ?? attempts;
      observer.attemptFailed(failed, Math.max(1, attempts), scope.requestId);
      observer.callEnded(name, failed.failure, started, failed);
      throw failed;
    }
  };

  /** One cheap authenticated read, outside breaker, queue and metrics: 938 means all is well. */
  const probe = async (): Promise<boolean> => {
    try {
      await client(`${base}/identity/v2/manage/account/${PROBE_UID}`, {
        searchParams: { apiKey: options.apiKey, fields: "Uid" },
        retry: { limit: 0 },
      });
      observer.markOk();
      return true;
    } catch (error) {
      const failed = await toUpstreamError("GET /identity/v2/manage/account/{uid}", error);
      if (!observer.isGoodAnswer(failed)) return false;
      observer.markOk();
      return true;
    }
  };

  return {
    call,
    scope: (scope) => ({ ...scope, signal: AbortSignal.timeout(options.requestTimeoutMs) }),
    health: {
      lastOkAt: observer.lastOkAt,
      breakerState: shedding.breakerState,
      probe,
    },
  };
};
