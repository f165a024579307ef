import type { AccountStore, StoredProfile } from "../accounts/index.js";
import { ownerOf } from "../accounts/index.js";
import { validationError } from "../core/errors.js";
import type { Route, RouteContext } from "../core/request.js";
import type { RoleStore, StoredRoleContext } from "./role.store.js";

/** The slices the roles routes read: their own, and the accounts (938, `Roles` on profiles). */
export type RoleStores = { roles: RoleStore; accounts: AccountStore };
export type RolesContext = RouteContext<RoleStores>;
export type RolesRoute = Route<RoleStores>;

export const ROLE = "/identity/v2/manage/role";

/**
 * Role, permission and context names: 1 to 100 characters, not blank, and nothing that would
 * change the meaning of a path (`/`, `?`, `#`, `%`, `\`) since they travel as path segments.
 */
const NAME_RE = /^[^/?#%\\]{1,100}$/;

export const validName = (name: unknown): name is string =>
  typeof name === "string" && name.trim() !== "" && NAME_RE.test(name);

export const isOwnedBy = (stored: StoredRoleContext, record: StoredProfile): boolean =>
  stored.owner === null || stored.owner === ownerOf(record);

/**
 * A required list of names (`Roles`, `Permissions`, `AdditionalPermissions`): anything but a
 * non-empty array of non-blank strings is 1134 naming the field.
 */
export const nameList = (value: unknown, field: string): string[] => {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((v) => typeof v === "string" && v.trim() !== "")
  )
    throw validationError([
      { field, message: `The ${field} field must be a non-empty array of names.` },
    ]);
  return [...new Set(value as string[])];
};

/** The roles on a profile (`Roles` is null on a profile that never had one). */
export const assignedRoles = (record: StoredProfile): string[] =>
  Array.isArray(record.Roles) ? (record.Roles as string[]) : [];
