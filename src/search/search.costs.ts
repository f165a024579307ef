import type { CostTable } from "../graphql/limits/cost.js";

/**
 * A page of `searchAccounts` is one call of the search kind (its own quota); the accounts on it
 * are `first` items (default 25), which is what fields below them that call LoginRadius (role
 * contexts, custom objects) are costed for.
 */
export const SEARCH_COSTS: CostTable = {
  "Query.searchAccounts": {
    itemsOf: (args) => (typeof args.first === "number" ? args.first : 25),
  },
};
