import { randomBytes } from "node:crypto";
import type { Route, RouteContext } from "../core/request.js";
import type { AccountStore } from "./account.store.js";
import { ACCOUNTS } from "./codes.js";
import { renderProfile, type StoredProfile } from "./profile.js";

/** The slices the accounts routes read. */
export type AccountStores = { accounts: AccountStore };
export type AccountContext = RouteContext<AccountStores>;
export type AccountRoute = Route<AccountStores>;

export const ACCOUNT = "/identity/v2/manage/account";

export const newUid = (): string => randomBytes(16).toString("hex");

export const requireAccount = (store: AccountStore, uid: string | undefined): StoredProfile => {
  const record = uid === undefined ? undefined : store.get(uid);
  if (!record) throw ACCOUNTS.fail(938);
  return record;
};

/** The account's own stamp: state written for an earlier account with this UID is not its. */
export const ownerOf = (account: StoredProfile): string =>
  typeof account.ID === "string" ? account.ID : account.Uid;

/** Of the accounts sharing an email, the traditional (Email provider) one answers first. */
export const accountByEmail = (store: AccountStore, email: string): StoredProfile | undefined => {
  const records = store.uidsByEmail(email).map((uid) => store.get(uid) as StoredProfile);
  return records.find((r) => r.Provider === "Email") ?? records[0];
};

export const accountByUserName = (
  store: AccountStore,
  userName: string,
): StoredProfile | undefined => {
  const uid = store.uidByUserName(userName);
  return uid === undefined ? undefined : store.get(uid);
};

export const save = (ctx: AccountContext, record: StoredProfile): Record<string, unknown> => {
  ctx.stores.accounts.put(record);
  return renderProfile(record);
};

export const bodyOf = (ctx: AccountContext): Record<string, unknown> => ctx.body ?? {};

export const primaryEmail = (record: StoredProfile): string | undefined =>
  (record.Email?.find((e) => e.Type.toLowerCase() === "primary") ?? record.Email?.[0])?.Value;
