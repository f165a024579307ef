import type { EmulatedSection, SectionOptions } from "../core/section.js";
import { SEARCH_CODES } from "./codes.js";
import { searchRoutes } from "./search.routes.js";
import { SearchStore } from "./search.store.js";

/** The Cloud Directory search (`/identity`): the accounts, searchable after an index lag. */
export const search = {
  name: "search",
  createStore: (_write: unknown, options: SectionOptions) =>
    new SearchStore(options.search?.lagMs ?? DEFAULT_SEARCH_LAG_MS),
  routes: (options: SectionOptions) =>
    searchRoutes(options.search?.perSecond ?? DEFAULT_SEARCH_PER_SECOND),
  codes: SEARCH_CODES,
} as const satisfies EmulatedSection<"search", SearchStore>;

/** A realistic index lag: LoginRadius states none; an Elasticsearch refresh is 1 s (UNCONFIRMED). */
export const DEFAULT_SEARCH_LAG_MS = 1_000;
/** LoginRadius's documented default search limit (acceptable-use policy): 10 per second. */
export const DEFAULT_SEARCH_PER_SECOND = 10;
