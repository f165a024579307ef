/**
 * The contract between what changes accounts (our own writes, peers, LoginRadius webhooks, TTL expiry)
 * and the read cache. Webhook handling calls it; the cache layer implements it.
 */

/** What part of an account's cached reads a change touches; "all" drops every entry of the account. */
export type CachePart = "profile" | "roles" | "customObjects" | "identities" | "security" | "all";

/** Who asked for the drop; counted per source in /metrics. */
export type InvalidationSource = "write" | "peer" | "webhook" | "ttl";

export interface CacheInvalidator {
  /** Drops what is cached for these accounts (this process and, with Redis, every replica). */
  invalidate(
    uids: readonly string[],
    parts: readonly CachePart[],
    source: InvalidationSource,
  ): Promise<void>;
  /** Optionally primes the profile from a webhook's Data (never secrets). */
  prime?(uid: string, profile: Record<string, unknown>): Promise<void>;
}

/** Used when caching is off: nothing is cached, so nothing needs dropping. */
export const noopInvalidator: CacheInvalidator = {
  invalidate: async () => {},
};
