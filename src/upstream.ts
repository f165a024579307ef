// The service's LoginRadius side, as createAppServer (server.ts) makes it: where LoginRadius is,
// the fleet's adapter over it, search's own adapter, each section's clients per request, the
// webhook route and the adapter's health routes.
import { createFleet } from "./cache/fleet.js";
import type { CacheInvalidator } from "./cache/invalidation.js";
import type { Config } from "./config.js";
import { type Connect, connectSections } from "./context.js";
import type { AnySection } from "./graphql/section.js";
import { createHealthRoutes, type HealthRoutes } from "./http/health-routes.js";
import type { Logger } from "./log.js";
import type { UpstreamHealth } from "./loginradius/health.js";
import type { UpstreamTarget } from "./loginradius/http.js";
import type { Metrics } from "./metrics.js";
import type { RateLimitStore } from "./ratelimit/store.js";
import { createSearchUpstream } from "./search/index.js";
import { webhookOf } from "./webhooks/index.js";
import type { WebhookRoute } from "./webhooks/webhook.route.js";

/** What of the runtime the LoginRadius side of the service reads (server.ts `AppRuntime`). */
export interface UpstreamRuntime {
  logger: Logger;
  metrics: Metrics;
  sections: readonly AnySection[];
  rateStore: RateLimitStore;
  /** LoginRadius when the configuration names none (the embedded emulator, a test's). */
  upstream?: UpstreamTarget;
  /** Each section's client per request in place of the adapter's (in-process doubles). */
  connect?: Connect;
  /** What the webhook route drops from (tests: a recorder); default: the fleet's read cache. */
  invalidator?: CacheInvalidator;
}

/** The service's LoginRadius side; only `connect` and `close` when the runtime gives doubles. */
export interface UpstreamSide {
  connect: Connect;
  health?: UpstreamHealth;
  routes?: HealthRoutes;
  cache?: CacheInvalidator;
  webhook?: WebhookRoute;
  close(): Promise<void>;
}

/** `/readyz` and `/metrics` over the adapter's view of LoginRadius. */
const healthRoutesOf = (
  config: Readonly<Config>,
  runtime: UpstreamRuntime,
  health: UpstreamHealth,
) =>
  createHealthRoutes({
    health,
    metrics: runtime.metrics,
    readyMaxAgeMs: config.ops.readyMaxAgeMs,
    metricsToken: config.ops.metricsToken,
    logger: runtime.logger,
    warnings: () => (config.auth.disabledWarning ? [config.auth.disabledWarning] : []),
  });

/** Where LoginRadius is: the configured target, else the runtime's; exactly one of them. */
const targetOf = (config: Readonly<Config>, runtime: UpstreamRuntime): UpstreamTarget => {
  const target = config.upstream.target ?? runtime.upstream;
  if (!target || (config.upstream.target && runtime.upstream))
    throw new Error(
      "createAppServer: give LoginRadius's target in the config or the runtime, once.",
    );
  return target;
};

/** The fleet's adapter, search's, the webhook route and the health routes, unless doubles. */
export const upstreamOf = (config: Readonly<Config>, runtime: UpstreamRuntime): UpstreamSide => {
  if (runtime.connect) return { connect: runtime.connect, close: async () => {} };
  const target = targetOf(config, runtime);
  const fleet = createFleet(config, target, runtime);
  const webhook = webhookOf(config, target.apiSecret, runtime, fleet.cache);
  return {
    connect: connectSections(fleet.http, runtime.sections, {
      search: createSearchUpstream(config, target, runtime),
    }),
    health: fleet.http.health,
    routes: healthRoutesOf(config, runtime, fleet.http.health),
    cache: fleet.cache,
    ...(webhook ? { webhook: webhook.route } : {}),
    close: async () => {
      await fleet.close();
      await webhook?.close();
    },
  };
};
