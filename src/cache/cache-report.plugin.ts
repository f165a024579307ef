import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../graphql/section.js";

/**
 * Says what a response was served from: `extensions.cache = { hits, misses, ageMs }` (ageMs: the
 * oldest cached answer used), on every response that made a cacheable read. A caller who needs
 * fresh data sends `Cache-Control: no-cache`.
 */
export const cacheReportPlugin = (): ApolloServerPlugin<RequestContext> => ({
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const { cacheHits = 0, cacheMisses = 0, cacheAgeMs = 0 } = contextValue.stats ?? {};
        if (response.body.kind !== "single" || cacheHits + cacheMisses === 0) return;
        const result = response.body.singleResult;
        result.extensions = {
          ...result.extensions,
          cache: { hits: cacheHits, misses: cacheMisses, ageMs: cacheAgeMs },
        };
      },
    };
  },
});
