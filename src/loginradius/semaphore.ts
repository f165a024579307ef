import type { Cancel } from "./deadline.js";
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
  acquire(signal?: Cancel): Promise<() => void>;
  readonly inFlight: number;
  readonly queued: number;
}

interface Waiter {
  grant: () => void;
}

/**
 * A bounded semaphore for load shedding: unlike a plain concurrency limiter, its queue has a length limit and a time
 * limit, so past capacity a request fails fast instead of waiting behind a stalled upstream.
 */
class BoundedSemaphore implements Semaphore {
  private held = 0;
  private readonly waiters: Waiter[] = [];

  constructor(private readonly options: SemaphoreOptions) {}

  get inFlight() {
    return this.held;
  }

  get queued() {
    return this.waiters.length;
  }

  acquire(signal?: Cancel): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new ShedError("aborted"));
    if (this.held < this.options.max) {
      this.held++;
      this.changed();
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.options.maxQueue)
      return Promise.reject(new ShedError("queue_full"));
    return this.enqueue(signal);
  }

  private changed() {
    this.options.onChange?.({ inFlight: this.held, queued: this.waiters.length });
  }

  /** A release function that frees the slot once, however often it is called. */
  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiters.shift();
      // The slot passes straight to the next waiter: `held` stays the same.
      if (next) next.grant();
      else this.held--;
      this.changed();
    };
  }

  private enqueue(signal?: Cancel): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const leave = (reason: ShedReason) => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        this.changed();
        reject(new ShedError(reason));
      };
      const onAbort = () => leave("aborted");
      const timer = setTimeout(() => leave("queue_timeout"), this.options.maxWaitMs);
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          resolve(this.releaser());
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
      this.changed();
    });
  }
}

export const createSemaphore = (options: SemaphoreOptions): Semaphore =>
  new BoundedSemaphore(options);
