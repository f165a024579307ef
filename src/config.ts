import { type Env, EnvReader, isGuid } from "./env.js";
import type { UpstreamTarget, UpstreamTuning } from "./loginradius/http.js";

export interface Config {
  port: number;
  host: string;
  /** Null when no credentials are set: the service then runs against the embedded emulator. */
  loginradius: UpstreamTarget | null;
  upstream: UpstreamTuning;
  introspection: boolean;
}

export const DEFAULT_API_URL = "https://api.loginradius.com";

/**
 * Reads the service's environment once into a frozen Config. Every bad variable is reported in
 * one ConfigError; messages name variables, never a secret's value.
 */
export const readConfig = (env: Env): Readonly<Config> => {
  const read = new EnvReader(env);
  const port = read.int("PORT", 4000, 0, 65535);
  const host = read.string("HOST") ?? "127.0.0.1";
  const apiKey = read.string("LOGINRADIUS_API_KEY");
  const apiSecret = read.string("LOGINRADIUS_API_SECRET");
  const apiUrl = read.string("LOGINRADIUS_API_URL") ?? DEFAULT_API_URL;
  read.check(
    (apiKey === undefined) === (apiSecret === undefined),
    "LOGINRADIUS_API_KEY and LOGINRADIUS_API_SECRET go together: set both (real LoginRadius) or neither (built-in emulator).",
  );
  if (apiKey !== undefined)
    read.check(
      isGuid(apiKey),
      "LOGINRADIUS_API_KEY must be a GUID (LoginRadius dashboard > API credentials).",
    );
  if (apiSecret !== undefined)
    read.check(
      isGuid(apiSecret),
      "LOGINRADIUS_API_SECRET must be a GUID (LoginRadius dashboard > API credentials).",
    );
  let validUrl = false;
  try {
    const url = new URL(apiUrl);
    validUrl =
      (url.protocol === "https:" || url.protocol === "http:") &&
      url.search === "" &&
      url.hash === "" &&
      url.username === "" &&
      url.password === "";
  } catch {
    validUrl = false;
  }
  read.check(
    validUrl,
    "LOGINRADIUS_API_URL must be an http(s) URL without a query, a fragment or credentials (its value is not shown: it may hold one).",
  );
  const upstream: UpstreamTuning = {
    timeoutMs: read.int("UPSTREAM_TIMEOUT_MS", 10_000, 100, 120_000),
    requestTimeoutMs: read.int("REQUEST_TIMEOUT_MS", 30_000, 100, 300_000),
    maxConcurrency: read.int("UPSTREAM_MAX_CONCURRENCY", 16, 1, 1024),
    maxQueue: read.int("UPSTREAM_MAX_QUEUE", 256, 0, 100_000),
    maxQueueWaitMs: read.int("UPSTREAM_MAX_QUEUE_WAIT_MS", 5_000, 1, 60_000),
    retryLimit: read.int("UPSTREAM_RETRIES", 2, 0, 10),
    retryBaseDelayMs: read.int("UPSTREAM_RETRY_BASE_DELAY_MS", 100, 1, 10_000),
    maxRetryAfterSeconds: read.int("UPSTREAM_MAX_RETRY_AFTER_SECONDS", 5, 0, 600),
    maxResponseBytes: read.int("UPSTREAM_MAX_RESPONSE_BYTES", 1_048_576, 1_024, 1_073_741_824),
    breakerFailures: read.int("UPSTREAM_BREAKER_FAILURES", 5, 1, 1_000),
    breakerOpenMs: read.int("UPSTREAM_BREAKER_OPEN_MS", 10_000, 100, 600_000),
    maxRps: read.int("UPSTREAM_MAX_RPS", 50, 1, 100_000),
  };
  const introspection =
    read.oneOf("GRAPHQL_INTROSPECTION", ["true", "false"] as const, "true") === "true";
  read.done();
  return Object.freeze({
    port,
    host,
    loginradius: apiKey && apiSecret ? { apiUrl, apiKey, apiSecret } : null,
    upstream,
    introspection,
  });
};
