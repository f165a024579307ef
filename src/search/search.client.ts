import type { Config } from "../config.js";
import { endpointsUnder } from "../loginradius/endpoints.js";
import {
  createLoginRadiusHttp,
  type LoginRadiusHttp,
  type RequestScope,
  type UpstreamRuntime,
  type UpstreamTarget,
} from "../loginradius/http.js";
import type { DirectoryQuery } from "./filter.query.js";
import { type WireSearchPage, WireSearchPageSchema } from "./search.wire.js";

const endpoint = endpointsUnder("");

/**
 * The Cloud Directory endpoints (on LOGINRADIUS_SEARCH_URL). A search only reads, so both are
 * safe to repeat, the POST included.
 */
export const SEARCH_ENDPOINTS = {
  search: endpoint("POST", "/identity", true, WireSearchPageSchema),
  next: endpoint("GET", "/identity", true, WireSearchPageSchema),
} as const;

/** One search: `from`/`to` (mandatory, `yyyy-mm-dd`) bound CreatedDate; `size` 1..1000. */
export interface SearchBody {
  from: string;
  to: string;
  q: DirectoryQuery;
  size: number;
}

export interface SearchClient {
  /**
   * BATCH_VIA_SEARCH_MIN as the process runs with it (0: batched UID reads never search): part of
   * the client so that a test double states it too.
   */
  readonly batchViaSearchMin: number;
  search(body: SearchBody, fields?: string): Promise<WireSearchPage>;
  next(cursor: string, fields?: string): Promise<WireSearchPage>;
}

/** The search adapter (LOGINRADIUS_SEARCH_URL, UPSTREAM_MAX_SEARCH_RPS) and the batch threshold. */
export interface SearchUpstream {
  http: LoginRadiusHttp;
  batchViaSearchMin: number;
}

/**
 * The Cloud Directory adapter: its own base URL and its own quota (an outbound bucket apart from
 * the core API's, shared through the same store), the core adapter's tuning otherwise.
 */
export const createSearchUpstream = (
  config: Pick<Config, "upstream" | "search">,
  target: UpstreamTarget,
  runtime: UpstreamRuntime,
): SearchUpstream => ({
  http: createLoginRadiusHttp(
    {
      ...target,
      ...config.upstream,
      apiUrl: config.search.url ?? target.apiUrl,
      maxRps: config.search.maxRps,
      quota: "search",
    },
    runtime,
  ),
  batchViaSearchMin: config.search.batchMin,
});

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * `from`/`to` are mandatory and bound CreatedDate: a search over every account spans 1970 to
 * tomorrow (UTC), so an account created today is in range in every time zone.
 */
export const searchWindow = (now = Date.now()) => ({
  from: "1970-01-01",
  to: day(now + 86_400_000),
});

/** The ky-backed client: one call per page, on the search adapter (its own outbound limit). */
export const createSearchClient = (upstream: SearchUpstream, scope: RequestScope): SearchClient => {
  const { http } = upstream;
  return {
    batchViaSearchMin: upstream.batchViaSearchMin,
    search: (body, fields) =>
      http.call(SEARCH_ENDPOINTS.search, { body, ...(fields ? { query: { fields } } : {}) }, scope),
    next: (cursor, fields) =>
      http.call(
        SEARCH_ENDPOINTS.next,
        { query: { next: cursor, ...(fields ? { fields } : {}) } },
        scope,
      ),
  };
};
