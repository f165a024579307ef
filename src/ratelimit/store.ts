/**
 * Token buckets keyed by name, shared by the per-caller limits (operations and upstream cost per
 * caller) and the outbound limit towards LoginRadius. A bucket holds at most `burst` tokens and
 * refills at `perSecond`; `take` either removes `cost` tokens or says how long to wait.
 * In memory for one process; in Redis when replicas must share one budget.
 */
export interface RateLimitStore {
  take(key: string, cost: number, rule: RateRule): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface RateRule {
  perSecond: number;
  burst: number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: whole seconds until `cost` tokens are there again (at least 1). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** The bucket's own rule: one store holds buckets of several (callers, outbound). */
  rule: RateRule;
}

/**
 * Buckets one process holds at most (about 300 bytes each with a 200-character key: 3 MB). Each
 * authenticated JWT `sub` gets its own buckets, so an identity provider that signs many subjects
 * could otherwise grow the map without bound between sweeps.
 */
export const MAX_MEMORY_BUCKETS = 10_000;

/**
 * One process's buckets. Idle buckets are dropped once full again, so memory follows the number
 * of recently active keys, not every key ever seen; and never more than `maxBuckets`: the least
 * recently used goes first (a Map iterates in insertion order, and every take re-inserts its key).
 * An evicted caller starts again with a full bucket, as after a sweep.
 */
export const createMemoryRateLimitStore = (
  now: () => number = Date.now,
  maxBuckets = MAX_MEMORY_BUCKETS,
): RateLimitStore => {
  const buckets = new Map<string, Bucket>();
  const put = (key: string, bucket: Bucket) => {
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxBuckets) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
  };
  let lastSweep = now();
  const sweep = (t: number) => {
    if (t - lastSweep < 10_000) return;
    lastSweep = t;
    for (const [key, b] of buckets)
      if (b.tokens + ((t - b.at) / 1000) * b.rule.perSecond >= b.rule.burst) buckets.delete(key);
  };
  return {
    async take(key, cost, rule) {
      const t = now();
      sweep(t);
      const b = buckets.get(key) ?? { tokens: rule.burst, at: t, rule };
      const tokens = Math.min(rule.burst, b.tokens + ((t - b.at) / 1000) * rule.perSecond);
      if (tokens >= cost) {
        put(key, { tokens: tokens - cost, at: t, rule });
        return { allowed: true, retryAfterSeconds: 0 };
      }
      put(key, { tokens, at: t, rule });
      const wait = cost > rule.burst ? Number.POSITIVE_INFINITY : (cost - tokens) / rule.perSecond;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
    },
    async close() {
      buckets.clear();
    },
  };
};
