import type { EnvReader } from "../env.js";

/** `POST /webhooks/loginradius` (docs/webhooks.md). */
export interface WebhookConfig {
  /** WEBHOOKS_ENABLED: the route answers (else 404, as any unknown path). */
  enabled: boolean;
  /** WEBHOOK_MAX_AGE_MS: how far a delivery's `Time` may be from now; 0 turns the window off. */
  maxAgeMs: number;
  /** WEBHOOK_MAX_BODY_BYTES: a profile with many custom fields fits; more is refused (413). */
  maxBodyBytes: number;
  /** WEBHOOK_RATE_LIMIT_PER_SECOND: deliveries per second for the whole fleet (shared in Redis). */
  ratePerSecond: number;
}

export const DEFAULT_WEBHOOK_MAX_AGE_MS = 300_000;
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 262_144;
export const DEFAULT_WEBHOOK_RATE_PER_SECOND = 200;

/** The WEBHOOK_* variables, read into the service's one ConfigError. */
export const readWebhookConfig = (read: EnvReader): WebhookConfig => ({
  enabled: read.oneOf("WEBHOOKS_ENABLED", ["true", "false"] as const, "true") === "true",
  maxAgeMs: read.int("WEBHOOK_MAX_AGE_MS", DEFAULT_WEBHOOK_MAX_AGE_MS, 0, 86_400_000),
  maxBodyBytes: read.int(
    "WEBHOOK_MAX_BODY_BYTES",
    DEFAULT_WEBHOOK_MAX_BODY_BYTES,
    1_024,
    1_048_576,
  ),
  ratePerSecond: read.int(
    "WEBHOOK_RATE_LIMIT_PER_SECOND",
    DEFAULT_WEBHOOK_RATE_PER_SECOND,
    1,
    100_000,
  ),
});
