import type { AccountStore, StoredProfile } from "../accounts/index.js";
import { validationError } from "../core/errors.js";
import type { Route, RouteContext } from "../core/request.js";
import { emptyRecord, type SecurityRecord, type SecurityStore } from "./security.store.js";

/** The slices the security routes read: their own, and the accounts (938, renamed UIDs). */
export type SecurityStores = { security: SecurityStore; accounts: AccountStore };
export type SecurityContext = RouteContext<SecurityStores>;
export type SecurityRoute = Route<SecurityStores>;

const anchorOf = (account: StoredProfile): string | null =>
  typeof account.ID === "string" ? account.ID : null;

/** `?uid=` as these endpoints require it: missing is 1134 naming the field. */
export const uidFromQuery = (ctx: SecurityContext): string => {
  const uid = ctx.query.get("uid");
  if (uid === undefined) throw validationError([{ field: "uid", message: "uid is required." }]);
  return uid;
};

const usable = (record: SecurityRecord | undefined, account: StoredProfile) =>
  record !== undefined && (record.anchor === null || record.anchor === anchorOf(account));

/**
 * The account's security record. State left by a deleted account under the same UID does not
 * count (the anchor differs); after a UID change the record under a previous UID follows the
 * account, as LoginRadius documents for consent logs.
 */
export const recordOf = (ctx: SecurityContext, account: StoredProfile): SecurityRecord => {
  const store = ctx.stores.security;
  const own = store.get(account.Uid);
  if (usable(own, account)) return own as SecurityRecord;
  const previous = Array.isArray(account.PreviousUids) ? [...account.PreviousUids].reverse() : [];
  for (const uid of previous) {
    const moved = store.get(String(uid));
    if (usable(moved, account)) return { ...(moved as SecurityRecord), uid: account.Uid };
  }
  return emptyRecord(account.Uid, anchorOf(account));
};

/** Stores the record under the account's UID (and forgets copies under its previous UIDs). */
export const saveRecord = (
  ctx: SecurityContext,
  account: StoredProfile,
  record: SecurityRecord,
): void => {
  ctx.stores.security.put({ ...record, uid: account.Uid, anchor: anchorOf(account) });
  const previous = Array.isArray(account.PreviousUids) ? account.PreviousUids : [];
  for (const uid of previous)
    if (usable(ctx.stores.security.get(String(uid)), account))
      ctx.stores.security.delete(String(uid));
};
