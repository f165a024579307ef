import type { Section } from "../graphql/section.js";
import {
  type BoundSearchUpstream,
  createSearchClient,
  SEARCH_ENDPOINTS,
  type SearchClient,
} from "./search.client.js";
import { SearchQueryResolver } from "./search.query.resolver.js";
import { SearchRepository, type SearchSlice } from "./search.repository.js";
import { SEARCH_SCOPES } from "./search.scopes.js";

/** What the service's config reader (src/config.ts) takes of this section: its variables. */
export { readSearchConfig, type SearchConfig } from "./search.config.js";

/**
 * The Cloud Directory search section: `searchAccounts`, and bulk UID reads for the Accounts
 * loader (accountsByUids, `_entities`). Its client runs on its own adapter (`upstream: "search"`:
 * LOGINRADIUS_SEARCH_URL, UPSTREAM_MAX_SEARCH_RPS).
 */
export const search = {
  name: "search",
  upstream: "search",
  resolvers: [SearchQueryResolver],
  endpoints: SEARCH_ENDPOINTS,
  createClient: createSearchClient,
  createSlice: (client: SearchClient, _batchSizes, profiles) => ({
    search: new SearchRepository(client, profiles),
  }),
  bulkProfiles: (slice: SearchSlice) => slice.search.bulk,
  errorRows: {},
  fieldRenames: {},
  scopes: SEARCH_SCOPES,
} as const satisfies Section<"search", SearchClient, SearchSlice, BoundSearchUpstream>;

export { createRecentWrites, type RecentWrites } from "./recent-writes.js";
export { createSearchUpstream, type SearchClient, type SearchUpstream } from "./search.client.js";
