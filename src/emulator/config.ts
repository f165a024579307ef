import { type Env, EnvReader, isGuid } from "../env.js";
import { isLoopbackHost } from "../http/host-guard.js";
import {
  DEFAULT_SEED_COUNT,
  DEFAULT_SIGNATURE_SKEW_MS,
  DEMO_API_KEY,
  DEMO_API_SECRET,
  type EmulatorOptions,
} from "./app.js";
import { DEFAULT_PASSWORD_POLICY } from "./core/password.js";
import { DEFAULT_SEARCH_LAG_MS, DEFAULT_SEARCH_PER_SECOND } from "./search/index.js";
import { MAX_WEBHOOK_DELAY_MS } from "./webhooks/index.js";

export interface EmulatorConfig {
  port: number;
  host: string;
  options: EmulatorOptions;
}

/** The Cloud Directory's index lag and its own per-second limit (0: none). */
const readSearchOptions = (read: EnvReader) => ({
  searchLagMs: read.int("EMULATOR_SEARCH_LAG_MS", DEFAULT_SEARCH_LAG_MS, 0, 600_000),
  searchPerSecond: read.int(
    "EMULATOR_SEARCH_RATE_LIMIT_PER_SECOND",
    DEFAULT_SEARCH_PER_SECOND,
    0,
    100_000,
  ),
});

/** EMULATOR_PASSWORD_MIN_LENGTH / _MAX_LENGTH: the site's password policy. */
const readPasswordPolicy = (read: EnvReader) => {
  const minLength = read.int(
    "EMULATOR_PASSWORD_MIN_LENGTH",
    DEFAULT_PASSWORD_POLICY.minLength,
    1,
    256,
  );
  const maxLength = read.int(
    "EMULATOR_PASSWORD_MAX_LENGTH",
    DEFAULT_PASSWORD_POLICY.maxLength,
    1,
    256,
  );
  read.check(
    minLength <= maxLength,
    "EMULATOR_PASSWORD_MIN_LENGTH must not exceed EMULATOR_PASSWORD_MAX_LENGTH.",
  );
  return { minLength, maxLength };
};

/** The emulator's environment (see src/emulator/README.md); throws one ConfigError listing every bad variable. */
export const readEmulatorConfig = (env: Env): EmulatorConfig => {
  const read = new EnvReader(env);
  const port = read.int("EMULATOR_PORT", 4010, 0, 65535);
  const host = read.string("EMULATOR_HOST") ?? "127.0.0.1";
  const apiKey = read.string("EMULATOR_API_KEY") ?? DEMO_API_KEY;
  const apiSecret = read.string("EMULATOR_API_SECRET") ?? DEMO_API_SECRET;
  read.check(isGuid(apiKey), "EMULATOR_API_KEY must be a GUID, as LoginRadius API keys are.");
  read.check(
    isGuid(apiSecret),
    "EMULATOR_API_SECRET must be a GUID, as LoginRadius API secrets are.",
  );
  const seed = read.oneOf("EMULATOR_SEED", ["demo", "none"] as const, "demo");
  const seedCount = read.int("EMULATOR_SEED_COUNT", DEFAULT_SEED_COUNT, 0, 1_000_000);
  const dataFile = read.string("EMULATOR_DATA_FILE");
  const latencyMs = read.int("EMULATOR_LATENCY_MS", 0, 0, 60_000);
  const rateLimitPerSecond = read.int("EMULATOR_RATE_LIMIT_PER_SECOND", 0, 0, 100_000);
  const search = readSearchOptions(read);
  const password = readPasswordPolicy(read);
  const requireSigning =
    read.oneOf("EMULATOR_REQUIRE_SIGNING", ["true", "false"] as const, "false") === "true";
  const skewSeconds = read.int(
    "EMULATOR_SIGNATURE_SKEW_SECONDS",
    DEFAULT_SIGNATURE_SKEW_MS / 1000,
    0,
    3600,
  );
  const webhooks = readWebhookSettings(read);
  read.done();
  return {
    port,
    host,
    options: {
      apiKey,
      apiSecret,
      seed,
      seedCount,
      password,
      latencyMs,
      ...search,
      ...(rateLimitPerSecond > 0 ? { rateLimitPerSecond } : {}),
      requireSigning,
      signatureSkewMs: skewSeconds * 1000,
      ...(dataFile ? { dataFile } : {}),
      ...webhooks,
    },
  };
};

/**
 * EMULATOR_WEBHOOK_URL (comma-separated loopback URLs, each subscribed to every event) and the
 * delivery faults, as whole percentages and a delay.
 */
const readWebhookSettings = (read: EnvReader) => {
  const urls = (read.string("EMULATOR_WEBHOOK_URL") ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter((url) => url !== "");
  for (const url of urls) {
    let ok = false;
    try {
      const parsed = new URL(url);
      ok =
        (parsed.protocol === "http:" || parsed.protocol === "https:") &&
        isLoopbackHost(parsed.hostname);
    } catch {}
    read.check(ok, `EMULATOR_WEBHOOK_URL: '${url}' is not an http(s) URL on this machine.`);
  }
  return {
    webhookUrls: urls,
    webhookFaults: {
      drop: read.int("EMULATOR_WEBHOOK_DROP_PERCENT", 0, 0, 100),
      duplicate: read.int("EMULATOR_WEBHOOK_DUPLICATE_PERCENT", 0, 0, 100),
      reorder: read.int("EMULATOR_WEBHOOK_REORDER_PERCENT", 0, 0, 100),
      delayMs: read.int("EMULATOR_WEBHOOK_DELAY_MS", 0, 0, MAX_WEBHOOK_DELAY_MS),
    },
  };
};
