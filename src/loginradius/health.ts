import type { BreakerState } from "./breaker.js";
import type { UpstreamObserver } from "./observe.js";
import { toUpstreamError } from "./upstream-error.js";

/**
 * What the adapter knows of LoginRadius's health, for `/readyz`, logs and metrics. The adapter
 * implements it; the server reads it. A "good answer" is any HTTP answer that shows LoginRadius
 * reachable and accepting our credentials (a 938 not-found counts, a 5xx or a 902 does not).
 */
export interface UpstreamHealth {
  /** Epoch ms of the last good answer, or null if none yet. */
  lastOkAt(): number | null;
  breakerState(): "closed" | "open" | "half-open";
  /** One cheap call now (bypassing the breaker); true when it got a good answer. */
  probe(): Promise<boolean>;
  /** Why the last probe failed (the typed failure, never LoginRadius text); null after a good one. */
  lastProbeFailure?(): string | null;
}

/** A UID LoginRadius cannot have (longer than its 50 characters): the probe's answer is a 938. */
export const PROBE_UID = "account-graph-readiness-probe-uid-that-cannot-exist-000000";

/**
 * The adapter's UpstreamHealth. `probe` sends one authenticated read of PROBE_UID (no retry,
 * outside the breaker and the queue, not in the call metrics) and says whether the answer was
 * good; every good answer, the probe's or a real call's, moves `lastOkAt`.
 */
export const createUpstreamHealth = (deps: {
  observer: UpstreamObserver;
  breakerState: () => BreakerState;
  /** Reads `GET /identity/v2/manage/account/{uid}` for the given UID; throws what ky throws. */
  read: (uid: string) => Promise<unknown>;
}): UpstreamHealth => {
  let lastFailure: string | null = null;
  return {
    lastOkAt: deps.observer.lastOkAt,
    breakerState: deps.breakerState,
    lastProbeFailure: () => lastFailure,
    async probe() {
      try {
        await deps.read(PROBE_UID);
      } catch (error) {
        const failed = await toUpstreamError("GET /identity/v2/manage/account/{uid}", error);
        if (!deps.observer.isGoodAnswer(failed)) {
          lastFailure = failed.detail ? `${failed.message}: ${failed.detail}` : failed.message;
          return false;
        }
      }
      lastFailure = null;
      deps.observer.markOk();
      return true;
    },
  };
};
