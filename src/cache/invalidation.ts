/**
 * The contract between what changes accounts (our own writes, peers, LoginRadius webhooks, TTL expiry)
 * and the read cache. Webhook handling calls it; the cache layer implements it.
 */

/** What part of an account's cached reads a change touches; "all" drops every entry of the account. */
export type CachePart = "profile" | "roles" | "customObjects" | "identities" | "security" | "all";

/** Who asked for the drop; counted per source in /metrics. */
export type InvalidationSource = "write" | "peer" | "webhook" | "ttl";

export interface CacheInvalidator {
  /**
   * Drops what is cached for these accounts (this process and, with Redis, every replica). With
   * the time of the event that changed one account, entries read after it are kept.
   */
  invalidate(
    uids: readonly string[],
    parts: readonly CachePart[],
    source: InvalidationSource,
    eventTimeMs?: number,
  ): Promise<void>;
  /**
   * Optionally primes the profile from a webhook's Data (never secrets) where it covers what is
   * cached, entries read after `eventTimeMs` kept.
   */
  prime?(uid: string, profile: Record<string, unknown>, eventTimeMs?: number): Promise<void>;
}

/** Used when caching is off: nothing is cached, so nothing needs dropping. */
export const noopInvalidator: CacheInvalidator = {
  invalidate: async () => {},
};
