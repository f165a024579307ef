import { HTTPError, TimeoutError } from "ky";
import type { WireError } from "./wire.js";

/**
 * Why an upstream call failed:
 * - `rejected`: LoginRadius answered with an error body (its `ErrorCode` says why);
 * - `rate_limited`: HTTP 429;
 * - `unavailable`: a 5xx, a dropped connection or a refused one;
 * - `timeout`: no answer in time;
 * - `bad_response`: an answer that is not the JSON LoginRadius sends;
 * - `invalid_request`: refused before sending (a path parameter that could escape its segment).
 */
export type UpstreamFailure =
  | "rejected"
  | "rate_limited"
  | "unavailable"
  | "timeout"
  | "bad_response"
  | "invalid_request";

/**
 * The one error type the REST adapter throws. It names the endpoint by its template
 * (`GET /identity/v2/manage/account/{uid}`), never by URL, and carries no secret.
 */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";

  constructor(
    readonly failure: UpstreamFailure,
    readonly endpoint: string,
    readonly status: number | null,
    readonly errorCode: number | null = null,
    readonly description: string | null = null,
    readonly fieldErrors: { field: string; message: string }[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(
      `LoginRadius ${endpoint} failed: ${failure}` +
        (errorCode === null ? "" : ` (ErrorCode ${errorCode})`) +
        (status === null ? "" : ` [HTTP ${status}]`),
    );
  }
}

const isWireError = (body: unknown): body is WireError =>
  typeof body === "object" &&
  body !== null &&
  typeof (body as { ErrorCode?: unknown }).ErrorCode === "number" &&
  (body as { ErrorCode: number }).ErrorCode !== 0;

/** A body that says "error" even with HTTP 200 (the official SDKs decide by the body, too). */
export const errorInBody = (
  endpoint: string,
  status: number,
  body: unknown,
): UpstreamError | undefined => {
  if (!isWireError(body)) return undefined;
  return new UpstreamError(
    status === 429 ? "rate_limited" : status >= 500 ? "unavailable" : "rejected",
    endpoint,
    status,
    body.ErrorCode,
    body.Description ?? null,
    (body.Errors ?? []).map((e) => ({ field: e.FieldName, message: e.ErrorMessage })),
  );
};

const parseRetryAfter = (value: string | null): number | null => {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
};

/** Translates anything ky or fetch threw into an UpstreamError, once, here. */
export const toUpstreamError = async (endpoint: string, error: unknown): Promise<UpstreamError> => {
  if (error instanceof UpstreamError) return error;
  if (error instanceof TimeoutError) return new UpstreamError("timeout", endpoint, null);
  if (error instanceof HTTPError) {
    const { status } = error.response;
    const retryAfter = parseRetryAfter(error.response.headers.get("retry-after"));
    let body: unknown;
    try {
      body = JSON.parse(await error.response.text());
    } catch {
      body = undefined;
    }
    const fromBody = errorInBody(endpoint, status, body);
    if (status === 429)
      return new UpstreamError(
        "rate_limited",
        endpoint,
        status,
        fromBody?.errorCode ?? null,
        fromBody?.description ?? null,
        [],
        retryAfter,
      );
    if (fromBody && status < 500) return fromBody;
    if (status >= 500 || status === 408)
      return new UpstreamError(
        "unavailable",
        endpoint,
        status,
        fromBody?.errorCode ?? null,
        fromBody?.description ?? null,
      );
    return new UpstreamError("bad_response", endpoint, status);
  }
  // fetch's TypeError("fetch failed"), ECONNREFUSED, a socket closed mid-response.
  return new UpstreamError("unavailable", endpoint, null);
};
