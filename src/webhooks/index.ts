import type { CacheInvalidator } from "../cache/invalidation.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { Metrics } from "../metrics.js";
import type { RateLimitStore } from "../ratelimit/store.js";
import type { WebhookConfig } from "./webhook.config.js";
import { createMemoryLedger, createRedisLedger, type DeliveryLedger } from "./webhook.ledger.js";
import { createWebhookRoute, type WebhookRoute } from "./webhook.route.js";

export { WEBHOOK_PATH, type WebhookRoute } from "./webhook.route.js";

export interface LoginRadiusWebhookOptions {
  config: WebhookConfig;
  /** The LoginRadius API secret (the signatures' key). */
  secret: string;
  invalidator: CacheInvalidator;
  rateStore: RateLimitStore;
  /** REDIS_URL and REDIS_KEY_PREFIX; a null URL keeps the ledger in this process. */
  redis: { url: string | null; keyPrefix: string };
  logger: Logger;
  metrics?: Metrics;
}

/** The webhook route and its ledger; nothing connects until the first delivery. */
export const createLoginRadiusWebhook = (
  options: LoginRadiusWebhookOptions,
): { route: WebhookRoute; close(): Promise<void> } => {
  const local = createMemoryLedger();
  const ledger: DeliveryLedger = options.redis.url
    ? createRedisLedger(
        { url: options.redis.url, keyPrefix: `${options.redis.keyPrefix}webhook:` },
        local,
        options.logger,
        () => options.metrics?.webhookLedgerFailures.inc(),
      )
    : local;
  const route = createWebhookRoute({
    deps: {
      secret: options.secret,
      invalidator: options.invalidator,
      ledger,
      maxAgeMs: options.config.maxAgeMs,
      logger: options.logger,
      ...(options.metrics ? { metrics: options.metrics } : {}),
    },
    rateStore: options.rateStore,
    ratePerSecond: options.config.ratePerSecond,
    maxBodyBytes: options.config.maxBodyBytes,
  });
  return { route, close: () => ledger.close() };
};

/** The route as the configured service has it (WEBHOOKS_ENABLED, WEBHOOK_*, REDIS_URL), or null. */
export const webhookOf = (
  config: Readonly<Config>,
  secret: string,
  runtime: {
    /** What drops entries; default `cache` (tests give a recorder). */
    invalidator?: CacheInvalidator;
    rateStore: RateLimitStore;
    logger: Logger;
    metrics?: Metrics;
  },
  cache: CacheInvalidator,
) =>
  config.webhooks.enabled
    ? createLoginRadiusWebhook({
        config: config.webhooks,
        secret,
        invalidator: runtime.invalidator ?? cache,
        rateStore: runtime.rateStore,
        logger: runtime.logger,
        ...(runtime.metrics ? { metrics: runtime.metrics } : {}),
        redis: {
          url: config.limits.rateLimit.redisUrl,
          keyPrefix: config.limits.rateLimit.redisKeyPrefix,
        },
      })
    : null;
