import type { CostTable } from "../graphql/limits/cost.js";

/**
 * What each Roles field costs upstream (src/graphql/limits/cost.ts). `roles` is one call however
 * often a request asks; `roleContexts` one per account; `accountsInRoleContext` one per context
 * name. Every mutation is one call each time it runs; none sends a message or mints a token.
 */
export const ROLE_COSTS: CostTable = {
  "Query.roles": { loaderKeys: () => ["roles"] },
  "Query.accountsInRoleContext": {
    loaderKeys: (args) => [`roleContextMembers:${String(args.context)}`],
  },
  "Account.roleContexts": { perParent: true },
  "Mutation.createRoles": {},
  "Mutation.deleteRole": {},
  "Mutation.addRolePermissions": {},
  "Mutation.removeRolePermissions": {},
  "Mutation.assignAccountRoles": {},
  "Mutation.unassignAccountRoles": {},
  "Mutation.upsertAccountRoleContexts": {},
  "Mutation.deleteAccountRoleContext": {},
  "Mutation.removeRolesFromRoleContext": {},
  "Mutation.removeAdditionalPermissionsFromRoleContext": {},
};
