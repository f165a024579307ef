import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { webhookMetrics } from "./webhooks/webhook.metrics.js";

/**
 * The service's Prometheus metrics, one registry per service instance (tests build several in one
 * process, so nothing is registered globally). `/metrics` serves `registry.metrics()`.
 * Label values are bounded sets (operation names, endpoint names, codes), never IDs or inputs.
 */
export const createMetrics = (options: { defaultMetrics?: boolean } = {}) => {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    ...operationMetrics(registers),
    ...upstreamMetrics(registers),
    ...webhookMetrics(registers),
    ...fleetMetrics(registers),
  };
};

/** What GraphQL operations do: counts, durations, errors, refusals, loader batches. */
const operationMetrics = (registers: Registry[]) => ({
  /** GraphQL operations by operation name (or "anonymous"), type and outcome (ok | error). */
  operations: new Counter({
    name: "account_graph_operations_total",
    help: "GraphQL operations executed, by operation name, type and outcome.",
    labelNames: ["operation", "type", "outcome"] as const,
    registers,
  }),
  operationDuration: new Histogram({
    name: "account_graph_operation_duration_seconds",
    help: "GraphQL operation duration in seconds.",
    labelNames: ["type"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  }),
  /** One per `extensions.code` sent to a client. */
  errors: new Counter({
    name: "account_graph_errors_total",
    help: "GraphQL errors sent to clients, by extensions.code.",
    labelNames: ["code"] as const,
    registers,
  }),
  loaderBatchSize: new Histogram({
    name: "account_graph_loader_batch_size",
    help: "Keys per DataLoader batch, by loader.",
    labelNames: ["loader"] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100],
    registers,
  }),
  /** Operations refused before execution, by the code they were refused with. */
  rejected: new Counter({
    name: "account_graph_operations_rejected_total",
    help: "Operations refused before execution (auth, limits, rate limit), by code.",
    labelNames: ["code"] as const,
    registers,
  }),
});

/** What the LoginRadius adapter does: calls, latency, retries, breaker, queue. */
const upstreamMetrics = (registers: Registry[]) => ({
  /** Upstream HTTP calls by endpoint name (`GET /identity/v2/manage/account/{uid}`) and outcome. */
  upstreamCalls: new Counter({
    name: "account_graph_upstream_calls_total",
    help: "Calls to LoginRadius, by endpoint and outcome (ok or an upstream error kind).",
    labelNames: ["endpoint", "outcome"] as const,
    registers,
  }),
  upstreamDuration: new Histogram({
    name: "account_graph_upstream_duration_seconds",
    help: "LoginRadius call latency in seconds (whole call, retries included), by endpoint.",
    labelNames: ["endpoint"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  }),
  upstreamRetries: new Counter({
    name: "account_graph_upstream_retries_total",
    help: "Retried LoginRadius attempts, by endpoint.",
    labelNames: ["endpoint"] as const,
    registers,
  }),
  /** 0 closed, 1 half-open, 2 open. */
  breakerState: new Gauge({
    name: "account_graph_upstream_breaker_state",
    help: "LoginRadius circuit breaker: 0 closed, 1 half-open, 2 open.",
    registers,
  }),
  queueDepth: new Gauge({
    name: "account_graph_upstream_queue_depth",
    help: "Upstream calls waiting for a concurrency slot.",
    registers,
  }),
  inFlight: new Gauge({
    name: "account_graph_upstream_in_flight",
    help: "Upstream calls in flight.",
    registers,
  }),
});

/** The read cache, coalescing and the fleet's quota (src/cache/, docs/running-replicas.md). */
const fleetMetrics = (registers: Registry[]) => ({
  /** Cacheable reads by where they were answered: local, shared (Redis), or a miss (upstream). */
  cacheReads: new Counter({
    name: "account_graph_cache_reads_total",
    help: "Cacheable upstream reads, by result: local hit, shared (Redis) hit, miss, or fresh (no-cache).",
    labelNames: ["result"] as const,
    registers,
  }),
  /** Reads that joined an identical read already in flight instead of calling LoginRadius. */
  coalesced: new Counter({
    name: "account_graph_upstream_coalesced_total",
    help: "Upstream reads that joined an identical call in flight instead of sending their own.",
    registers,
  }),
  cacheInvalidations: new Counter({
    name: "account_graph_cache_invalidations_total",
    help: "Cache drops, by source: write, peer, webhook, ttl.",
    labelNames: ["source"] as const,
    registers,
  }),
  cacheBytes: new Gauge({
    name: "account_graph_cache_bytes",
    help: "Bytes held by this process's read cache.",
    registers,
  }),
  /** 1 while the shared cache (Redis) answers, 0 while its failures are served as misses. */
  cacheRedisUp: new Gauge({
    name: "account_graph_cache_redis_up",
    help: "1 while the shared cache (Redis) answers; 0 while its failures are treated as misses.",
    registers,
  }),
  /** Waits for the outbound limit, by reason: the shared rate, or a LoginRadius 429's backoff. */
  quotaWaits: new Counter({
    name: "account_graph_upstream_quota_waits_total",
    help: "Upstream calls that waited for the outbound limit, by reason: rate, backoff (after a 429), bulk (yielding to single reads and writes).",
    labelNames: ["reason"] as const,
    registers,
  }),
});

export type Metrics = ReturnType<typeof createMetrics>;
