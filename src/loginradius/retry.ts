import { HTTPError, type RetryOptions } from "ky";
import { UpstreamError } from "./upstream-error.js";

export interface RetryTuning {
  retryLimit: number;
  retryBaseDelayMs: number;
  maxRetryAfterSeconds: number;
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];

/**
 * ky's retry options for one call. Calls not safe to repeat get none. The others are retried on
 * 408/429/5xx, drops (a reset mid-body included: the guarded fetch reads the body inside the
 * attempt) and per-attempt timeouts, with exponential backoff and full jitter, honouring a
 * `Retry-After` up to `maxRetryAfterSeconds`. Never retried: our own refusals (a redirect, the
 * body cap, the outbound limit) and anything after the request's deadline passed.
 */
export const retryOptions = (
  tuning: RetryTuning,
  method: string,
  safeToRepeat: boolean,
  deadline?: AbortSignal,
): RetryOptions =>
  safeToRepeat
    ? {
        limit: tuning.retryLimit,
        methods: [method.toLowerCase()],
        statusCodes: RETRY_STATUS,
        afterStatusCodes: [429, 503],
        maxRetryAfter: tuning.maxRetryAfterSeconds * 1000,
        backoffLimit: 2000,
        delay: (attempt) => tuning.retryBaseDelayMs * 2 ** (attempt - 1),
        jitter: true,
        retryOnTimeout: true,
        shouldRetry: ({ error }) => {
          if (
            deadline?.aborted ||
            error instanceof UpstreamError ||
            error.name === "RefusedResponse"
          )
            return false;
          if (!(error instanceof HTTPError) || error.response.status !== 429) return undefined;
          const after = Number(error.response.headers.get("retry-after"));
          return Number.isFinite(after) && after > tuning.maxRetryAfterSeconds ? false : undefined;
        },
      }
    : { limit: 0 };
