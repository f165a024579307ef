import type { EnvReader } from "../env.js";

/** The Cloud Directory's base URL when the core API is LoginRadius's own. */
export const DEFAULT_SEARCH_URL = "https://cloud-api.loginradius.com";

export interface SearchConfig {
  /** LOGINRADIUS_SEARCH_URL; null: the core API's URL (the emulator or a proxy serves both). */
  url: string | null;
  /** UPSTREAM_MAX_SEARCH_RPS: searches per second, shared like UPSTREAM_MAX_RPS. */
  maxRps: number;
  /** BATCH_VIA_SEARCH_MIN: distinct UIDs from which a batch is one search; 0: never. */
  batchMin: number;
  /** SEARCH_INDEX_LAG_MS: how long after a write search may still serve the old profile. */
  indexLagMs: number;
}

/**
 * The default threshold (docs/finding-accounts.md, "Batched UID reads"): bench/search.mjs measures
 * no latency difference from 2 to 10 UIDs, so quota decides: N profile calls spend N/50 of the
 * core budget, one search 1/10 of the search budget; from 5 UIDs on, the search spends less.
 */
export const DEFAULT_BATCH_VIA_SEARCH_MIN = 5;

/**
 * The search section's variables, read by src/config.ts's reader. The URL is checked as the core
 * API's is (clean, https but for loopback) by the caller, which knows that check. Unset, it is
 * LoginRadius's Cloud Directory when the core API is LoginRadius's own, else the core API's URL
 * (the emulator, a proxy, a test server serve both).
 */
export const readSearchConfig = (read: EnvReader, loginRadiusItself: boolean) => {
  const url = read.string("LOGINRADIUS_SEARCH_URL");
  return {
    url: url ?? (loginRadiusItself ? DEFAULT_SEARCH_URL : null),
    maxRps: read.int("UPSTREAM_MAX_SEARCH_RPS", 10, 1, 10_000),
    batchMin: read.int("BATCH_VIA_SEARCH_MIN", DEFAULT_BATCH_VIA_SEARCH_MIN, 0, 1_000),
    indexLagMs: read.int("SEARCH_INDEX_LAG_MS", 5_000, 0, 3_600_000),
  } satisfies SearchConfig;
};
