import { touch } from "../core/dates.js";
import { bodyValue } from "../core/request.js";
import {
  ACCOUNT,
  type AccountContext,
  type AccountRoute,
  bodyOf,
  requireAccount,
} from "./account.context.js";
import { ACCOUNTS } from "./codes.js";
import { UID_RE } from "./profile-patch.js";

const deleteByUid = ({ stores, params }: AccountContext): unknown => {
  requireAccount(stores.accounts, params.uid);
  stores.accounts.delete(params.uid as string);
  return { IsDeleted: true };
};

const deleteByEmail = ({ stores, query }: AccountContext): unknown => {
  const email = query.get("email");
  if (email === undefined) throw ACCOUNTS.fail(1118);
  const uids = stores.accounts.uidsByEmail(email);
  if (uids.length === 0) throw ACCOUNTS.fail(938);
  for (const uid of uids) stores.accounts.delete(uid);
  return { IsDeleted: true, RecordsDeleted: uids.length };
};

const updateUid = (ctx: AccountContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.query.get("uid"));
  const newUidValue = bodyValue(bodyOf(ctx), "NewUid");
  if (typeof newUidValue !== "string" || !UID_RE.test(newUidValue)) throw ACCOUNTS.fail(1200);
  if (newUidValue === record.Uid) return { IsPosted: true };
  if (ctx.stores.accounts.get(newUidValue)) throw ACCOUNTS.fail(1044);
  const previous = Array.isArray(record.PreviousUids) ? record.PreviousUids : [];
  ctx.stores.accounts.rename(record.Uid, {
    ...touch(record, ctx.now),
    Uid: newUidValue,
    IsCustomUid: true,
    PreviousUids: [...previous, record.Uid],
  });
  return { IsPosted: true };
};

const privacyPolicyHistory = ({ stores, params }: AccountContext): unknown => {
  const record = requireAccount(stores.accounts, params.uid);
  return {
    Uid: record.Uid,
    Current: record.PrivacyPolicy ?? null,
    History: (record._PrivacyPolicyHistory as unknown[]) ?? [],
  };
};

/** Deletion, a new UID, and the privacy-policy history: an account's life beyond its profile. */
export const lifecycleRoutes: AccountRoute[] = [
  { method: "DELETE", path: ACCOUNT, handle: deleteByEmail },
  { method: "DELETE", path: `${ACCOUNT}/{uid}`, handle: deleteByUid },
  { method: "PUT", path: `${ACCOUNT}/uid`, body: true, handle: updateUid },
  { method: "GET", path: `${ACCOUNT}/{uid}/privacypolicy/history`, handle: privacyPolicyHistory },
];
