import type { IncomingMessage, ServerResponse } from "node:http";
import { CACHE_HEADER } from "../cache/cache-report.plugin.js";

/** What browsers may send cross-origin: JSON bodies, bearer tokens, Apollo's CSRF header. */
const ALLOWED_HEADERS =
  "authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id";

/** Response headers a browser's script may read: what the cache served (docs/running-replicas.md). */
const EXPOSED_HEADERS = `${CACHE_HEADER}, x-request-id`;

/**
 * CORS, off unless CORS_ORIGINS lists origins: then a listed `Origin` is reflected (never `*`,
 * never credentials, which bearer tokens do not need) and preflights are answered. Returns true
 * when the request was a preflight and has been answered.
 */
export const applyCors = (
  req: IncomingMessage,
  res: ServerResponse,
  origins: ReadonlySet<string>,
): boolean => {
  const origin = req.headers.origin;
  if (origins.size > 0) res.setHeader("vary", "Origin");
  const allowed = typeof origin === "string" && origins.has(origin);
  if (allowed) {
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
  }
  if (req.method !== "OPTIONS") return false;
  if (allowed) {
    res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    res.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
    res.setHeader("access-control-max-age", "600");
  }
  res.writeHead(204);
  res.end();
  return true;
};
