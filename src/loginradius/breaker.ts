export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  failureThreshold: number;
  /** How long it stays open before letting one probe through. */
  openMs: number;
  now?: () => number;
  onChange?: (from: BreakerState, to: BreakerState) => void;
}

export interface Breaker {
  /** Whether a call may go now. In half-open, only the first caller (the probe) is let through. */
  allow(): boolean;
  success(): void;
  failure(): void;
  /** A call that was let through but ended neither way (e.g. shed later): frees the probe slot. */
  release(): void;
  state(): BreakerState;
}

/**
 * A circuit breaker for one upstream: after `failureThreshold` consecutive failures it opens and
 * calls fail fast; after `openMs` one probe goes through (half-open); its success closes the
 * breaker, its failure opens it again. What counts as a failure is the caller's decision.
 */
export const createBreaker = (options: BreakerOptions): Breaker => {
  const now = options.now ?? Date.now;
  let state: BreakerState = "closed";
  let failures = 0;
  let openedAt = 0;
  let probing = false;

  const move = (to: BreakerState) => {
    if (to === state) return;
    const from = state;
    state = to;
    options.onChange?.(from, to);
  };

  /** Open turns half-open by time alone: checked whenever the breaker is consulted. */
  const tick = () => {
    if (state === "open" && now() - openedAt >= options.openMs) move("half-open");
  };

  return {
    allow() {
      tick();
      if (state === "closed") return true;
      if (state === "half-open" && !probing) {
        probing = true;
        return true;
      }
      return false;
    },
    // While open, outcomes of calls sent before it opened say nothing new: only the probe's count.
    success() {
      tick();
      if (state === "open") return;
      failures = 0;
      probing = false;
      move("closed");
    },
    failure() {
      tick();
      if (state === "open") return;
      failures++;
      if (state === "half-open" || failures >= options.failureThreshold) {
        probing = false;
        openedAt = now();
        move("open");
      }
    },
    release() {
      probing = false;
    },
    state() {
      tick();
      return state;
    },
  };
};
