import { ACCOUNT, requireAccount } from "../accounts/index.js";
import { bodyValue } from "../core/request.js";
import { ROLES } from "./codes.js";
import { assignedRoles, nameList, type RolesContext, type RolesRoute } from "./role.context.js";

const rolesOf = (ctx: RolesContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  return { Roles: assignedRoles(record) };
};

/**
 * Adds roles to the profile's `Roles` (kept in assignment order, no duplicates), so the profile
 * GETs show them at once. Every role must exist (1047) before any is assigned.
 */
const assignRoles = (ctx: RolesContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const roles = nameList(bodyValue(ctx.body, "Roles"), "Roles");
  for (const name of roles) if (!ctx.stores.roles.role(name)) throw ROLES.fail(1047);
  const Roles = [...new Set([...assignedRoles(record), ...roles])];
  ctx.stores.accounts.put({ ...record, Roles });
  return { Roles };
};

/** A role the account does not hold (or that does not exist) is 1047, and nothing changes. */
const unassignRoles = (ctx: RolesContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const roles = new Set(nameList(bodyValue(ctx.body, "Roles"), "Roles"));
  const current = assignedRoles(record);
  for (const name of roles) if (!current.includes(name)) throw ROLES.fail(1047);
  ctx.stores.accounts.put({ ...record, Roles: current.filter((name) => !roles.has(name)) });
  return { IsDeleted: true };
};

/** Role assignment by UID (`/identity/v2/manage/account/{uid}/role`). */
export const accountRoleRoutes: RolesRoute[] = [
  { method: "GET", path: `${ACCOUNT}/{uid}/role`, handle: rolesOf },
  { method: "PUT", path: `${ACCOUNT}/{uid}/role`, body: true, handle: assignRoles },
  { method: "DELETE", path: `${ACCOUNT}/{uid}/role`, body: true, handle: unassignRoles },
];
