import type { StoredProfile } from "../accounts/index.js";
import { ACCOUNT, ownerOf, requireAccount } from "../accounts/index.js";
import { validationError } from "../core/errors.js";
import { bodyValue } from "../core/request.js";
import { ROLES } from "./codes.js";
import { parseExpiration } from "./expiration.js";
import {
  isOwnedBy,
  nameList,
  type RolesContext,
  type RolesRoute,
  validName,
} from "./role.context.js";
import type { RoleContextRecord } from "./role.store.js";

const ownContexts = (ctx: RolesContext, record: StoredProfile): RoleContextRecord[] =>
  ctx.stores.roles
    .contextsOf(record.Uid)
    .filter((stored) => isOwnedBy(stored, record))
    .map((stored) => stored.c);

const optionalNames = (value: unknown, field: string): string[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(validName))
    throw validationError([{ field, message: `The ${field} field must be an array of names.` }]);
  return [...new Set(value as string[])];
};

/** One item of `RoleContext`: every check of the documented model, in the order listed there. */
const parseContext = (ctx: RolesContext, item: unknown, i: number): RoleContextRecord => {
  const field = `RoleContext[${i}]`;
  if (typeof item !== "object" || item === null || Array.isArray(item))
    throw validationError([{ field, message: "A role context must be an object." }]);
  const entry = item as Record<string, unknown>;
  const name = bodyValue(entry, "Context");
  if (!validName(name)) throw ROLES.fail(1133);
  const roles = bodyValue(entry, "Roles");
  if (!Array.isArray(roles))
    throw validationError([{ field: `${field}.Roles`, message: "Roles must be an array." }]);
  const Roles = optionalNames(roles, `${field}.Roles`);
  for (const role of Roles) if (!ctx.stores.roles.role(role)) throw ROLES.fail(1047);
  return {
    Context: name,
    Roles,
    AdditionalPermissions: optionalNames(
      bodyValue(entry, "AdditionalPermissions"),
      `${field}.AdditionalPermissions`,
    ),
    Expiration: parseExpiration(bodyValue(entry, "Expiration")),
  };
};

const contextsByUid = (ctx: RolesContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  return { Data: ownContexts(ctx, record) };
};

/**
 * Creates or replaces each named context whole (Roles, AdditionalPermissions, Expiration), so a
 * retried call changes nothing more. Every item is checked before any is written.
 */
const upsertContexts = (ctx: RolesContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const items = bodyValue(ctx.body, "RoleContext");
  if (!Array.isArray(items) || items.length === 0)
    throw validationError([
      { field: "RoleContext", message: "The RoleContext field must be a non-empty array." },
    ]);
  const contexts = items.map((item, i) => parseContext(ctx, item, i));
  for (const c of contexts) ctx.stores.roles.putContext(record.Uid, ownerOf(record), c);
  return { Data: ownContexts(ctx, record) };
};

/** Every account holding a context of this name, with a few profile keys (documented sample). */
const accountsInContext = (ctx: RolesContext): unknown => {
  const name = ctx.params.contextName;
  if (!validName(name)) throw ROLES.fail(1133);
  const Data: unknown[] = [];
  for (const uid of ctx.stores.roles.holders(name)) {
    const record = ctx.stores.accounts.get(uid);
    if (!record) continue;
    const stored = ctx.stores.roles.contextsOf(uid).find((s) => s.c.Context === name);
    if (!stored || !isOwnedBy(stored, record)) continue;
    const { Roles, AdditionalPermissions, Expiration } = stored.c;
    Data.push({
      RoleContext: { Roles, AdditionalPermissions, Expiration },
      Uid: record.Uid,
      LastLoginDate: record.LastLoginDate ?? null,
      FullName: record.FullName ?? null,
      Email: record.Email ?? null,
      ImageUrl: record.ImageUrl ?? null,
    });
  }
  return { Data };
};

/** The account's context named in the path: 1133 when it has none of that name. */
const requireContext = (ctx: RolesContext): RoleContextRecord => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const found = ownContexts(ctx, record).find((c) => c.Context === ctx.params.contextName);
  if (!found) throw ROLES.fail(1133);
  return found;
};

const deleteContext = (ctx: RolesContext): unknown => {
  const context = requireContext(ctx);
  ctx.stores.roles.deleteContext(ctx.params.uid as string, context.Context);
  return { IsDeleted: true };
};

const save = (ctx: RolesContext, context: RoleContextRecord): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  ctx.stores.roles.putContext(record.Uid, ownerOf(record), context);
  return { IsDeleted: true };
};

/** A role the context does not list is 1047, and nothing changes. */
const deleteRolesFromContext = (ctx: RolesContext): unknown => {
  const context = requireContext(ctx);
  const roles = new Set(nameList(bodyValue(ctx.body, "Roles"), "Roles"));
  for (const role of roles) if (!context.Roles.includes(role)) throw ROLES.fail(1047);
  return save(ctx, { ...context, Roles: context.Roles.filter((r) => !roles.has(r)) });
};

/** A permission the context does not list is 1142, and nothing changes. */
const deletePermissionsFromContext = (ctx: RolesContext): unknown => {
  const context = requireContext(ctx);
  const names = nameList(bodyValue(ctx.body, "AdditionalPermissions"), "AdditionalPermissions");
  const removed = new Set(names);
  for (const name of removed)
    if (!context.AdditionalPermissions.includes(name)) throw ROLES.fail(1142);
  const AdditionalPermissions = context.AdditionalPermissions.filter((p) => !removed.has(p));
  return save(ctx, { ...context, AdditionalPermissions });
};

const CONTEXT = `${ACCOUNT}/{uid}/rolecontext`;

/** Role contexts by UID and by context name (`/identity/v2/manage/account/.../rolecontext...`). */
export const roleContextRoutes: RolesRoute[] = [
  { method: "GET", path: CONTEXT, project: "data", handle: contextsByUid },
  { method: "PUT", path: CONTEXT, body: true, project: "data", handle: upsertContexts },
  {
    method: "GET",
    path: `${ACCOUNT}/rolecontext/{contextName}`,
    project: "data",
    handle: accountsInContext,
  },
  { method: "DELETE", path: `${CONTEXT}/{contextName}`, handle: deleteContext },
  {
    method: "DELETE",
    path: `${CONTEXT}/{contextName}/role`,
    body: true,
    handle: deleteRolesFromContext,
  },
  {
    method: "DELETE",
    path: `${CONTEXT}/{contextName}/additionalpermission`,
    body: true,
    handle: deletePermissionsFromContext,
  },
];
