import type { AccountsClient } from "../loginradius/accounts.client.js";
import type { UpstreamHealth } from "../loginradius/health.js";
import { UpstreamError } from "../loginradius/upstream-error.js";

/** A UID no account has: LoginRadius answers 938 (not found), which proves key, secret and network. */
const PROBE_UID = "account-graph-readiness-probe";

/**
 * MERGE NOTE (ops branch): a stand-in for the adapter's real UpstreamHealth, which tracks every
 * call's outcome and the breaker. This one knows only its own probes and reports the breaker as
 * closed. Replace it in `createAppServer` with the adapter's implementation at merge.
 */
export const createProbeOnlyHealth = (client: AccountsClient): UpstreamHealth => {
  let lastOk: number | null = null;
  return {
    lastOkAt: () => lastOk,
    breakerState: () => "closed",
    async probe() {
      try {
        await client.getByUid(PROBE_UID, "Uid");
      } catch (error) {
        const notFound =
          error instanceof UpstreamError && error.failure === "rejected" && error.errorCode === 938;
        if (!notFound) return false;
      }
      lastOk = Date.now();
      return true;
    },
  };
};
