import { ReadScope } from "../graphql/auth/read-scope.js";
import { type FieldPolicy, Policy as policyOn } from "../graphql/policy/index.js";

/**
 * The Account Custom Object section's scopes. Every root field and `Account.customObjects`
 * names one in its `@Policy`; test/scopes.test.ts fails when one does not.
 */
export const CUSTOM_OBJECT_SCOPES = {
  "customobjects:read": "Read accounts' custom object records (addresses, preferences...).",
  "customobjects:write": "Create, update and delete accounts' custom object records.",
} as const;

export type CustomObjectScope = keyof typeof CUSTOM_OBJECT_SCOPES;

/**
 * A field's whole policy (scope, upstream cost, side effect, audit: src/graphql/policy/), its
 * scope limited to this section's scopes, so a misspelt one is a type error.
 */
export const Policy = (policy: FieldPolicy<CustomObjectScope>) => policyOn(policy);

/**
 * On this section's object types: each field but its `@OpenField`s needs `customobjects:read`, whichever
 * root field or mutation returned the object (src/graphql/auth/read-scope.ts).
 */
export const ReadGuard = () => ReadScope("customobjects:read" satisfies CustomObjectScope);
