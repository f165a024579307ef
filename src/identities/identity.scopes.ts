import { type FieldPolicy, Policy as policyOn } from "../graphql/policy/index.js";

/**
 * The Identities section's scope. It implies no other: linking acts as the account through a
 * token the service mints and ends itself, so the caller needs no `accounts:impersonate` (the
 * token never reaches them); reading the identities afterwards is profile data (`accounts:read`).
 */
export const IDENTITY_SCOPES = {
  "accounts:identities":
    "Link and unlink an account's social identities (the service acts as the account through an access token it mints and ends itself; audited as impersonation).",
} as const;

export type IdentityScope = keyof typeof IDENTITY_SCOPES;

/**
 * A field's whole policy (scope, upstream cost, side effect, audit: src/graphql/policy/), its
 * scope limited to this section's scope, so a misspelt one is a type error.
 */
export const Policy = (policy: FieldPolicy<IdentityScope>) => policyOn(policy);
