import type { Logger } from "../log.js";
import type { Metrics } from "../metrics.js";
import type { BreakerState } from "./breaker.js";
import { AUTH_ERROR_CODES, type UpstreamError } from "./upstream-error.js";

/** Ended before anything was sent: shed, or a path parameter refused (the client's input). */
const isShed = (error: UpstreamError) =>
  error.failure === "overloaded" ||
  error.failure === "circuit_open" ||
  error.failure === "invalid_request" ||
  (error.failure === "rate_limited" && error.status === null);

/**
 * Why the transport failed, for the log: the Node error code (`ECONNREFUSED`, `ENOTFOUND`,
 * `ECONNRESET`, `DEPTH_ZERO_SELF_SIGNED_CERT`...), the phase it was in (a timeout's included:
 * connect, headers or body), whether the request had been sent, and whether the outcome is
 * unknown. Codes only: Node's messages hold addresses and the URL.
 */
const transportFields = (error: UpstreamError) => {
  const t = error.transport;
  return {
    ...(t?.cause ? { cause: t.cause } : {}),
    ...(t && error.status === null ? { phase: t.phase, sent: t.sent } : {}),
    ...(error.checkFirst !== null ? { outcome: "unknown" } : {}),
  };
};

const BREAKER_GAUGE: Record<BreakerState, number> = { closed: 0, "half-open": 1, open: 2 };

export interface UpstreamObserver {
  /** Epoch ms of the last answer showing LoginRadius reachable and our credentials accepted. */
  lastOkAt(): number | null;
  /** LoginRadius answered, accepted our credentials, and refused for a business reason. */
  isGoodAnswer(error: UpstreamError): boolean;
  markOk(): void;
  /** Once per call (retries included): the calls counter, the latency histogram, health. */
  callEnded(endpoint: string, outcome: string, startedAt: number, error?: UpstreamError): void;
  /** One log line per failed attempt; `retrying` also counts a retry. */
  attemptFailed(
    error: UpstreamError,
    attempt: number,
    requestId?: string,
    retrying?: boolean,
  ): void;
  breakerChanged(from: BreakerState, to: BreakerState): void;
  queueChanged(state: { inFlight: number; queued: number }): void;
}

/**
 * Logs and metrics of the upstream side. A failure line names the endpoint by its template and
 * carries status, LoginRadius ErrorCode, attempt, kind and request id: never the URL's query,
 * the key, the secret, or any body. Auth failures are `error` (an operator must act), outages
 * `warn`; business refusals (938 not found...) are answers, not failures, and calls shed before
 * sending (breaker open, queue full, no outbound token) would flood the log exactly when it
 * matters: both are `debug`, counted in the metrics, and the breaker's state changes are `warn`.
 */
export const createUpstreamObserver = (deps: {
  logger: Logger;
  metrics: Metrics;
  now: () => number;
}): UpstreamObserver => {
  const { logger, metrics } = deps;
  let lastOk: number | null = null;
  const isAuth = (error: UpstreamError) =>
    error.errorCode !== null && AUTH_ERROR_CODES.has(error.errorCode);
  const isGoodAnswer = (error: UpstreamError) => error.failure === "rejected" && !isAuth(error);

  return {
    lastOkAt: () => lastOk,
    isGoodAnswer,
    markOk: () => {
      lastOk = deps.now();
    },
    callEnded(endpoint, outcome, startedAt, error) {
      metrics.upstreamCalls.inc({ endpoint, outcome });
      metrics.upstreamDuration.observe({ endpoint }, (performance.now() - startedAt) / 1000);
      if (!error || isGoodAnswer(error)) lastOk = deps.now();
    },
    attemptFailed(error, attempt, requestId, retrying = false) {
      if (retrying) metrics.upstreamRetries.inc({ endpoint: error.endpoint });
      const line = {
        endpoint: error.endpoint,
        status: error.status,
        lrErrorCode: error.errorCode,
        attempt,
        kind: error.failure,
        ...(error.detail ? { detail: error.detail } : {}),
        ...transportFields(error),
        ...(error.retryAfterSeconds !== null ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        ...(requestId ? { requestId } : {}),
        ...(retrying ? { retrying } : {}),
      };
      if (isAuth(error)) logger.error(line, "LoginRadius refused our credentials");
      else if (isGoodAnswer(error)) logger.debug(line, "LoginRadius refused the request");
      else if (isShed(error)) logger.debug(line, "LoginRadius call not sent");
      else logger.warn(line, "LoginRadius call failed");
    },
    breakerChanged(from, to) {
      metrics.breakerState.set(BREAKER_GAUGE[to]);
      if (from !== to) logger.warn({ from, to }, `LoginRadius circuit breaker ${to}`);
    },
    queueChanged({ inFlight, queued }) {
      metrics.inFlight.set(inFlight);
      metrics.queueDepth.set(queued);
    },
  };
};
