import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCodes } from "../errors.js";
import type { Metrics } from "../metrics.js";
import { WEBHOOK_PATH, type WebhookRoute } from "../webhooks/webhook.route.js";
import { serveGraphiql } from "./graphiql-routes.js";
import type { HealthRoutes } from "./health-routes.js";
import { checkHost, checkProbeHost, type HostRule } from "./host-guard.js";
import { sendJson } from "./send-json.js";

/** What the routes beside `/graphql` need of the server. */
export interface RouteDeps {
  /** `/readyz`, `/metrics`; absent in tests that need only `/graphql`. */
  routes?: HealthRoutes;
  /** Whether `/graphiql` is served (with introspection). */
  introspection: boolean;
  /** Hosts the service answers for; absent: any. */
  allowedHosts?: readonly HostRule[];
  metrics?: Metrics;
  /** `POST /webhooks/loginradius`; absent: that path is a 404 like any other. */
  webhook?: WebhookRoute;
}

/** Routes other than `/graphql`: operations, `/healthz`, `/` -> `/graphql`; true when answered. */
export const routeOthers = async (
  deps: RouteDeps,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
): Promise<boolean> => {
  if (deps.routes && (await deps.routes.handle(url.pathname, res, req))) return true;
  if (await serveGraphiql(req, res, url.pathname, { enabled: deps.introspection })) return true;
  if (deps.webhook && url.pathname === WEBHOOK_PATH) {
    await deps.webhook(req, res);
    return true;
  }
  if (url.pathname === "/healthz") {
    sendJson(res, 200, { ok: true });
    return true;
  }
  if (url.pathname === "/") {
    res.writeHead(302, { location: "/graphql" });
    res.end();
    return true;
  }
  if (url.pathname === "/graphql") return false;
  sendJson(res, 404, { error: "Not found; GraphQL is at /graphql." });
  return true;
};

/** Probes and Prometheus reach these by pod IP: an IP-literal Host passes (checkProbeHost). */
const PROBE_PATHS = new Set(["/readyz", "/metrics"]);

/**
 * The Host check (DNS rebinding), once for every route but `/healthz` (it says only `ok`):
 * refused with 421 (400 without a usable Host), counted, before any other work.
 */
export const hostAllowed = (
  deps: RouteDeps,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
): boolean => {
  if (!deps.allowedHosts || url.pathname === "/healthz") return true;
  const host = PROBE_PATHS.has(url.pathname)
    ? checkProbeHost(req, deps.allowedHosts)
    : checkHost(req, deps.allowedHosts);
  if (host.ok) return true;
  deps.metrics?.rejected.inc({ code: ErrorCodes.MISDIRECTED_REQUEST });
  sendJson(res, host.status, {
    errors: [{ message: host.message, extensions: { code: ErrorCodes.MISDIRECTED_REQUEST } }],
  });
  return false;
};
