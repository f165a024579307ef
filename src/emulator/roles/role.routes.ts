import { validationError } from "../core/errors.js";
import { bodyValue } from "../core/request.js";
import { ROLES } from "./codes.js";
import {
  assignedRoles,
  nameList,
  ROLE,
  type RolesContext,
  type RolesRoute,
  validName,
} from "./role.context.js";
import type { RoleRecord } from "./role.store.js";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const permissionMap = (value: unknown, field: string): Record<string, boolean> => {
  if (value === undefined || value === null) return {};
  if (
    !isObject(value) ||
    !Object.entries(value).every(([k, v]) => validName(k) && typeof v === "boolean")
  )
    throw validationError([
      { field, message: `The ${field} field must map permission names to true or false.` },
    ]);
  return { ...(value as Record<string, boolean>) };
};

const parseRole = (item: unknown, index: number): RoleRecord => {
  if (!isObject(item))
    throw validationError([{ field: `Roles[${index}]`, message: "A role must be an object." }]);
  const name = bodyValue(item, "Name");
  if (!validName(name)) throw ROLES.fail(1175);
  return {
    Name: name,
    Permissions: permissionMap(bodyValue(item, "Permissions"), `Roles[${index}].Permissions`),
  };
};

const requireRole = (ctx: RolesContext): RoleRecord => {
  const role = ctx.stores.roles.role(ctx.params.role as string);
  if (!role) throw ROLES.fail(1047);
  return role;
};

const listRoles = ({ stores }: RolesContext): unknown => {
  const data = stores.roles.list();
  return { data, Count: data.length };
};

/** Every role is checked before any is created: a request creates all of its roles or none. */
const createRoles = ({ stores, body }: RolesContext): unknown => {
  const items = bodyValue(body, "Roles");
  if (!Array.isArray(items) || items.length === 0)
    throw validationError([
      { field: "Roles", message: "The Roles field must be a non-empty array." },
    ]);
  const roles = items.map(parseRole);
  const names = new Set<string>();
  for (const role of roles) {
    if (names.has(role.Name) || stores.roles.role(role.Name)) throw ROLES.fail(1175);
    names.add(role.Name);
  }
  for (const role of roles) stores.roles.putRole(role);
  return { data: roles, Count: roles.length };
};

/**
 * A role still assigned to an account, or listed in an account's role context, is not deleted
 * (1134 naming `role`; the response-code table has no code of its own for it: UNCONFIRMED).
 */
const deleteRole = (ctx: RolesContext): unknown => {
  const role = requireRole(ctx);
  let inUse = ctx.stores.roles.roleInContexts(role.Name);
  for (const record of inUse ? [] : ctx.stores.accounts.values()) {
    if (assignedRoles(record).includes(role.Name)) {
      inUse = true;
      break;
    }
  }
  if (inUse)
    throw validationError([
      {
        field: "role",
        message:
          "The role is assigned to one or more accounts or role contexts; unassign it first.",
      },
    ]);
  ctx.stores.roles.deleteRole(role.Name);
  return { IsDeleted: true };
};

const addPermissions = (ctx: RolesContext): unknown => {
  const role = requireRole(ctx);
  const added = nameList(bodyValue(ctx.body, "Permissions"), "Permissions");
  const updated: RoleRecord = { ...role, Permissions: { ...role.Permissions } };
  for (const name of added) updated.Permissions[name] = true;
  ctx.stores.roles.putRole(updated);
  return updated;
};

/** Permissions the role does not have are ignored: the answer lists what remains. */
const removePermissions = (ctx: RolesContext): unknown => {
  const role = requireRole(ctx);
  const removed = new Set(nameList(bodyValue(ctx.body, "Permissions"), "Permissions"));
  const Permissions = Object.fromEntries(
    Object.entries(role.Permissions).filter(([name]) => !removed.has(name)),
  );
  const updated: RoleRecord = { ...role, Permissions };
  ctx.stores.roles.putRole(updated);
  return updated;
};

/** The site's roles and their permissions (`/identity/v2/manage/role...`). */
export const roleRoutes: RolesRoute[] = [
  { method: "GET", path: ROLE, project: "profile", handle: listRoles },
  { method: "POST", path: ROLE, body: true, handle: createRoles },
  { method: "DELETE", path: `${ROLE}/{role}`, handle: deleteRole },
  { method: "PUT", path: `${ROLE}/{role}/permission`, body: true, handle: addPermissions },
  { method: "DELETE", path: `${ROLE}/{role}/permission`, body: true, handle: removePermissions },
];
