import { describeError, type Logger } from "../log.js";
import { withTimeout } from "../with-timeout.js";

/**
 * What the webhook route remembers about deliveries, shared by every replica when Redis is
 * there: LoginRadius sends each event to one replica (behind a load balancer), and a duplicate
 * or replay may reach another.
 */
export interface DeliveryLedger {
  /** True the first time `key` is seen within `ttlMs`; false for every later sighting. */
  first(key: string, ttlMs: number): Promise<boolean>;
  /** True when `timeMs` is newer than every time recorded for `uid` (and records it). */
  newest(uid: string, timeMs: number, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Keys one process remembers at most: about 150 bytes each, 15 MB. Past it the oldest key goes:
 * a replay of it is then refused by the time window instead (entries live as long as the window).
 */
export const MAX_LEDGER_KEYS = 100_000;

/** One process's ledger: maps in insertion order, expired entries swept as they are met. */
export const createMemoryLedger = (
  now: () => number = Date.now,
  maxKeys = MAX_LEDGER_KEYS,
): DeliveryLedger => {
  const seen = new Map<string, number>();
  const times = new Map<string, { t: number; until: number }>();
  const bound = <V>(map: Map<string, V>) => {
    while (map.size > maxKeys) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  };
  return {
    async first(key, ttlMs) {
      const t = now();
      const until = seen.get(key);
      if (until !== undefined && until > t) return false;
      seen.delete(key);
      seen.set(key, t + ttlMs);
      bound(seen);
      return true;
    },
    async newest(uid, timeMs, ttlMs) {
      const t = now();
      const last = times.get(uid);
      if (last && last.until > t && last.t >= timeMs) return false;
      times.delete(uid);
      times.set(uid, { t: timeMs, until: t + ttlMs });
      bound(times);
      return true;
    },
    async close() {
      seen.clear();
      times.clear();
    },
  };
};

/** KEYS[1] the account's newest event time; ARGV time, ttl ms. 1 when newer (and recorded). */
const NEWEST = `
local current = redis.call('GET', KEYS[1])
if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

interface LedgerCommands {
  set(key: string, value: string, px: "PX", ttl: number, nx: "NX"): Promise<string | null>;
  newestTime(key: string, time: number, ttl: number): Promise<number>;
  disconnect(): void;
}

export interface RedisLedgerOptions {
  url: string;
  /** Prepended to every key (REDIS_KEY_PREFIX + `webhook:`). */
  keyPrefix: string;
  /** Longest wait for Redis per question; past it the memory ledger answers. */
  timeoutMs?: number;
}

/** ioredis, loaded with the first question (a service without REDIS_URL never loads it). */
const connectLedger = (url: string, timeoutMs: number): Promise<LedgerCommands> =>
  import("ioredis").then(({ Redis }) => {
    const redis = new Redis(url, {
      lazyConnect: true,
      connectTimeout: 1000,
      commandTimeout: timeoutMs,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Without a listener ioredis prints every connection error; the fallback logs what matters.
    redis.on("error", () => {});
    redis.defineCommand("newestTime", { numberOfKeys: 1, lua: NEWEST });
    return redis as unknown as LedgerCommands;
  });

/**
 * The ledger in Redis (`SET NX PX`, and a script for "newest"), so a duplicate is one whichever
 * replica receives it. Redis failing or slow is a miss, never an error: this process's memory
 * answers instead (so a duplicate that reaches two replicas during an outage may be applied
 * twice, which only costs a cache miss), with one log line when it fails and one when it is back.
 * Connects on the first question; the URL is never logged.
 */
export const createRedisLedger = (
  options: RedisLedgerOptions,
  local: DeliveryLedger,
  logger: Logger,
  onFailure: () => void = () => {},
): DeliveryLedger => {
  const timeoutMs = options.timeoutMs ?? 250;
  let client: Promise<LedgerCommands> | undefined;
  const connect = () => {
    client ??= connectLedger(options.url, timeoutMs);
    return client;
  };
  let failing = false;
  const ask = async <T>(
    shared: (redis: LedgerCommands) => Promise<T>,
    fallback: () => Promise<T>,
  ) => {
    try {
      const answer = await withTimeout(connect().then(shared), timeoutMs);
      if (failing) logger.info("webhook ledger (Redis) is back; duplicates are caught fleet-wide");
      failing = false;
      return answer;
    } catch (error) {
      onFailure();
      if (!failing)
        logger.warn(
          describeError(error),
          "webhook ledger (Redis) failed; deduplicating per process",
        );
      failing = true;
      return fallback();
    }
  };
  const key = (kind: string, id: string) => `${options.keyPrefix}${kind}:${id}`;
  return {
    first: (id, ttlMs) =>
      ask(
        async (redis) => (await redis.set(key("seen", id), "1", "PX", ttlMs, "NX")) === "OK",
        () => local.first(id, ttlMs),
      ),
    newest: (uid, timeMs, ttlMs) =>
      ask(
        async (redis) => (await redis.newestTime(key("newest", uid), timeMs, ttlMs)) === 1,
        () => local.newest(uid, timeMs, ttlMs),
      ),
    async close() {
      if (client) (await client).disconnect();
      await local.close();
    },
  };
};
