import type { BoundHttp } from "../loginradius/bound-http.js";
import { endpointsUnder } from "../loginradius/endpoints.js";
import {
  type WireAccountRoles,
  WireAccountRolesSchema,
  type WireContextHolders,
  WireContextHoldersSchema,
  type WireDeleted,
  WireDeletedSchema,
  type WireRole,
  type WireRoleBody,
  type WireRoleContextBody,
  type WireRoleContexts,
  WireRoleContextsSchema,
  type WireRoleList,
  WireRoleListSchema,
  WireRoleSchema,
} from "./roles.wire.js";

/** The site's roles and their permissions. */
export interface RoleCatalog {
  listRoles(): Promise<WireRoleList>;
  createRoles(roles: WireRoleBody[]): Promise<WireRoleList>;
  deleteRole(role: string): Promise<WireDeleted>;
  addPermissions(role: string, permissions: string[]): Promise<WireRole>;
  removePermissions(role: string, permissions: string[]): Promise<WireRole>;
}

/** Roles held by an account, directly or within a role context. */
export interface RoleAssignments {
  assignRoles(uid: string, roles: string[]): Promise<WireAccountRoles>;
  unassignRoles(uid: string, roles: string[]): Promise<WireDeleted>;
  roleContexts(uid: string): Promise<WireRoleContexts>;
  upsertRoleContexts(uid: string, contexts: WireRoleContextBody[]): Promise<WireRoleContexts>;
  accountsInRoleContext(context: string): Promise<WireContextHolders>;
  deleteRoleContext(uid: string, context: string): Promise<WireDeleted>;
  removeRolesFromContext(uid: string, context: string, roles: string[]): Promise<WireDeleted>;
  removePermissionsFromContext(
    uid: string,
    context: string,
    permissions: string[],
  ): Promise<WireDeleted>;
}

/** The whole Roles Management section: what the repository sees. */
export interface RolesClient extends RoleCatalog, RoleAssignments {}

const MANAGE = "/identity/v2/manage";

const endpoint = endpointsUnder(MANAGE);

const CONTEXT = "/account/{uid}/rolecontext/{context}";

/**
 * The Roles Management endpoints: method, path, whether a repeat is harmless, the answer's
 * schema. Reads and the PUTs that set what they are given are retried; creates and deletes never.
 */
export const ROLE_ENDPOINTS = {
  list: endpoint("GET", "/role", true, WireRoleListSchema),
  // A repeat after success answers 1175 (the name is taken).
  create: endpoint(
    "POST",
    "/role",
    false,
    WireRoleListSchema,
    "list the roles (roles) to see which exist before creating them again",
  ),
  // A repeat after success answers 1047 (no such role).
  delete: endpoint("DELETE", "/role/{role}", false, WireDeletedSchema),
  // Adds to a set: the same call twice leaves the same permissions.
  addPermissions: endpoint("PUT", "/role/{role}/permission", true, WireRoleSchema),
  removePermissions: endpoint("DELETE", "/role/{role}/permission", false, WireRoleSchema),
  // Adds to the account's set: a repeat changes nothing more.
  assign: endpoint("PUT", "/account/{uid}/role", true, WireAccountRolesSchema),
  // A repeat after success answers 1047 (the role is no longer held).
  unassign: endpoint("DELETE", "/account/{uid}/role", false, WireDeletedSchema),
  contexts: endpoint("GET", "/account/{uid}/rolecontext", true, WireRoleContextsSchema),
  // Replaces each named context whole: a repeat writes the same contexts.
  upsertContexts: endpoint("PUT", "/account/{uid}/rolecontext", true, WireRoleContextsSchema),
  holders: endpoint("GET", "/account/rolecontext/{context}", true, WireContextHoldersSchema),
  // Each delete below answers 1133/1047/1142 when repeated after a success.
  deleteContext: endpoint("DELETE", CONTEXT, false, WireDeletedSchema),
  removeContextRoles: endpoint("DELETE", `${CONTEXT}/role`, false, WireDeletedSchema),
  removeContextPermissions: endpoint(
    "DELETE",
    `${CONTEXT}/additionalpermission`,
    false,
    WireDeletedSchema,
  ),
} as const;

const E = ROLE_ENDPOINTS;

/** The Roles Management client over the adapter, bound to one request's scope. */
export const createRolesClient = ({ call }: BoundHttp): RolesClient => {
  return {
    listRoles: () => call(E.list),
    createRoles: (roles) => call(E.create, { body: { Roles: roles } }),
    deleteRole: (role) => call(E.delete, { params: { role } }),
    addPermissions: (role, permissions) =>
      call(E.addPermissions, { params: { role }, body: { Permissions: permissions } }),
    removePermissions: (role, permissions) =>
      call(E.removePermissions, { params: { role }, body: { Permissions: permissions } }),
    assignRoles: (uid, roles) => call(E.assign, { params: { uid }, body: { Roles: roles } }),
    unassignRoles: (uid, roles) => call(E.unassign, { params: { uid }, body: { Roles: roles } }),
    roleContexts: (uid) => call(E.contexts, { params: { uid } }),
    upsertRoleContexts: (uid, contexts) =>
      call(E.upsertContexts, { params: { uid }, body: { RoleContext: contexts } }),
    accountsInRoleContext: (context) => call(E.holders, { params: { context } }),
    deleteRoleContext: (uid, context) => call(E.deleteContext, { params: { uid, context } }),
    removeRolesFromContext: (uid, context, roles) =>
      call(E.removeContextRoles, { params: { uid, context }, body: { Roles: roles } }),
    removePermissionsFromContext: (uid, context, permissions) =>
      call(E.removeContextPermissions, {
        params: { uid, context },
        body: { AdditionalPermissions: permissions },
      }),
  };
};
