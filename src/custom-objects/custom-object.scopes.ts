import { ReadScope } from "../graphql/auth/read-scope.js";
import { RequireScope } from "../graphql/auth/require-scope.js";

/**
 * The Account Custom Object section's scopes. Every root field and `Account.customObjects`
 * names one with `@Scope`; test/scopes.test.ts fails when one does not.
 */
export const CUSTOM_OBJECT_SCOPES = {
  "customobjects:read": "Read accounts' custom object records (addresses, preferences...).",
  "customobjects:write": "Create, update and delete accounts' custom object records.",
} as const;

export type CustomObjectScope = keyof typeof CUSTOM_OBJECT_SCOPES;

/** `@RequireScope` limited to this section's scopes, so a misspelt one is a type error. */
export const Scope = (scope: CustomObjectScope) => RequireScope(scope);

/**
 * On this section's object types: each field but its `@OpenField`s needs `customobjects:read`, whichever
 * root field or mutation returned the object (src/graphql/auth/read-scope.ts).
 */
export const ReadGuard = () => ReadScope("customobjects:read" satisfies CustomObjectScope);
