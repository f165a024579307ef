import { type FieldPolicy, Policy as policyOn } from "../graphql/policy/index.js";

/**
 * The Account Security section's own scope. Backup codes (credentials) use the Accounts
 * section's `accounts:credentials`, like the other credentials.
 */
export const SECURITY_SCOPES = {
  "accounts:security":
    "Account security: reset second factors, list and remove passkeys, unlock login, read consent logs, check step-up tokens.",
} as const;

/** The scopes this section's fields name: its own and the shared credentials scope. */
export type SecurityScope = keyof typeof SECURITY_SCOPES | "accounts:credentials";

/**
 * A field's whole policy (scope, upstream cost, side effect, audit: src/graphql/policy/), its
 * scope limited to the scopes this section uses, so a misspelt one is a type error.
 */
export const Policy = (policy: FieldPolicy<SecurityScope>) => policyOn(policy);
