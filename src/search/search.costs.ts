import type { CostTable } from "../graphql/limits/cost.js";

/**
 * A search is one call of the search kind per page; the accounts on the page are `first` items
 * (default 25), which is what fields below them (role contexts, custom objects) are costed for.
 */
export const SEARCH_COSTS: CostTable = {
  "Query.searchAccounts": { assumedItems: 25 },
};
