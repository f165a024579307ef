import type { EnvReader } from "../../env.js";

/** Per-operation limits, checked before execution. Every one is an upper bound; 0 is never "off". */
export interface OperationLimits {
  /** Deepest selection (fragment spreads count one level each). */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Lexical tokens in one document; parsing stops at the first token over it. */
  maxTokens: number;
  /** LoginRadius calls one operation may cause, counted from the document and variables. */
  maxUpstreamCost: number;
  /** Emails, SMS and minted tokens one operation may cause. */
  maxSideEffects: number;
  /** Values one operation may answer with, plus its list-argument items (result-limits.ts). */
  maxResultItems: number;
  /** Bytes of one serialized answer; over it, a RESPONSE_TOO_LARGE error is sent instead. */
  maxResponseBytes: number;
}

export interface RateLimitConfig {
  /** Operations per second per caller; 0 = no operation limit. */
  opsPerSecond: number;
  opsBurst: number;
  /** Upstream cost (as counted for MAX_UPSTREAM_COST) per second per caller; 0 = no cost limit. */
  costPerSecond: number;
  costBurst: number;
  /** Result items (as counted for MAX_RESULT_ITEMS) per second per caller; 0 = no item limit. */
  itemsPerSecond: number;
  itemsBurst: number;
  /** Operations of one caller running at once in this process; more wait their turn. 0 = no limit. */
  maxInflight: number;
  /** Set: the buckets live in Redis and every replica shares them. Never logged (may hold a password). */
  redisUrl: string | null;
  redisKeyPrefix: string;
}

export interface DocumentCacheConfig {
  /** Automatic persisted queries; off unless APQ=true. */
  apq: boolean;
  apqCacheBytes: number;
  documentCacheBytes: number;
}

export interface LimitsConfig {
  operation: OperationLimits;
  rateLimit: RateLimitConfig;
  documents: DocumentCacheConfig;
}

const MIB = 1024 * 1024;

/** A non-negative decimal (rates may be fractional: 0.5 operations per second). */
const rate = (read: EnvReader, name: string, fallback: number): number => {
  const text = read.string(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  read.check(
    Number.isFinite(value) && value >= 0 && value <= 1_000_000,
    `${name} must be a number from 0 to 1000000; got '${text}'.`,
  );
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

/**
 * Result items per second per caller. The default lets a caller read more than its upstream
 * budget pays for (100 full profiles a second is about 6,000 items) and keeps one caller's
 * completing and serializing of answers to about one heaviest operation a second, however
 * little upstream they cost.
 */
const readItemRate = (read: EnvReader, maxResultItems: number) => {
  const itemsPerSecond = rate(read, "RATE_LIMIT_ITEMS_PER_SECOND", 10_000);
  const itemsBurst = read.int(
    "RATE_LIMIT_ITEMS_BURST",
    Math.max(maxResultItems, Math.ceil(itemsPerSecond * 2)),
    1,
    100_000_000,
  );
  read.check(
    itemsPerSecond === 0 || itemsBurst >= maxResultItems,
    `RATE_LIMIT_ITEMS_BURST (${itemsBurst}) must be at least MAX_RESULT_ITEMS (${maxResultItems}).`,
  );
  return { itemsPerSecond, itemsBurst };
};

const readRateLimit = (
  read: EnvReader,
  maxUpstreamCost: number,
  maxResultItems: number,
): RateLimitConfig => {
  const opsPerSecond = rate(read, "RATE_LIMIT_OPS_PER_SECOND", 50);
  const costPerSecond = rate(read, "RATE_LIMIT_COST_PER_SECOND", 100);
  const opsBurst = read.int(
    "RATE_LIMIT_OPS_BURST",
    Math.max(1, Math.ceil(opsPerSecond * 2)),
    1,
    1_000_000,
  );
  const costBurst = read.int(
    "RATE_LIMIT_COST_BURST",
    Math.max(maxUpstreamCost, Math.ceil(costPerSecond * 2)),
    1,
    1_000_000,
  );
  // A bucket smaller than the largest allowed operation would refuse that operation forever.
  read.check(
    costPerSecond === 0 || costBurst >= maxUpstreamCost,
    `RATE_LIMIT_COST_BURST (${costBurst}) must be at least MAX_UPSTREAM_COST (${maxUpstreamCost}).`,
  );
  const redisUrl = read.string("REDIS_URL") ?? null;
  if (redisUrl !== null) {
    let ok = false;
    try {
      const url = new URL(redisUrl);
      ok = url.protocol === "redis:" || url.protocol === "rediss:";
    } catch {
      ok = false;
    }
    read.check(ok, "REDIS_URL must be a redis:// or rediss:// URL (its value is not shown).");
  }
  return {
    opsPerSecond,
    opsBurst,
    costPerSecond,
    costBurst,
    ...readItemRate(read, maxResultItems),
    maxInflight: read.int("MAX_INFLIGHT_PER_CALLER", 4, 0, 10_000),
    redisUrl,
    redisKeyPrefix: read.string("REDIS_KEY_PREFIX") ?? "account-graph:ratelimit:",
  };
};

/**
 * The limits' environment variables. Defaults suit this schema: its deepest legitimate selection
 * is 5 levels (mutation payload > account > privacyPolicyHistory > history > version), so 8
 * leaves room for fragments; 64 aliases allows the documented batch use (50 aliases of one
 * field); 2000 tokens is ten times the standard introspection query and a 100-UID literal list.
 */
export const readLimitsConfig = (read: EnvReader): LimitsConfig => {
  const maxUpstreamCost = read.int("MAX_UPSTREAM_COST", 100, 1, 100_000);
  // 100 full profiles (about 60 values each) plus room; the 64 x 100 repeated-UID query is 380,000.
  const maxResultItems = read.int("MAX_RESULT_ITEMS", 10_000, 1, 10_000_000);
  return {
    operation: {
      maxDepth: read.int("MAX_DEPTH", 8, 1, 100),
      maxAliases: read.int("MAX_ALIASES", 64, 0, 10_000),
      maxDirectives: read.int("MAX_DIRECTIVES", 10, 0, 1_000),
      maxTokens: read.int("MAX_TOKENS", 2000, 10, 1_000_000),
      maxUpstreamCost,
      maxSideEffects: read.int("MAX_SIDE_EFFECTS", 5, 0, 1_000),
      maxResultItems,
      maxResponseBytes: read.int("MAX_RESPONSE_BYTES", 4 * MIB, 1024, 1024 * MIB),
    },
    rateLimit: readRateLimit(read, maxUpstreamCost, maxResultItems),
    documents: {
      apq: read.oneOf("APQ", ["true", "false"] as const, "false") === "true",
      apqCacheBytes: read.int("APQ_CACHE_BYTES", 4 * MIB, 1024, 1024 * MIB),
      documentCacheBytes: read.int("DOCUMENT_CACHE_BYTES", 8 * MIB, 1024, 1024 * MIB),
    },
  };
};
