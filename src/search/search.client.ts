import type { Config } from "../config.js";
import { ErrorCodes, errorRow } from "../errors.js";
import type { BoundHttp } from "../loginradius/bound-http.js";
import { clientOver } from "../loginradius/endpoint-client.js";
import { type ClientOf, endpointsUnder, endpointTable } from "../loginradius/endpoints.js";
import {
  createLoginRadiusHttp,
  type LoginRadiusHttp,
  type UpstreamRuntime,
  type UpstreamTarget,
} from "../loginradius/http.js";
import type { DirectoryQuery } from "./filter.query.js";
import { WireSearchPageSchema } from "./search.wire.js";

const { call } = endpointsUnder("");

const SEARCH_DOCS = "cloud-directory-api/identity/getting-started";

/**
 * 908 ("a parameter is not formatted correctly") on `?next=`: LoginRadius no longer knows the
 * cursor (expired, or never issued). Only this endpoint's 908 means that: a row of its own, not
 * the section's (section rows merge across every endpoint). The page cannot be had any more; the
 * search can, from its first page.
 */
const CURSOR_EXPIRED = errorRow(
  ErrorCodes.BAD_USER_INPUT,
  "after: LoginRadius no longer keeps this search's cursor (cursors expire); run the search again without after.",
  "after",
  "cursor_expired",
);

/**
 * The Cloud Directory endpoints (on LOGINRADIUS_SEARCH_URL), one row per client method. A search
 * only reads, so both are retried, the POST included.
 */
export const SEARCH_ENDPOINTS = endpointTable("Search", {
  search: call("POST", "/identity", {
    retry: true,
    answer: WireSearchPageSchema,
    input: (body: SearchBody, fields?: string) => ({
      body,
      ...(fields ? { query: { fields } } : {}),
    }),
    covers: {
      toldApartBy: "`{from, to, q, size}`",
      sdk: "– (no SDK wraps the Cloud Directory)",
      reference: SEARCH_DOCS,
      note: "the Cloud Directory's own base URL",
      graph: ["Query.searchAccounts", "Query.accountsByUids", "Query._entities"],
    },
  }),
  next: call("GET", "/identity", {
    retry: true,
    answer: WireSearchPageSchema,
    errors: { 908: CURSOR_EXPIRED },
    input: (cursor: string, fields?: string) => ({
      query: { next: cursor, ...(fields ? { fields } : {}) },
    }),
    covers: {
      toldApartBy: "`?next=`",
      sdk: "– (no SDK wraps the Cloud Directory)",
      reference: SEARCH_DOCS,
      graph: ["Query.searchAccounts"],
    },
  }),
});

/** One search: `from`/`to` (mandatory, `yyyy-mm-dd`) bound CreatedDate; `size` 1..1000. */
export interface SearchBody {
  from: string;
  to: string;
  q: DirectoryQuery;
  size: number;
}

/**
 * The table's calls, and BATCH_VIA_SEARCH_MIN as the process runs with it (0: batched UID reads
 * never search): part of the client so that a test double states it too.
 */
export type SearchClient = ClientOf<typeof SEARCH_ENDPOINTS> & {
  readonly batchViaSearchMin: number;
};

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

/** The search upstream as bound to one request (src/context.ts `connectSections`). */
export type BoundSearchUpstream = Omit<SearchUpstream, "http"> & { http: BoundHttp };

/** The client over the search adapter (its own outbound limit), bound to one request. */
export const createSearchClient = (upstream: BoundSearchUpstream): SearchClient => ({
  ...clientOver(SEARCH_ENDPOINTS, upstream.http),
  batchViaSearchMin: upstream.batchViaSearchMin,
});
