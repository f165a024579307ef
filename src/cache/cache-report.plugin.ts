import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../graphql/section.js";

/** The response header saying what a response was served from. */
export const CACHE_HEADER = "x-account-graph-cache";

/**
 * Says what a response was served from, on every response that made a cacheable read:
 * `X-Account-Graph-Cache: hits=2; misses=1; age-ms=3100` (age: the oldest cached answer used).
 * A header, not `extensions`: a client comparing whole bodies sees the same body as before.
 * A caller who needs fresh data sends `Cache-Control: no-cache`.
 */
export const cacheReportPlugin = (): ApolloServerPlugin<RequestContext> => ({
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const { cacheHits = 0, cacheMisses = 0, cacheAgeMs = 0 } = contextValue.stats ?? {};
        if (cacheHits + cacheMisses === 0) return;
        response.http.headers.set(
          CACHE_HEADER,
          `hits=${cacheHits}; misses=${cacheMisses}; age-ms=${cacheAgeMs}`,
        );
      },
    };
  },
});
