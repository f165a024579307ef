import { type BreakerState, createBreaker } from "./breaker.js";
import type { Cancel } from "./deadline.js";
import type { UpstreamObserver } from "./observe.js";
import { createSemaphore, ShedError } from "./semaphore.js";
import { deadlinePassed, isDeadline, UpstreamError } from "./upstream-error.js";

export interface SheddingOptions {
  maxConcurrency: number;
  maxQueue: number;
  maxQueueWaitMs: number;
  breakerFailures: number;
  breakerOpenMs: number;
}

/** Failures that say LoginRadius is unwell. A 4xx business answer (938, 936...) says it is fine. */
const UNWELL = new Set<UpstreamError["failure"]>([
  "timeout",
  "unavailable",
  "bad_response",
  "too_large",
]);

const isUnwell = (error: UpstreamError) => UNWELL.has(error.failure) && !isDeadline(error);

/** Ended without asking LoginRadius anything, or with an answer that says nothing of its health. */
const isNeutral = (error: UpstreamError) =>
  !isUnwell(error) && (error.status === null || error.failure === "redirected");

/**
 * Load shedding in front of the ky call: the circuit breaker first (open: fail fast, nothing
 * queued), then a bounded, time-limited queue for a concurrency slot. Both refuse with an
 * UpstreamError (`circuit_open`, `overloaded`) that callers see as UPSTREAM_UNAVAILABLE at once.
 */
export const createShedding = (
  options: SheddingOptions,
  observer: UpstreamObserver,
  now: () => number,
) => {
  const breaker = createBreaker({
    failureThreshold: options.breakerFailures,
    openMs: options.breakerOpenMs,
    now,
    onChange: observer.breakerChanged,
  });
  const semaphore = createSemaphore({
    max: options.maxConcurrency,
    maxQueue: options.maxQueue,
    maxWaitMs: options.maxQueueWaitMs,
    onChange: observer.queueChanged,
  });
  observer.breakerChanged("closed", "closed");

  return {
    breakerState: (): BreakerState => breaker.state(),
    /** Runs `send` (one upstream call with its retries and answer check) under breaker and cap. */
    async run<T>(name: string, signal: Cancel | undefined, send: () => Promise<T>): Promise<T> {
      if (signal?.aborted) throw deadlinePassed(name);
      if (!breaker.allow()) throw new UpstreamError("circuit_open", name, null);
      let release: () => void;
      try {
        release = await semaphore.acquire(signal);
      } catch (error) {
        breaker.release();
        if (error instanceof ShedError && error.reason === "aborted") throw deadlinePassed(name);
        throw new UpstreamError("overloaded", name, null, null, (error as ShedError).reason);
      }
      try {
        const result = await send();
        breaker.success();
        return result;
      } catch (error) {
        if (!(error instanceof UpstreamError) || isNeutral(error)) breaker.release();
        else if (isUnwell(error)) breaker.failure();
        else breaker.success();
        throw error;
      } finally {
        release();
      }
    },
  };
};
