import { HTTPError, type RetryOptions } from "ky";
import type { Cancel } from "./deadline.js";
import { UpstreamError } from "./upstream-error.js";

export interface RetryTuning {
  retryLimit: number;
  retryBaseDelayMs: number;
  maxRetryAfterSeconds: number;
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];

/** The request a call serves, as far as retries care: no retry after, or waiting past, its end. */
export interface RetryScope {
  signal?: Cancel;
  /** `Date.now()` ms. */
  deadlineAt?: number;
}

/**
 * The longest ky could wait before retry `retryCount` (it jitters below the backoff), or false
 * for a 429 that asks for longer than `maxRetryAfterSeconds`: that one is reported, not waited.
 */
const longestWait = (tuning: RetryTuning, error: Error, retryCount: number): number | false => {
  const header =
    error instanceof HTTPError && [429, 503].includes(error.response.status)
      ? error.response.headers.get("retry-after")
      : null;
  if (header === null) return Math.min(2000, tuning.retryBaseDelayMs * 2 ** (retryCount - 1));
  const seconds = Number(header);
  const bound = tuning.maxRetryAfterSeconds;
  if ((error as HTTPError).response.status === 429 && seconds > bound) return false;
  // ky honours an HTTP date too, up to the same bound: count it as that bound.
  return (Number.isFinite(seconds) ? Math.min(seconds, bound) : bound) * 1000;
};

/**
 * ky's retry options for one call. Calls not safe to repeat get none. The others are retried on
 * 408/429/5xx, drops (a reset mid-body included: the guarded fetch reads the body inside the
 * attempt) and per-attempt timeouts, with exponential backoff and full jitter, honouring a
 * `Retry-After` up to `maxRetryAfterSeconds`. Never retried: our own refusals (a redirect, the
 * body cap, the outbound limit), anything after the request's deadline passed, and anything
 * whose wait would end past it (ky does not see the deadline: the call fails now, as itself).
 */
export const retryOptions = (
  tuning: RetryTuning,
  method: string,
  safeToRepeat: boolean,
  scope: RetryScope = {},
  now: () => number = Date.now,
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
        shouldRetry: ({ error, retryCount }) => {
          if (
            scope.signal?.aborted ||
            error instanceof UpstreamError ||
            error.name === "RefusedResponse"
          )
            return false;
          const wait = longestWait(tuning, error, retryCount);
          if (wait === false) return false;
          return scope.deadlineAt !== undefined && now() + wait >= scope.deadlineAt
            ? false
            : undefined;
        },
      }
    : { limit: 0 };
