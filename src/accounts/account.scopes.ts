import { ReadScope } from "../graphql/auth/read-scope.js";
import { type FieldPolicy, Policy as policyOn } from "../graphql/policy/index.js";

/**
 * The Accounts section's scopes, modelled on the Auth0 Management API and Keycloak's admin
 * roles. Every root field and every secret object field names exactly one in its `@Policy`;
 * test/scopes.test.ts fails when one does not.
 */
export const ACCOUNT_SCOPES = {
  "accounts:read": "Read profiles: the account queries and an action payload's `account`.",
  "accounts:write":
    "Create and update accounts: profile, emails, phone ID, UID, verification resets (these send an email or SMS).",
  "accounts:delete": "Delete accounts, by UID or by email.",
  "accounts:credentials":
    "Credentials: read the password hash, set a password, forgot-password and email verification tokens, revoke refresh tokens; backup codes, multipurpose email tokens, SMS OTPs and SOTTs (src/security/, src/tokens/).",
  "accounts:impersonate":
    "Act as a customer: issue an access token for a UID (impersonation) and refresh it.",
} as const;

export type AccountScope = keyof typeof ACCOUNT_SCOPES;

/**
 * A field's whole policy (scope, upstream cost, side effect, audit: src/graphql/policy/), its
 * scope limited to this section's scopes, so a misspelt one is a type error.
 */
export const Policy = (policy: FieldPolicy<AccountScope>) => policyOn(policy);

/**
 * On this section's object types: each field but its `@OpenField`s needs `accounts:read`, whichever
 * root field or mutation returned the object (src/graphql/auth/read-scope.ts).
 */
export const ReadGuard = () => ReadScope("accounts:read" satisfies AccountScope);
