import { createHmac } from "node:crypto";
import type { Config } from "../config.js";
import { describeError, type Logger } from "../log.js";
import {
  createLoginRadiusHttp,
  type LoginRadiusHttp,
  type UpstreamRuntime,
  type UpstreamTarget,
} from "../loginradius/http.js";
import { type FleetBackoff, localBackoff, outboundKey } from "../loginradius/outbound-limit.js";
import type { Metrics } from "../metrics.js";
import { createReadCache, type ReadCache } from "./read-cache.js";
import { cacheKeyOf, createSealer } from "./seal.js";
import { createSharedCache, type PeerMessage, type SharedCache } from "./shared-cache.js";

export interface Fleet {
  /** The adapter every section's client calls: coalesced, cached, writes dropping what they change. */
  http: LoginRadiusHttp;
  /** For the webhook route: drops accounts' entries here and on every replica. */
  cache: ReadCache;
  close(): Promise<void>;
}

interface FleetRuntime extends UpstreamRuntime {
  logger: Logger;
  metrics: Metrics;
}

/** Redis trouble, logged once each way and shown in `account_graph_cache_redis_up`. */
const healthReporter = (logger: Logger, metrics: Metrics) => (up: boolean, error?: unknown) => {
  metrics.cacheRedisUp.set(up ? 1 : 0);
  if (up) logger.info("shared cache (Redis) is back; entries and drops are shared again");
  else
    logger.warn(
      describeError(error),
      "shared cache (Redis) failed; serving from LoginRadius and this process until it is back",
    );
};

/**
 * The LoginRadius adapter as a replica of a fleet uses it: reads coalesced and cached (this
 * process, and Redis when REDIS_URL is set), the outbound limit shared, a 429 holding every
 * replica. Builds objects only: Redis connects on first use.
 */
export const createFleet = (
  config: Readonly<Config>,
  upstream: UpstreamTarget,
  runtime: FleetRuntime,
): Fleet => {
  const site = outboundKey(upstream);
  const key = cacheKeyOf(config.cache.encryptionKey, upstream.apiSecret, site);
  const sealer = createSealer(key);
  const own = localBackoff();
  let cache: ReadCache | undefined;
  const { redisUrl, redisKeyPrefix } = config.limits.rateLimit;
  const onMessage = (message: PeerMessage) => {
    if (message.kind === "drop") cache?.dropLocal(message.owners, message.parts);
    // LoginRadius's window is a second; a peer's backoff beyond it is not believed.
    else own.tripped(Math.min(message.until, Date.now() + 1_000));
  };
  const shared: SharedCache | null = redisUrl
    ? createSharedCache({
        url: redisUrl,
        prefix: `${redisKeyPrefix}cache:${site}:`,
        sealer,
        nameKey: createHmac("sha256", key).update("names").digest(),
        ttlMs: Math.max(1, config.cache.ttlMs),
        onMessage,
        onHealth: healthReporter(runtime.logger, runtime.metrics),
      })
    : null;
  if (shared) runtime.metrics.cacheRedisUp.set(1);
  const backoff: FleetBackoff = {
    until: own.until,
    tripped(until) {
      own.tripped(until);
      void shared?.announce({ kind: "backoff", until });
    },
  };
  cache = createReadCache({
    ttlMs: config.cache.ttlMs,
    maxBytes: config.cache.maxBytes,
    coalesce: config.cache.coalesce,
    shared,
    sealer,
    metrics: runtime.metrics,
    logger: runtime.logger,
  });
  const http = createLoginRadiusHttp({ ...upstream, ...config.upstream }, { ...runtime, backoff });
  return { http: cache.wrap(http), cache, close: async () => shared?.close() };
};
