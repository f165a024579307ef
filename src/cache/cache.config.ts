import type { EnvReader } from "../env.js";

/** The shared read cache and coalescing (src/cache/, docs/running-replicas.md). */
export interface CacheConfig {
  /**
   * CACHE_TTL_MS: the longest a cached read is served without an event saying it changed; 0 turns
   * caching off (coalescing stays). Our own writes and webhooks drop entries at once; the TTL only
   * bounds changes made elsewhere (the Admin Console, another app) when no webhook arrives.
   */
  ttlMs: number;
  /** CACHE_MAX_BYTES: this process's cache, counted in bytes of the cached JSON. */
  maxBytes: number;
  /**
   * CACHE_ENCRYPTION_KEY: 64 hex digits (32 bytes) sealing values in Redis. Unset: derived from
   * the API secret with HKDF, so every replica of a site derives the same key.
   */
  encryptionKey: Buffer | null;
  /** UPSTREAM_COALESCE: identical reads in flight at once share one call (default true). */
  coalesce: boolean;
}

const KEY = /^[0-9a-fA-F]{64}$/;

export const readCacheConfig = (read: EnvReader): CacheConfig => {
  const key = read.string("CACHE_ENCRYPTION_KEY");
  read.check(
    key === undefined || KEY.test(key),
    "CACHE_ENCRYPTION_KEY must be 64 hex digits (e.g. `openssl rand -hex 32`); its value is not shown.",
  );
  return Object.freeze({
    ttlMs: read.int("CACHE_TTL_MS", 30_000, 0, 86_400_000),
    maxBytes: read.int("CACHE_MAX_BYTES", 33_554_432, 0, 4_294_967_296),
    encryptionKey: key !== undefined && KEY.test(key) ? Buffer.from(key, "hex") : null,
    coalesce: read.oneOf("UPSTREAM_COALESCE", ["true", "false"] as const, "true") === "true",
  });
};
