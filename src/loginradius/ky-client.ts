import ky, { type KyInstance } from "ky";
import { readRetryAfter } from "../http/retry-after.js";
import {
  type AttemptTrace,
  attemptAnswered,
  endAttempt,
  startAttempt,
} from "../tracing/upstream-spans.js";
import type { AttemptProgress } from "./attempt-progress.js";
import { createGuardedFetch } from "./guarded-fetch.js";
import type { CallInput, Endpoint, RequestScope, UpstreamOptions } from "./http.js";
import type { UpstreamObserver } from "./observe.js";
import type { OutboundLimit } from "./outbound-limit.js";
import { createSigner } from "./request-signing.js";
import { toUpstreamError, UpstreamError } from "./upstream-error.js";

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
      // The parameter's name travels as the field at fault: the section's renames turn it into
      // the argument the caller gave (`{role}` -> `name`), so the error names that, not `uid`.
      throw new UpstreamError(
        "invalid_request",
        endpoint,
        null,
        null,
        `Invalid path parameter ${name}.`,
        [name],
      );
    return encodeURIComponent(value);
  });

/** What the adapter's ky hooks need of one call; ky hands it to them as `options.context.call`. */
export interface CallState {
  name: string;
  scope: RequestScope;
  /** Attempts sent so far. */
  attempt: { n: number };
  /** Set when the request is traced: the open attempt's span. */
  trace?: AttemptTrace;
  /** How far the current attempt got (written by the guarded fetch). */
  progress: AttemptProgress;
  /** Not the request's first read: yields to writes and single reads for outbound tokens. */
  bulk?: boolean;
}

const callOf = (options: { context: Record<string, unknown> }) =>
  options.context.call as CallState | undefined;

/**
 * The hooks, made once (closures and arrays per call were allocations on every upstream call):
 * one outbound token and one `stats` count per attempt, taken before ky starts the attempt's
 * timer (waiting for a token is not LoginRadius's time); one log line per retried attempt. The
 * readiness probe passes no call: it takes no token.
 */
const callHooks = (limit: OutboundLimit, observer: UpstreamObserver) => ({
  beforeRequest: [
    async (_request: Request, options: { context: Record<string, unknown> }) => {
      const call = callOf(options);
      if (!call) return;
      // A request's second and later reads are bulk (accountsByUids, _entities): they yield
      // to writes and single reads when tokens are short. Counted when asked, not when sent:
      // a batch's reads all ask before the first is sent. A retry keeps its call's priority.
      const stats = call.scope.stats;
      if (call.attempt.n === 0 && stats && call.name.startsWith("GET ")) {
        call.bulk = (stats.upstreamAsked ?? 0) > 0;
        stats.upstreamAsked = (stats.upstreamAsked ?? 0) + 1;
      }
      await limit.take(call.name, call.scope.signal, call.bulk === true);
      call.attempt.n++;
      if (call.scope.stats) call.scope.stats.upstreamCalls++;
      if (call.trace && call.scope.trace)
        startAttempt(call.scope.trace, call.trace, call.name, call.attempt.n);
    },
  ],
  afterResponse: [
    (_request: Request, options: { context: Record<string, unknown> }, response: Response) => {
      // The one Retry-After reader's seconds (a date too); none or 0: LoginRadius's one-second window.
      if (response.status === 429)
        limit.tooMany(readRetryAfter(response.headers.get("retry-after")) || 1);
      const trace = callOf(options)?.trace;
      if (trace) attemptAnswered(trace, response.status);
    },
  ],
  beforeRetry: [
    async ({ error, options }: { error: Error; options: { context: Record<string, unknown> } }) => {
      const call = callOf(options);
      if (!call) return;
      const failed = await toUpstreamError(call.name, error, call.progress);
      observer.attemptFailed(failed, call.attempt.n, call.scope.requestId, true);
      if (call.trace) endAttempt(call.trace, failed);
    },
  ],
});

/**
 * The one ky instance that talks to LoginRadius: the key in the query (as the SDKs send it), the
 * secret in the `X-LoginRadius-ApiSecret` header only, or, with request signing, never sent: each
 * attempt signed by the guarded fetch instead. No redirects, a deadline per attempt over headers
 * and body (the guarded fetch reads the body inside the attempt), a body cap.
 */
export const createKy = (
  options: UpstreamOptions,
  limit: OutboundLimit,
  observer: UpstreamObserver,
): KyInstance =>
  ky.create({
    prefixUrl: options.apiUrl.replace(/\/+$/, ""),
    timeout: options.timeoutMs,
    throwHttpErrors: true,
    redirect: "manual",
    fetch: createGuardedFetch({
      maxResponseBytes: options.maxResponseBytes,
      maxSockets: options.maxConcurrency,
      ...(options.requestSigning ? { sign: createSigner(options.apiSecret) } : {}),
    }),
    headers: options.requestSigning
      ? { Accept: "application/json" }
      : { "X-LoginRadius-ApiSecret": options.apiSecret, Accept: "application/json" },
    hooks: callHooks(limit, observer),
  });

/**
 * The path and query of a call, as one string: given to ky as `searchParams`, the query makes it
 * build its Request twice.
 */
export const target = (apiKey: string, e: Endpoint, input: CallInput): string => {
  const search = new URLSearchParams({ apiKey });
  for (const key in input.query) {
    const value = input.query[key];
    if (value !== undefined) search.set(key, String(value));
  }
  return `${buildPath(`${e.method} ${e.path}`, e.path, input.params).slice(1)}?${search}`;
};
