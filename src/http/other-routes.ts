import type { IncomingMessage, ServerResponse } from "node:http";
import { WEBHOOK_PATH, type WebhookRoute } from "../webhooks/webhook.route.js";
import { serveGraphiql } from "./graphiql-routes.js";
import type { HealthRoutes } from "./health-routes.js";
import { sendJson } from "./send-json.js";

/** What the routes beside `/graphql` need of the server. */
export interface RouteDeps {
  /** `/readyz`, `/metrics`; absent in tests that need only `/graphql`. */
  routes?: HealthRoutes;
  /** Whether `/graphiql` is served (with introspection). */
  introspection: boolean;
  /** `POST /webhooks/loginradius`; absent: that path is a 404 like any other. */
  webhook?: WebhookRoute;
}

/**
 * Routes other than `/graphql`: operations, `/healthz`, `/` -> `/graphql`; true when answered.
 * Runs after the Host check (host-guard.ts `hostAllowed`).
 */
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
