import { type FieldPolicy, Policy as policyOn } from "../graphql/policy/index.js";

/**
 * The search section's scope. It implies nothing else: the accounts it finds are `Account`s, whose
 * fields still need `accounts:read`.
 */
export const SEARCH_SCOPES = {
  "accounts:search":
    "Search accounts with a filter (searchAccounts): spends the Cloud Directory search quota.",
} as const;

/** A field's whole policy (src/graphql/policy/), its scope limited to this section's. */
export const Policy = (policy: FieldPolicy<keyof typeof SEARCH_SCOPES>) => policyOn(policy);
