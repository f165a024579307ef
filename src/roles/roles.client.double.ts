import type { RolesClient } from "./roles.client.js";

const unexpected = (name: string) => () =>
  Promise.reject(new Error(`rolesClientDouble: ${name} was called but not given`));

/** A test double of the Roles client: the given methods, every other one failing loudly. */
export const rolesClientDouble = (given: Partial<RolesClient> = {}): RolesClient => ({
  listRoles: given.listRoles ?? unexpected("listRoles"),
  createRoles: given.createRoles ?? unexpected("createRoles"),
  deleteRole: given.deleteRole ?? unexpected("deleteRole"),
  addPermissions: given.addPermissions ?? unexpected("addPermissions"),
  removePermissions: given.removePermissions ?? unexpected("removePermissions"),
  assignRoles: given.assignRoles ?? unexpected("assignRoles"),
  unassignRoles: given.unassignRoles ?? unexpected("unassignRoles"),
  roleContexts: given.roleContexts ?? unexpected("roleContexts"),
  upsertRoleContexts: given.upsertRoleContexts ?? unexpected("upsertRoleContexts"),
  accountsInRoleContext: given.accountsInRoleContext ?? unexpected("accountsInRoleContext"),
  deleteRoleContext: given.deleteRoleContext ?? unexpected("deleteRoleContext"),
  removeRolesFromContext: given.removeRolesFromContext ?? unexpected("removeRolesFromContext"),
  removePermissionsFromContext:
    given.removePermissionsFromContext ?? unexpected("removePermissionsFromContext"),
});
