import { ReadScope } from "../graphql/auth/read-scope.js";
import { type FieldPolicy, Policy as policyOn } from "../graphql/policy/index.js";

/**
 * The Roles Management section's scopes. Every root field and `Account.roleContexts` names one
 * in its `@Policy`; test/scopes.test.ts fails when one does not.
 */
export const ROLE_SCOPES = {
  "roles:read":
    "Read roles and their permissions, accounts' role contexts, and who holds a context.",
  "roles:write":
    "Create and delete roles, change their permissions, assign roles to accounts and manage their role contexts.",
} as const;

export type RoleScope = keyof typeof ROLE_SCOPES;

/**
 * A field's whole policy (scope, upstream cost, side effect, audit: src/graphql/policy/), its
 * scope limited to this section's scopes, so a misspelt one is a type error.
 */
export const Policy = (policy: FieldPolicy<RoleScope>) => policyOn(policy);

/**
 * On this section's object types: each field but its `@OpenField`s needs `roles:read`, whichever
 * root field or mutation returned the object (src/graphql/auth/read-scope.ts).
 */
export const ReadGuard = () => ReadScope("roles:read" satisfies RoleScope);
