// The service's LoginRadius side, as createAppServer (server.ts) makes it: where LoginRadius is,
// the adapter over it, each section's clients per request, and the adapter's health routes.
import type { Config } from "./config.js";
import { type Connect, connectSections } from "./context.js";
import type { AnySection } from "./graphql/section.js";
import { createHealthRoutes } from "./http/health-routes.js";
import type { Logger } from "./log.js";
import type { UpstreamHealth } from "./loginradius/health.js";
import { createLoginRadiusHttp, type UpstreamTarget } from "./loginradius/http.js";
import type { Metrics } from "./metrics.js";
import type { RateLimitStore } from "./ratelimit/store.js";

/** What of the runtime the LoginRadius side of the service reads (server.ts `AppRuntime`). */
export interface UpstreamRuntime {
  logger: Logger;
  metrics: Metrics;
  sections: readonly AnySection[];
  /** LoginRadius when the configuration names none (the embedded emulator, a test's). */
  upstream?: UpstreamTarget;
  /** Each section's client per request in place of the adapter's (in-process doubles). */
  connect?: Connect;
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

/** The REST adapter and its health routes, unless the runtime gives the clients (doubles). */
export const upstreamOf = (
  config: Readonly<Config>,
  runtime: UpstreamRuntime,
  rateStore: RateLimitStore,
) => {
  if (runtime.connect) return { connect: runtime.connect };
  const { target: _, ...tuning } = config.upstream;
  const http = createLoginRadiusHttp(
    { ...tuning, ...targetOf(config, runtime) },
    { ...runtime, rateStore },
  );
  return {
    connect: connectSections(http, runtime.sections),
    health: http.health,
    routes: healthRoutesOf(config, runtime, http.health),
  };
};
