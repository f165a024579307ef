import { ACCOUNT, requireAccount } from "../accounts/index.js";
import { SECURITY } from "./codes.js";
import {
  recordOf,
  type SecurityContext,
  type SecurityRoute,
  saveRecord,
  uidFromQuery,
} from "./security.context.js";

const listPasskeys = (ctx: SecurityContext): unknown => {
  const account = requireAccount(ctx.stores.accounts, uidFromQuery(ctx));
  return { Credentials: structuredClone(recordOf(ctx, account).passkeys) };
};

/** A passkey ID that is not one of this account's passkeys is 1325 (another account's too). */
const removePasskey = (ctx: SecurityContext): unknown => {
  const account = requireAccount(ctx.stores.accounts, uidFromQuery(ctx));
  const record = recordOf(ctx, account);
  const id = ctx.params.passkeyid as string;
  const passkeys = record.passkeys.filter((p) => p.Id !== id);
  if (passkeys.length === record.passkeys.length) throw SECURITY.fail(1325);
  saveRecord(ctx, account, { ...record, passkeys });
  return { IsDeleted: true };
};

/** An account's passkeys: list and remove (registration happens on the auth API). */
export const passkeyRoutes: SecurityRoute[] = [
  { method: "GET", path: `${ACCOUNT}/passkey`, handle: listPasskeys },
  { method: "DELETE", path: `${ACCOUNT}/passkey/{passkeyid}`, handle: removePasskey },
];
