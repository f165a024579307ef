import { HTTPError, type RetryOptions } from "ky";
import { readRetryAfter } from "../http/retry-after.js";
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

/** Backoff without advice: the base delay doubling per retry, capped (ky jitters below it). */
const BACKOFF_LIMIT_MS = 2000;

const backoff = (tuning: RetryTuning, retryCount: number): number =>
  Math.min(BACKOFF_LIMIT_MS, tuning.retryBaseDelayMs * 2 ** (retryCount - 1));

/** The seconds a 429 or 503 asks us to wait (the one reader's rule), or null for no advice. */
const askedWait = (error: Error, now: number): number | null =>
  error instanceof HTTPError && [429, 503].includes(error.response.status)
    ? readRetryAfter(error.response.headers.get("retry-after"), now)
    : null;

/**
 * ky's retry options for one call. Calls not safe to repeat get none. The others are retried on
 * 408/429/5xx, drops (a reset mid-body included: the guarded fetch reads the body inside the
 * attempt) and per-attempt timeouts, with exponential backoff and full jitter, or the wait a
 * 429/503 asks for (no jitter) up to `maxRetryAfterSeconds`; a 429 asking for longer is reported,
 * not waited. Never retried: our own refusals (a redirect, the body cap, the outbound limit),
 * anything after the request's deadline passed, and anything whose wait would end past it (ky
 * does not see the deadline: the call fails now, as itself). ky reads no `Retry-After` itself
 * (`afterStatusCodes: []`): its rules differ (large numbers as dates, other headers), so the
 * wait `shouldRetry` decided on is the one `delay` hands back.
 */
export const retryOptions = (
  tuning: RetryTuning,
  method: string,
  safeToRepeat: boolean,
  scope: RetryScope = {},
  now: () => number = Date.now,
): RetryOptions => {
  if (!safeToRepeat) return { limit: 0 };
  const bound = tuning.maxRetryAfterSeconds;
  /** The wait (ms) the answer being retried asked for; null: back off. One call's, per attempt. */
  let asked: number | null = null;
  return {
    limit: tuning.retryLimit,
    methods: [method.toLowerCase()],
    statusCodes: RETRY_STATUS,
    afterStatusCodes: [],
    backoffLimit: Math.max(BACKOFF_LIMIT_MS, bound * 1000),
    delay: (attempt) => asked ?? backoff(tuning, attempt),
    jitter: (ms) => (asked === null ? Math.random() * ms : ms),
    retryOnTimeout: true,
    shouldRetry: ({ error, retryCount }) => {
      asked = null;
      if (
        scope.signal?.aborted ||
        error instanceof UpstreamError ||
        error.name === "RefusedResponse"
      )
        return false;
      const seconds = askedWait(error, now());
      if (seconds !== null && seconds > bound && (error as HTTPError).response.status === 429)
        return false;
      asked = seconds === null ? null : Math.min(seconds, bound) * 1000;
      const wait = asked ?? backoff(tuning, retryCount);
      return scope.deadlineAt !== undefined && now() + wait >= scope.deadlineAt ? false : undefined;
    },
  };
};
