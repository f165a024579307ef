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
}
