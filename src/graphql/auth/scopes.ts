/**
 * The scope table: what a caller may do, modelled on the Auth0 Management API and Keycloak's
 * admin roles. Every root field and every secret object field names exactly one of these with
 * `@RequireScope` (src/graphql/auth/require-scope.ts); test/scopes.test.ts fails when one does not.
 * Later sections (roles, custom objects, security) add their rows here.
 */
export const SCOPES = {
  "accounts:read": "Read profiles: the account queries and an action payload's `account`.",
  "accounts:write":
    "Create and update accounts: profile, emails, phone ID, UID, verification resets (these send an email or SMS).",
  "accounts:delete": "Delete accounts, by UID or by email.",
  "accounts:credentials":
    "Credentials: read the password hash, set a password, forgot-password and email verification tokens, revoke refresh tokens.",
  "accounts:impersonate":
    "Act as a customer: issue an access token for a UID (impersonation) and refresh it.",
} as const;

export type Scope = keyof typeof SCOPES;

export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];

export const isScope = (value: string): value is Scope => Object.hasOwn(SCOPES, value);
