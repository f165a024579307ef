/**
 * What waiting on a request's end needs: whether it has ended, why, and a listener for when it
 * does. AbortSignal has it (a shutdown signal given as `outer`), and so has a request deadline.
 */
export interface Cancel {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** One GraphQL request's deadline: what its upstream calls listen to, and when it passes. */
export interface Deadline {
  /** Ends (reason: a `TimeoutError`) when the deadline passes, or with `outer`'s reason. */
  readonly signal: Cancel;
  /** When it passes, in `Date.now()` milliseconds. */
  readonly at: number;
  /** The request is answered: the timer is cleared and `outer` let go. Nothing is ended. */
  end(): void;
}

/**
 * The deadline's signal: a listener list, not an AbortSignal. Under load every AbortSignal made
 * outlives the young generation (V8 promotes it, in Node 20, whatever holds it), so each one is
 * work for a full GC; ky and fetch already make three per upstream call.
 */
class DeadlineSignal implements Cancel {
  aborted = false;
  reason: unknown;
  #listeners: (() => void)[] = [];

  addEventListener(_type: "abort", listener: () => void): void {
    this.#listeners.push(listener);
  }

  removeEventListener(_type: "abort", listener: () => void): void {
    const at = this.#listeners.indexOf(listener);
    if (at >= 0) this.#listeners.splice(at, 1);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener();
  }
}

/**
 * A deadline `ms` from now, also ended by `outer` (e.g. a shutdown) when given, with a plain
 * timer that `end()` clears the moment the response is sent (an `AbortSignal.timeout` timer
 * lived its full 30 s, and what it held with it). Listeners are called once, when it ends.
 */
export const startDeadline = (ms: number, outer?: Cancel, now = Date.now): Deadline => {
  const signal = new DeadlineSignal();
  const timer = setTimeout(
    () => signal.abort(new DOMException("The request's deadline passed.", "TimeoutError")),
    ms,
  );
  timer.unref();
  const onOuter = () => {
    clearTimeout(timer);
    signal.abort(outer?.reason);
  };
  if (outer?.aborted) onOuter();
  else outer?.addEventListener("abort", onOuter, { once: true });
  return {
    signal,
    at: now() + ms,
    end: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuter);
    },
  };
};
