import type { AccountStore, StoredProfile } from "../accounts/index.js";
import { ownerOf } from "../accounts/index.js";
import type { Route, RouteContext } from "../core/request.js";
import { CUSTOM_OBJECTS } from "./codes.js";
import type { CustomObjectStore, StoredRecord } from "./custom-object.store.js";

/** The slices the custom-object routes read: their own, and the accounts (938). */
export type CustomObjectStores = { customObjects: CustomObjectStore; accounts: AccountStore };
export type CustomObjectContext = RouteContext<CustomObjectStores>;
export type CustomObjectRoute = Route<CustomObjectStores>;

export const CUSTOM_OBJECT = "/identity/v2/manage/account/{uid}/customobject";

/**
 * The custom objects configured on the emulated site. Upstream, LoginRadius support configures
 * them per site; any other name is 1064.
 */
export const CONFIGURED_OBJECTS: readonly string[] = [
  "addresses",
  "orders",
  "preferences",
  "subscriptions",
];

/** `objectName` from the query: missing or not configured is 1064 (names match exactly). */
export const requireObjectName = (ctx: CustomObjectContext): string => {
  const name = ctx.query.get("objectName");
  if (name === undefined || !CONFIGURED_OBJECTS.includes(name)) throw CUSTOM_OBJECTS.fail(1064);
  return name;
};

export const isOwnedBy = (record: StoredRecord, account: StoredProfile): boolean =>
  record.owner === null || record.owner === ownerOf(account);

/** The JSON object body a record holds: anything else (missing, array, scalar) is 1035. */
export const requireObjectBody = (ctx: CustomObjectContext): Record<string, unknown> => {
  if (!ctx.body) throw CUSTOM_OBJECTS.fail(1035);
  return ctx.body;
};

/** The documented record shape, keys in the documented order. */
export const renderRecord = (record: StoredRecord): Record<string, unknown> => ({
  Id: record.Id,
  IsActive: record.IsActive,
  DateCreated: record.DateCreated,
  DateModified: record.DateModified,
  IsDeleted: false,
  Uid: record.Uid,
  CustomObject: record.CustomObject,
});
