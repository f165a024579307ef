import { type Span, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { UpstreamError } from "../loginradius/upstream-error.js";
import { startChild, type TraceScope } from "./tracing.js";

/** One LoginRadius call's tracing state, kept on the adapter's per-call state. */
export interface AttemptTrace {
  /** The open attempt's span. */
  span?: Span;
  /** When the call began (before its slot and token waits), or the last attempt ended. */
  mark: number;
}

/**
 * A span per attempt, a child of the operation's: the endpoint by its template (never the URL,
 * which holds identifiers and the key), the attempt number, and how long it waited before being
 * sent: for the first attempt the wait for a slot and an outbound token, for a retry the backoff
 * (and token) since the attempt before.
 */
export const startAttempt = (
  parent: TraceScope,
  state: AttemptTrace,
  endpoint: string,
  attempt: number,
): void => {
  const waited = Math.round((performance.now() - state.mark) * 100) / 100;
  const [method = "", template = ""] = endpoint.split(" ");
  state.span = startChild(
    parent,
    `LoginRadius ${endpoint}`,
    {
      "http.request.method": method,
      "url.template": template,
      "loginradius.attempt": attempt,
      ...(attempt === 1
        ? { "loginradius.queue_wait_ms": waited }
        : { "loginradius.retry_wait_ms": waited, "http.request.resend_count": attempt - 1 }),
    },
    SpanKind.CLIENT,
  );
};

/** LoginRadius answered this attempt with `status` (any status; errors end it later). */
export const attemptAnswered = (state: AttemptTrace, status: number): void => {
  state.span?.setAttribute("http.response.status_code", status);
};

/** Ends the open attempt: ok, or failed with LoginRadius's ErrorCode and our failure kind. */
export const endAttempt = (state: AttemptTrace, error?: UpstreamError): void => {
  const span = state.span;
  state.span = undefined;
  state.mark = performance.now();
  if (!span) return;
  if (error) {
    if (error.status !== null) span.setAttribute("http.response.status_code", error.status);
    if (error.errorCode !== null) span.setAttribute("loginradius.error_code", error.errorCode);
    span.setAttribute("error.type", error.failure);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.failure });
  }
  span.end();
};
