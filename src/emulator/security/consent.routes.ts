import { ACCOUNT, requireAccount } from "../accounts/index.js";
import { recordOf, type SecurityContext, type SecurityRoute } from "./security.context.js";

/** An account without consent logs answers an empty list (UNCONFIRMED: 1228 is not sent). */
const consentLogs = (ctx: SecurityContext): unknown => {
  const account = requireAccount(ctx.stores.accounts, ctx.params.uid);
  return { Uid: account.Uid, ConsentLogs: structuredClone(recordOf(ctx, account).consentLogs) };
};

/** Consent logs by UID (read-only on the management API). */
export const consentRoutes: SecurityRoute[] = [
  { method: "GET", path: `${ACCOUNT}/{uid}/consent/logs`, handle: consentLogs },
];
