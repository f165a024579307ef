import { HTTPError, TimeoutError } from "ky";
import { readRetryAfter } from "../http/retry-after.js";
import type { AttemptProgress } from "./attempt-progress.js";
import { RefusedResponse } from "./guarded-fetch.js";
import { type PasswordRule, passwordRuleOf } from "./password-rule.js";
import { WireErrorSchema } from "./wire.js";

/**
 * Why an upstream call failed:
 * - `rejected`: LoginRadius answered with an error body (its `ErrorCode` says why);
 * - `rate_limited`: HTTP 429, or our own outbound limit (`UPSTREAM_MAX_RPS`) has no token soon;
 * - `unavailable`: a 5xx, a dropped connection or a refused one;
 * - `timeout`: no whole answer within the attempt's deadline, or the request's deadline passed;
 * - `bad_response`: an answer that is not the JSON this endpoint sends;
 * - `too_large`: an answer longer than `UPSTREAM_MAX_RESPONSE_BYTES` (reading stopped there);
 * - `redirected`: a 3xx; never followed, so neither secret nor body leaves for another host;
 * - `overloaded`: shed before sending: the concurrency queue is full or the wait too long;
 * - `circuit_open`: shed before sending: the breaker is open after consecutive failures;
 * - `invalid_request`: refused before sending (a path parameter that could escape its segment).
 */
export type UpstreamFailure =
  | "rejected"
  | "rate_limited"
  | "unavailable"
  | "timeout"
  | "bad_response"
  | "too_large"
  | "redirected"
  | "overloaded"
  | "circuit_open"
  | "invalid_request";

/** How far a failed attempt got, as the guarded fetch saw it (guarded-fetch.ts `AttemptProgress`). */
export interface TransportState {
  phase: AttemptProgress["phase"];
  /** The whole request was handed to the connection: LoginRadius may have acted on it. */
  sent: boolean;
  /** What failed, in the transport's words: `ECONNREFUSED`, `ENOTFOUND`, a TLS code... */
  cause: string | null;
}

/** What an UpstreamError may carry besides its failure; each absent means "not known". */
export interface UpstreamErrorExtra {
  transport?: TransportState;
  /**
   * Set when a call that is not safe to repeat may have been performed (`mayHaveActed`): what
   * to look at before repeating it. Clients then see UPSTREAM_OUTCOME_UNKNOWN.
   */
  checkFirst?: string;
  /** For a 1134 on a password: which rule failed, as our tag (password-rule.ts). */
  passwordRule?: PasswordRule;
}

/**
 * The one error type the REST adapter throws. It names the endpoint by its template
 * (`GET /identity/v2/manage/account/{uid}`), never by URL, and carries no secret and no
 * LoginRadius wording: only the status, the `ErrorCode` and the names of the fields at fault.
 */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";
  readonly transport: TransportState | null;
  /** What to look at before repeating the call; set only when its outcome is unknown. */
  readonly checkFirst: string | null;
  readonly passwordRule: PasswordRule | null;

  constructor(
    readonly failure: UpstreamFailure,
    readonly endpoint: string,
    readonly status: number | null,
    readonly errorCode: number | null = null,
    /** Why, in our words (a validation path, "cap reached"); for logs only, never LoginRadius text. */
    readonly detail: string | null = null,
    /** LoginRadius `Errors[].FieldName` values; their messages are not kept. */
    readonly fieldNames: string[] = [],
    readonly retryAfterSeconds: number | null = null,
    extra: UpstreamErrorExtra = {},
  ) {
    super(
      `LoginRadius ${endpoint} failed: ${failure}` +
        (errorCode === null ? "" : ` (ErrorCode ${errorCode})`) +
        (status === null ? "" : ` [HTTP ${status}]`),
    );
    this.transport = extra.transport ?? null;
    this.checkFirst = extra.checkFirst ?? null;
    this.passwordRule = extra.passwordRule ?? null;
  }

  /** This error with more of what is known about it. */
  with(extra: UpstreamErrorExtra): UpstreamError {
    return new UpstreamError(
      this.failure,
      this.endpoint,
      this.status,
      this.errorCode,
      this.detail,
      this.fieldNames,
      this.retryAfterSeconds,
      {
        ...(this.transport ? { transport: this.transport } : {}),
        ...(this.checkFirst ? { checkFirst: this.checkFirst } : {}),
        ...(this.passwordRule ? { passwordRule: this.passwordRule } : {}),
        ...extra,
      },
    );
  }
}

const MAY_HAVE_ACTED = new Set<UpstreamFailure>([
  "timeout",
  "unavailable",
  "bad_response",
  "too_large",
]);

/**
 * Whether LoginRadius may have performed a call that failed: it got the whole request (an
 * answer came, or the transport saw it sent) and nothing it said means "not done". A 2xx it
 * could not be read, a 5xx, a drop or a timeout after sending: maybe. A 4xx, a 429, a redirect,
 * and everything that ended before sending (breaker open, queue full, connection refused, DNS,
 * TLS, a connect timeout): no.
 */
export const mayHaveActed = (error: UpstreamError): boolean =>
  MAY_HAVE_ACTED.has(error.failure) &&
  (error.status === null
    ? error.transport?.sent === true
    : error.status < 400 || error.status >= 500);

/**
 * LoginRadius codes that mean "your key or secret is refused": an operator must act. 1207-1212
 * refuse a request signature or its expiry (a wrong secret, a clock off, signing mode mismatch).
 */
export const AUTH_ERROR_CODES: ReadonlySet<number> = new Set([
  901, 902, 905, 906, 909, 920, 921, 922, 923, 1143, 1207, 1208, 1209, 1210, 1211, 1212,
]);

/**
 * A body that says "error" even with HTTP 200 (the official SDKs decide by the body, too): a
 * LoginRadius refusal. What a 429 or 5xx status means is decided by `fromHttpError`, not here.
 */
export const errorInBody = (
  endpoint: string,
  status: number,
  body: unknown,
): UpstreamError | undefined => {
  const parsed = WireErrorSchema.safeParse(body);
  if (!parsed.success || parsed.data.ErrorCode === 0) return undefined;
  const errors = parsed.data.Errors ?? [];
  const rule = parsed.data.ErrorCode === 1134 ? passwordRuleOf(errors) : null;
  return new UpstreamError(
    "rejected",
    endpoint,
    status,
    parsed.data.ErrorCode,
    null,
    errors.map((e) => e.FieldName),
    null,
    rule ? { passwordRule: rule } : {},
  );
};

const fromHttpError = async (endpoint: string, error: HTTPError): Promise<UpstreamError> => {
  const { status } = error.response;
  if (status >= 300 && status < 400) return new UpstreamError("redirected", endpoint, status);
  const retryAfter = readRetryAfter(error.response.headers.get("retry-after"));
  let body: unknown;
  try {
    body = JSON.parse(await error.response.text());
  } catch {
    body = undefined;
  }
  const fromBody = errorInBody(endpoint, status, body);
  const errorCode = fromBody?.errorCode ?? null;
  if (status === 429)
    return new UpstreamError("rate_limited", endpoint, status, errorCode, null, [], retryAfter);
  if (fromBody && status < 500) return fromBody;
  if (status >= 500 || status === 408)
    return new UpstreamError("unavailable", endpoint, status, errorCode);
  return new UpstreamError("bad_response", endpoint, status, null, "error status without body");
};

const REQUEST_DEADLINE = "request deadline";

/**
 * The GraphQL request's own deadline ended the call (not LoginRadius being slow): a timeout to
 * the client, but no sign of LoginRadius's health, so the breaker does not count it.
 */
export const deadlinePassed = (endpoint: string): UpstreamError =>
  new UpstreamError("timeout", endpoint, null, null, REQUEST_DEADLINE);

export const isDeadline = (error: UpstreamError): boolean =>
  error.failure === "timeout" && error.detail === REQUEST_DEADLINE;

/** The transport's view of an attempt, copied: the progress object is reused by the next one. */
const transportOf = (progress: AttemptProgress | undefined): UpstreamErrorExtra =>
  progress
    ? { transport: { phase: progress.phase, sent: progress.sent, cause: progress.code } }
    : {};

const fromThrown = async (endpoint: string, error: unknown): Promise<UpstreamError> => {
  if (error instanceof TimeoutError) return new UpstreamError("timeout", endpoint, null);
  if (error instanceof RefusedResponse)
    return new UpstreamError(error.kind, endpoint, error.status);
  if (error instanceof HTTPError) return fromHttpError(endpoint, error);
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return deadlinePassed(endpoint);
  // ECONNREFUSED, ENOTFOUND, a TLS failure, a socket closed mid-response.
  return new UpstreamError("unavailable", endpoint, null);
};

/**
 * Translates anything ky or fetch threw into an UpstreamError, once, here. An abort whose reason
 * is a timeout (the request's deadline, `AbortSignal.timeout`) is a timeout like ky's own.
 * `progress` is the attempt's, as the guarded fetch left it: the error keeps a copy (phase,
 * whether the request was sent, the transport's error code) for logs and `mayHaveActed`.
 */
export const toUpstreamError = async (
  endpoint: string,
  error: unknown,
  progress?: AttemptProgress,
): Promise<UpstreamError> => {
  if (error instanceof UpstreamError) return error;
  const failed = await fromThrown(endpoint, error);
  return progress ? failed.with(transportOf(progress)) : failed;
};

/** Whether LoginRadius answered with one of these `ErrorCode`s (its answer, not a failure). */
export const isRejectedWith = (error: unknown, ...codes: number[]): error is UpstreamError =>
  error instanceof UpstreamError &&
  error.failure === "rejected" &&
  error.errorCode !== null &&
  codes.includes(error.errorCode);

/**
 * The call's value, or `fallback` when LoginRadius answers one of `codes`: for reads where "no
 * such account" (938) or "no such record" means nothing there, not an error.
 */
export const orWhenRejected = async <T, F>(
  call: Promise<T>,
  codes: readonly number[],
  fallback: F,
): Promise<T | F> => {
  try {
    return await call;
  } catch (error) {
    if (isRejectedWith(error, ...codes)) return fallback;
    throw error;
  }
};
