import { type CacheConfig, readCacheConfig } from "./cache/cache.config.js";
import { type Env, EnvReader, isGuid } from "./env.js";
import { readAuthSettings } from "./graphql/auth/auth.config.js";
import type { AuthSettings } from "./graphql/auth/authenticate.js";
import { type LimitsConfig, readLimitsConfig } from "./graphql/limits/limits.config.js";
import { isSecureUrl, parseOrigin } from "./graphql/link-origins.js";
import {
  defaultHostRules,
  type HostRule,
  isLoopbackHost,
  parseHostRule,
} from "./http/host-guard.js";
import { DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS } from "./http/listen.js";
import type { UpstreamTarget, UpstreamTuning } from "./loginradius/http.js";
import { readSearchConfig, type SearchConfig } from "./search/index.js";
import { SCOPE_NAMES } from "./sections.js";
import { readTracingConfig, type TracingConfig } from "./tracing/tracing.config.js";
import { readWebhookConfig, type WebhookConfig } from "./webhooks/webhook.config.js";

export interface Config {
  port: number;
  host: string;
  /** LoginRadius: where and who (`target`) and how it is called, read by one reader. */
  upstream: UpstreamConfig;
  /** The Cloud Directory search: its URL, its own outbound limit, batched reads, index lag. */
  search: SearchConfig;
  /** Introspection and the Sandbox landing page: on with the emulator, off with real LoginRadius. */
  introspection: boolean;
  auth: AuthSettings;
  /** AUDIT_LOG_FILE, or null for audit lines on stdout. */
  auditLogFile: string | null;
  /** Origins that redirect URL arguments may point at (ALLOWED_LINK_ORIGINS). */
  linkOrigins: ReadonlySet<string>;
  /** Hosts `/graphql` answers for (ALLOWED_HOSTS). */
  allowedHosts: readonly HostRule[];
  /** Origins allowed by CORS (CORS_ORIGINS); empty: CORS off. */
  corsOrigins: ReadonlySet<string>;
  /** Operation limits, rate limits and document caches (src/graphql/limits/). */
  limits: LimitsConfig;
  /** Operations: logs, readiness, shutdown. */
  ops: OpsConfig;
  /** OpenTelemetry traces (the standard OTEL_* variables); null: off. */
  tracing: TracingConfig | null;
  /** Registered operations (TRUSTED_DOCUMENTS_FILE) and whether every caller is held to them. */
  trustedDocuments: { file: string | null; onlyForAll: boolean };
  /** CLIENT_HEADERS_TIMEOUT_MS, CLIENT_REQUEST_TIMEOUT_MS (src/http/listen.ts applies them). */
  clientTimeouts: ClientTimeouts;
  /** `POST /webhooks/loginradius` (WEBHOOK_*; src/webhooks/). */
  webhooks: WebhookConfig;
  /** The read cache and coalescing: CACHE_TTL_MS, CACHE_MAX_BYTES, CACHE_ENCRYPTION_KEY, UPSTREAM_COALESCE. */
  cache: CacheConfig;
}

/** LOGINRADIUS_API_* and UPSTREAM_*: the adapter's options but for a target it may not know yet. */
export interface UpstreamConfig extends UpstreamTuning {
  /** LOGINRADIUS_API_URL/_KEY/_SECRET; null without credentials: the embedded emulator's. */
  target: UpstreamTarget | null;
}

export interface OpsConfig {
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  logFormat: "json" | "pretty";
  /** How long SIGTERM waits for in-flight requests before closing what remains. */
  shutdownGraceMs: number;
  /**
   * After SIGTERM, how long to keep accepting new connections while `/readyz` says 503, so a load
   * balancer notices before connections are refused (Kubernetes: a few seconds; default 0).
   */
  shutdownDelayMs: number;
  /** A good upstream answer this recent makes `/readyz` ready without a probe. */
  readyMaxAgeMs: number;
  /**
   * METRICS_TOKEN: the bearer token `/metrics` asks for. Null: `/metrics` answers loopback
   * peers only (a Prometheus in the pod or on the host), everyone else is refused.
   */
  metricsToken: string | null;
}

/** Deadlines for callers sending requests (slowloris); past one: 408, connection closed. */
export interface ClientTimeouts {
  /** How long a caller may take to send its request headers. */
  headersTimeoutMs: number;
  /** How long a caller may take to send a whole request, body included (slow uploads). */
  requestTimeoutMs: number;
}

export const DEFAULT_API_URL = "https://api.loginradius.com";

/** LoginRadius credentials and base URL: both credentials or neither, GUIDs, a clean URL. */
const readTarget = (read: EnvReader): UpstreamTarget | null => {
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
  const clean = isCleanUrl(apiUrl);
  read.check(
    clean,
    "LOGINRADIUS_API_URL must be an http(s) URL without a query, a fragment or credentials (its value is not shown: it may hold one).",
  );
  // The API secret travels in a header of every call: in cleartext only to this machine.
  read.check(
    !clean || isSecureUrl(new URL(apiUrl)),
    "LOGINRADIUS_API_URL must use https (http only for localhost, 127.0.0.1 or [::1]): the API secret is sent with every call.",
  );
  return apiKey !== undefined && apiSecret !== undefined ? { apiUrl, apiKey, apiSecret } : null;
};

const isCleanUrl = (text: string): boolean => {
  try {
    const url = new URL(text);
    return (
      (url.protocol === "https:" || url.protocol === "http:") &&
      url.search === "" &&
      url.hash === "" &&
      !/[?#\\\s]/.test(text) &&
      url.username === "" &&
      url.password === ""
    );
  } catch {
    return false;
  }
};

/** Everything about LoginRadius in one reader: where, who, and how it is called. */
const readUpstream = (read: EnvReader): UpstreamConfig => ({
  target: readTarget(read),
  timeoutMs: read.int("UPSTREAM_TIMEOUT_MS", 10_000, 100, 120_000),
  requestTimeoutMs: read.int("REQUEST_TIMEOUT_MS", 30_000, 100, 300_000),
  maxConcurrency: read.int("UPSTREAM_MAX_CONCURRENCY", 64, 1, 1024),
  maxQueue: read.int("UPSTREAM_MAX_QUEUE", 256, 0, 100_000),
  maxQueueWaitMs: read.int("UPSTREAM_MAX_QUEUE_WAIT_MS", 5_000, 1, 60_000),
  retryLimit: read.int("UPSTREAM_RETRIES", 2, 0, 10),
  retryBaseDelayMs: read.int("UPSTREAM_RETRY_BASE_DELAY_MS", 100, 1, 10_000),
  maxRetryAfterSeconds: read.int("UPSTREAM_MAX_RETRY_AFTER_SECONDS", 5, 0, 600),
  maxResponseBytes: read.int("UPSTREAM_MAX_RESPONSE_BYTES", 1_048_576, 1_024, 1_073_741_824),
  breakerFailures: read.int("UPSTREAM_BREAKER_FAILURES", 5, 1, 1_000),
  breakerOpenMs: read.int("UPSTREAM_BREAKER_OPEN_MS", 10_000, 100, 600_000),
  maxRps: read.int("UPSTREAM_MAX_RPS", 50, 1, 100_000),
  requestSigning:
    read.oneOf("LOGINRADIUS_REQUEST_SIGNING", ["true", "false"] as const, "false") === "true",
});

const readOps = (read: EnvReader): OpsConfig => ({
  logLevel: read.oneOf(
    "LOG_LEVEL",
    ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const,
    "info",
  ),
  logFormat: read.oneOf("LOG_FORMAT", ["json", "pretty"] as const, "json"),
  shutdownGraceMs: read.int("SHUTDOWN_GRACE_MS", 10_000, 0, 600_000),
  shutdownDelayMs: read.int("SHUTDOWN_DELAY_MS", 0, 0, 600_000),
  readyMaxAgeMs: read.int("READY_MAX_AGE_MS", 30_000, 1_000, 3_600_000),
  metricsToken: readMetricsToken(read),
});

/** A token short enough to guess is no control: at least 32 characters, no whitespace. */
const readMetricsToken = (read: EnvReader): string | null => {
  const token = read.string("METRICS_TOKEN");
  if (token === undefined) return null;
  read.check(
    token.length >= 32 && token.length <= 512 && !/\s/.test(token),
    "METRICS_TOKEN must be 32 to 512 characters without spaces (e.g. `openssl rand -hex 32`); its value is not shown.",
  );
  return token;
};

/**
 * The embedded emulator serves demo accounts with caller auth off: fine on a laptop, a breach
 * anywhere else. Without LoginRadius credentials, NODE_ENV=production or a HOST other than
 * loopback is refused unless EMULATOR=true says the demo is meant; EMULATOR=true beside
 * credentials is a contradiction.
 */
const checkUpstreamChoice = (read: EnvReader, realUpstream: boolean, host: string): void => {
  const emulator = read.oneOf("EMULATOR", ["true", "false"] as const, "false") === "true";
  const production = read.string("NODE_ENV") === "production";
  read.check(
    !(emulator && realUpstream),
    "EMULATOR=true contradicts LOGINRADIUS_API_KEY/LOGINRADIUS_API_SECRET: unset one or the other.",
  );
  read.check(
    realUpstream || emulator || (!production && isLoopbackHost(host)),
    `No LOGINRADIUS_API_KEY/LOGINRADIUS_API_SECRET set${production ? " with NODE_ENV=production" : ""}` +
      `${isLoopbackHost(host) ? "" : ` and HOST=${host} is not a loopback address`}: set the ` +
      "LoginRadius credentials, or EMULATOR=true to serve the built-in emulator's demo accounts " +
      "with caller auth off on purpose.",
  );
};

const readClientTimeouts = (read: EnvReader): ClientTimeouts => {
  const headers = read.int("CLIENT_HEADERS_TIMEOUT_MS", DEFAULT_HEADERS_TIMEOUT_MS, 100, 600_000);
  const request = read.int("CLIENT_REQUEST_TIMEOUT_MS", DEFAULT_REQUEST_TIMEOUT_MS, 100, 600_000);
  // Node refuses a headers deadline after the whole request's.
  read.check(
    headers <= request,
    "CLIENT_HEADERS_TIMEOUT_MS must not exceed CLIENT_REQUEST_TIMEOUT_MS.",
  );
  return { headersTimeoutMs: headers, requestTimeoutMs: request };
};

/**
 * Reads the service's environment once into a frozen Config. Every bad variable is reported in
 * one ConfigError; messages name variables, never a secret's value.
 */
export const readConfig = (env: Env): Readonly<Config> => {
  const read = new EnvReader(env);
  const port = read.int("PORT", 4000, 0, 65535);
  const host = read.string("HOST") ?? "127.0.0.1";
  const upstream = Object.freeze(readUpstream(read));
  const realUpstream = upstream.target !== null;
  const search = readSearchConfig(read, upstream.target?.apiUrl === DEFAULT_API_URL);
  read.check(
    search.url === null || (isCleanUrl(search.url) && isSecureUrl(new URL(search.url))),
    "LOGINRADIUS_SEARCH_URL must be a clean https URL (http only for loopback), as LOGINRADIUS_API_URL.",
  );
  checkUpstreamChoice(read, realUpstream, host);
  const introspection =
    read.oneOf(
      "GRAPHQL_INTROSPECTION",
      ["true", "false"] as const,
      realUpstream ? "false" : "true",
    ) === "true";
  const auth = readAuthSettings(read, realUpstream, host, SCOPE_NAMES);
  const linkOrigins = readList(read, "ALLOWED_LINK_ORIGINS", parseOrigin, "an http(s) origin");
  const corsOrigins = readList(read, "CORS_ORIGINS", parseOrigin, "an http(s) origin");
  const hosts = readList(read, "ALLOWED_HOSTS", parseHostRule, "a host name, optionally :port");
  const limits = readLimitsConfig(read);
  const ops = readOps(read);
  const trustedDocuments = readTrustedDocuments(read);
  const tracing = readTracingConfig(read);
  const clientTimeouts = readClientTimeouts(read);
  const webhooks = readWebhookConfig(read);
  const cache = readCacheConfig(read);
  read.done();
  return Object.freeze({
    port,
    host,
    upstream,
    search: Object.freeze(search),
    introspection,
    auth,
    auditLogFile: read.string("AUDIT_LOG_FILE") ?? null,
    linkOrigins: new Set(linkOrigins),
    allowedHosts: hosts.length > 0 ? hosts : defaultHostRules(host),
    corsOrigins: new Set(corsOrigins),
    limits,
    ops: Object.freeze(ops),
    trustedDocuments,
    tracing,
    clientTimeouts: Object.freeze(clientTimeouts),
    webhooks: Object.freeze(webhooks),
    cache,
  });
};

/** TRUSTED_DOCUMENTS_FILE (a manifest, read at start) and TRUSTED_DOCUMENTS_ONLY (needs one). */
const readTrustedDocuments = (read: EnvReader) => {
  const file = read.string("TRUSTED_DOCUMENTS_FILE") ?? null;
  const onlyForAll =
    read.oneOf("TRUSTED_DOCUMENTS_ONLY", ["true", "false"] as const, "false") === "true";
  read.check(
    !onlyForAll || file !== null,
    "TRUSTED_DOCUMENTS_ONLY=true needs TRUSTED_DOCUMENTS_FILE (the registered operations).",
  );
  return Object.freeze({ file, onlyForAll });
};

/** A comma-separated list, each item parsed; a bad item is a problem naming the variable. */
const readList = <T>(
  read: EnvReader,
  name: string,
  parse: (item: string) => T | null,
  expected: string,
): T[] => {
  const items = (read.string(name) ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  const parsed: T[] = [];
  for (const item of items) {
    const value = parse(item);
    if (value === null) read.check(false, `${name}: '${item}' is not ${expected}.`);
    else parsed.push(value);
  }
  return parsed;
};
