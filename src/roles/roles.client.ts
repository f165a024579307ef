import type { BoundHttp } from "../loginradius/bound-http.js";
import { clientOver } from "../loginradius/endpoint-client.js";
import { type ClientOf, endpointsUnder, endpointTable } from "../loginradius/endpoints.js";
import {
  WireAccountRolesSchema,
  WireContextHoldersSchema,
  WireDeletedSchema,
  type WireRoleBody,
  type WireRoleContextBody,
  WireRoleContextsSchema,
  WireRoleListSchema,
  WireRoleSchema,
} from "./roles.wire.js";

const { call, documented } = endpointsUnder("/identity/v2/manage");

const CONTEXT = "/account/{uid}/rolecontext/{context}";
const inContext = (uid: string, context: string) => ({ params: { uid, context } });

/**
 * The Roles Management endpoints, one row per client method. Reads and the PUTs that set what
 * they are given are retried; creates and deletes never.
 */
export const ROLE_ENDPOINTS = endpointTable("Roles", {
  listRoles: call("GET", "/role", {
    retry: true,
    cache: "roles",
    answer: WireRoleListSchema,
    covers: {
      sdk: "roleApi.getRolesList",
      reference: "roles-management/roles-list",
      graph: ["Query.roles"],
    },
  }),
  // A repeat after success answers 1175 (the name is taken).
  createRoles: call("POST", "/role", {
    retry: false,
    answer: WireRoleListSchema,
    input: (roles: WireRoleBody[]) => ({ body: { Roles: roles } }),
    checkFirst: "list the roles (roles) to see which exist before creating them again",
    covers: {
      sdk: "roleApi.createRoles",
      reference: "roles-management/roles-create",
      graph: ["Mutation.createRoles"],
    },
  }),
  // A repeat after success answers 1047 (no such role).
  deleteRole: call("DELETE", "/role/{role}", {
    retry: false,
    answer: WireDeletedSchema,
    input: (role: string) => ({ params: { role } }),
    covers: {
      sdk: "roleApi.deleteRole",
      reference: "roles-management/delete-role",
      graph: ["Mutation.deleteRole"],
    },
  }),
  // Adds to a set: the same call twice leaves the same permissions.
  addPermissions: call("PUT", "/role/{role}/permission", {
    retry: true,
    answer: WireRoleSchema,
    input: (role: string, permissions: string[]) => ({
      params: { role },
      body: { Permissions: permissions },
    }),
    covers: {
      sdk: "roleApi.addRolePermissions",
      reference: "roles-management/add-permissions-to-role",
      graph: ["Mutation.addRolePermissions"],
    },
  }),
  removePermissions: call("DELETE", "/role/{role}/permission", {
    retry: false,
    answer: WireRoleSchema,
    input: (role: string, permissions: string[]) => ({
      params: { role },
      body: { Permissions: permissions },
    }),
    covers: {
      sdk: "roleApi.removeRolePermissions",
      reference: "roles-management/remove-permissions",
      graph: ["Mutation.removeRolePermissions"],
    },
  }),
  // Not called: an account's roles come with its profile (`Roles`).
  rolesOfAccount: documented("GET", "/account/{uid}/role", {
    sdk: "roleApi.getRolesByUid",
    reference: "roles-management/get-roles-by-uid",
    graph: ["Account.roles"],
    graphNote: "(read from the profile)",
  }),
  // Adds to the account's set: a repeat changes nothing more.
  assignRoles: call("PUT", "/account/{uid}/role", {
    retry: true,
    answer: WireAccountRolesSchema,
    input: (uid: string, roles: string[]) => ({ params: { uid }, body: { Roles: roles } }),
    covers: {
      sdk: "roleApi.assignRolesByUid",
      reference: "roles-management/assign-roles-by-uid",
      graph: ["Mutation.assignAccountRoles"],
    },
  }),
  // A repeat after success answers 1047 (the role is no longer held).
  unassignRoles: call("DELETE", "/account/{uid}/role", {
    retry: false,
    answer: WireDeletedSchema,
    input: (uid: string, roles: string[]) => ({ params: { uid }, body: { Roles: roles } }),
    covers: {
      sdk: "roleApi.unassignRolesByUid",
      reference: "roles-management/unassign-roles-by-uid",
      graph: ["Mutation.unassignAccountRoles"],
    },
  }),
  roleContexts: call("GET", "/account/{uid}/rolecontext", {
    retry: true,
    cache: "roles",
    answer: WireRoleContextsSchema,
    input: (uid: string) => ({ params: { uid } }),
    covers: {
      sdk: "roleApi.getRoleContextByUid",
      reference: "roles-management/get-context",
      graph: ["Account.roleContexts"],
    },
  }),
  // Replaces each named context whole: a repeat writes the same contexts.
  upsertRoleContexts: call("PUT", "/account/{uid}/rolecontext", {
    retry: true,
    answer: WireRoleContextsSchema,
    input: (uid: string, contexts: WireRoleContextBody[]) => ({
      params: { uid },
      body: { RoleContext: contexts },
    }),
    covers: {
      sdk: "roleApi.updateRoleContextByUid",
      reference: "roles-management/upsert-context",
      graph: ["Mutation.upsertAccountRoleContexts"],
    },
  }),
  accountsInRoleContext: call("GET", "/account/rolecontext/{context}", {
    retry: true,
    cache: "roles",
    answer: WireContextHoldersSchema,
    input: (context: string) => ({ params: { context } }),
    covers: {
      sdk: "roleApi.getRoleContextByContextName",
      reference: "roles-management/role-context-profile",
      graph: ["Query.accountsInRoleContext"],
    },
  }),
  // Each delete below answers 1133/1047/1142 when repeated after a success.
  deleteRoleContext: call("DELETE", CONTEXT, {
    retry: false,
    answer: WireDeletedSchema,
    input: inContext,
    covers: {
      sdk: "roleApi.deleteRoleContextByUid",
      reference: "roles-management/delete-context",
      graph: ["Mutation.deleteAccountRoleContext"],
    },
  }),
  removeRolesFromContext: call("DELETE", `${CONTEXT}/role`, {
    retry: false,
    answer: WireDeletedSchema,
    input: (uid: string, context: string, roles: string[]) => ({
      ...inContext(uid, context),
      body: { Roles: roles },
    }),
    covers: {
      sdk: "roleApi.deleteRolesFromRoleContextByUid",
      reference: "roles-management/delete-role-from-context",
      graph: ["Mutation.removeRolesFromRoleContext"],
    },
  }),
  removePermissionsFromContext: call("DELETE", `${CONTEXT}/additionalpermission`, {
    retry: false,
    answer: WireDeletedSchema,
    input: (uid: string, context: string, permissions: string[]) => ({
      ...inContext(uid, context),
      body: { AdditionalPermissions: permissions },
    }),
    covers: {
      sdk: "roleApi.deleteAdditionalPermissionFromRoleContextByUid",
      reference: "roles-management/delete-permissions-from-context",
      graph: ["Mutation.removeAdditionalPermissionsFromRoleContext"],
    },
  }),
});

/** The whole Roles Management section, as the repository sees it: one method per call row. */
export type RolesClient = ClientOf<typeof ROLE_ENDPOINTS>;

/** The Roles Management client over the adapter, as bound to one request (its id, deadline and call count go with every call). */
export const createRolesClient = (http: BoundHttp): RolesClient => clientOver(ROLE_ENDPOINTS, http);
