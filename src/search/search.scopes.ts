import { RequireScope } from "../graphql/auth/require-scope.js";

/**
 * The search section's scope. It implies nothing else: the accounts it finds are `Account`s, whose
 * fields still need `accounts:read`.
 */
export const SEARCH_SCOPES = {
  "accounts:search":
    "Search accounts with a filter (searchAccounts): spends the Cloud Directory search quota.",
} as const;

export const Scope = (scope: keyof typeof SEARCH_SCOPES) => RequireScope(scope);
