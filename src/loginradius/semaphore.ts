/** Why a caller was not given a slot. */
export type ShedReason = "queue_full" | "queue_timeout" | "aborted";

export class ShedError extends Error {
  override readonly name = "ShedError";
  constructor(readonly reason: ShedReason) {
    super(`No upstream slot: ${reason}`);
  }
}

export interface SemaphoreOptions {
  /** Slots: at most this many holders at once. */
  max: number;
  /** Waiters beyond this are refused at once (`queue_full`). */
  maxQueue: number;
  /** A waiter not served within this is refused (`queue_timeout`). */
  maxWaitMs: number;
  /** Told after every change, for the queue-depth and in-flight gauges. */
  onChange?: (state: { inFlight: number; queued: number }) => void;
}

export interface Semaphore {
  /** Waits for a slot; resolves to its release function. Rejects with ShedError. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  readonly inFlight: number;
  readonly queued: number;
}

interface Waiter {
  grant: () => void;
}

/**
 * A bounded semaphore for load shedding: unlike p-limit, its queue has a length limit and a time
 * limit, so past capacity a request fails fast instead of waiting behind a stalled upstream.
 */
export const createSemaphore = (options: SemaphoreOptions): Semaphore => {
  let inFlight = 0;
  const queue: Waiter[] = [];
  const changed = () => options.onChange?.({ inFlight, queued: queue.length });

  const release = () => {
    const next = queue.shift();
    if (next) next.grant();
    else inFlight--;
    changed();
  };
  const once = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };

  return {
    get inFlight() {
      return inFlight;
    },
    get queued() {
      return queue.length;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(new ShedError("aborted"));
      if (inFlight < options.max) {
        inFlight++;
        changed();
        return Promise.resolve(once());
      }
      if (queue.length >= options.maxQueue) return Promise.reject(new ShedError("queue_full"));
      return new Promise((resolve, reject) => {
        const leave = (reason: ShedReason) => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          changed();
          reject(new ShedError(reason));
        };
        const onAbort = () => leave("aborted");
        const timer = setTimeout(() => leave("queue_timeout"), options.maxWaitMs);
        // The slot passes straight from the releaser to this waiter: inFlight stays the same.
        const waiter: Waiter = {
          grant: () => {
            clearTimeout(timer);
            signal?.removeEventListener("abort", onAbort);
            resolve(once());
          },
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiter);
        changed();
      });
    },
  };
};
