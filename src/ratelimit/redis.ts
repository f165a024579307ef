import type { Redis as RedisClient } from "ioredis";
import { describeError, type Logger } from "../log.js";
import { withTimeout } from "../with-timeout.js";
import type { RateDecision, RateLimitStore, RateRule } from "./store.js";

/**
 * One token bucket per key, atomically: refill by elapsed time (Redis's clock, so replicas with
 * skewed clocks agree), take `cost` or say how long until it is there, and expire the key once
 * it would be full again, so idle callers leave nothing behind.
 * KEYS[1] bucket; ARGV cost, perSecond, burst. Returns { allowed 0|1, wait in ms }.
 */
const TOKEN_BUCKET = `
-- Redis < 5 replicates scripts verbatim, which TIME forbids; later versions replicate effects.
if redis.replicate_commands then redis.replicate_commands() end
local cost = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1])
local at = tonumber(saved[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local allowed = 0
local wait = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  wait = math.ceil((cost - tokens) / rate * 1000)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate * 1000) + 1000)
return { allowed, wait }
`;

interface BucketCommand {
  takeToken(key: string, cost: number, perSecond: number, burst: number): Promise<[number, number]>;
}

type BucketClient = BucketCommand & Pick<RedisClient, "disconnect" | "status" | "once">;

export interface RedisStoreOptions {
  url: string;
  /** Prepended to every key, so one Redis can serve several services. */
  keyPrefix: string;
  /** Longest wait for Redis per decision; past it the decision fails (see the fallback). */
  timeoutMs?: number;
}

/**
 * Buckets in Redis, shared by every replica that uses the same URL and prefix. Connects on the
 * first decision (no side effect at construction); `take` rejects when Redis fails or is slow.
 * The URL is never logged: it may hold a password.
 */
export const createRedisRateLimitStore = (options: RedisStoreOptions): RateLimitStore => {
  const timeoutMs = options.timeoutMs ?? 250;
  // ioredis is loaded with the first decision, so a service without REDIS_URL never loads it
  // (its import is ~10% of the compiled service's cold start).
  let client: Promise<BucketClient> | undefined;
  const connect = () => {
    client ??= import("ioredis").then(({ Redis }) => {
      // No offline queue: with Redis gone each decision would wait out `timeoutMs` (every
      // operation paid it, several times); it falls back at once instead. The first connection
      // is waited for in `take`.
      const redis = new Redis(options.url, {
        connectTimeout: 1000,
        commandTimeout: timeoutMs,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      });
      // Without a listener ioredis prints every connection error; the fallback logs what matters.
      redis.on("error", () => {});
      redis.defineCommand("takeToken", { numberOfKeys: 1, lua: TOKEN_BUCKET });
      return redis as unknown as BucketClient;
    });
    return client;
  };
  return {
    async take(key: string, cost: number, rule: RateRule): Promise<RateDecision> {
      const [allowed, waitMs] = await withTimeout(
        connect().then(async (bucket) => {
          if (bucket.status === "connecting" || bucket.status === "connect")
            await new Promise((resolve) => bucket.once("ready", resolve));
          return bucket.takeToken(`${options.keyPrefix}${key}`, cost, rule.perSecond, rule.burst);
        }),
        timeoutMs,
      );
      if (allowed === 1) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
    async close() {
      if (client) (await client).disconnect();
    },
  };
};

/**
 * When the shared store fails, decide from this process's own buckets instead: neither open (a
 * Redis outage would lift every limit) nor closed (it would stop the service). Each replica then
 * enforces the whole budget by itself, so callers may get up to N replicas times the budget until
 * Redis is back. Logged once when it fails and once when it recovers.
 */
export const withFallback = (
  shared: RateLimitStore,
  local: RateLimitStore,
  logger: Logger,
): RateLimitStore => {
  let failing = false;
  return {
    async take(key, cost, rule) {
      try {
        const decision = await shared.take(key, cost, rule);
        if (failing) logger.info("rate-limit store (Redis) is back; limits are shared again");
        failing = false;
        return decision;
      } catch (error) {
        if (!failing)
          logger.warn(
            describeError(error),
            "rate-limit store (Redis) failed; limiting per process until it is back",
          );
        failing = true;
        return local.take(key, cost, rule);
      }
    },
    async close() {
      await Promise.all([shared.close(), local.close()]);
    },
  };
};
