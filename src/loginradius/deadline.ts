import { setMaxListeners } from "node:events";

/** One GraphQL request's deadline: what its upstream calls listen to, and when it passes. */
export interface Deadline {
  /** Aborts (reason: a `TimeoutError`) when the deadline passes, or with `outer`'s reason. */
  readonly signal: AbortSignal;
  /** When it passes, in `Date.now()` milliseconds. */
  readonly at: number;
  /** The request is answered: the timer is cleared and `outer` let go. Nothing is aborted. */
  end(): void;
}

/**
 * A deadline `ms` from now, also ended by `outer` (e.g. a shutdown) when given: a plain
 * controller and timer rather than `AbortSignal.timeout`/`any`, so that `end()` can clear the
 * timer the moment the response is sent, instead of 30 s of timers (and what they hold) waiting
 * for a major GC. Every AbortSignal costs: Node makes each one transferable, a native handle that
 * survives young-generation GCs, so each is promoted and lives until a full GC.
 */
export const startDeadline = (ms: number, outer?: AbortSignal, now = Date.now): Deadline => {
  const controller = new AbortController();
  // Each upstream call of the request listens to it (the queue, the outbound limit, the fetch):
  // 100 UIDs are 100 listeners by design, not a leak; the warning (a stack and a line) cost CPU.
  setMaxListeners(0, controller.signal);
  const timer = setTimeout(
    () => controller.abort(new DOMException("The request's deadline passed.", "TimeoutError")),
    ms,
  );
  timer.unref();
  const onOuter = () => {
    clearTimeout(timer);
    controller.abort(outer?.reason);
  };
  if (outer?.aborted) onOuter();
  else outer?.addEventListener("abort", onOuter, { once: true });
  return {
    signal: controller.signal,
    at: now() + ms,
    end: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuter);
    },
  };
};
