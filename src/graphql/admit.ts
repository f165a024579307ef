import type { IncomingMessage, ServerResponse } from "node:http";
import { applyCors } from "../http/cors.js";
import { sendJson } from "../http/send-json.js";
import type { Logger } from "../log.js";
import type { Authenticate } from "./auth/authenticate.js";
import { ANONYMOUS_ALL_SCOPES, type Caller } from "./caller.js";

export interface AdmitOptions {
  logger: Logger;
  /** Caller authentication; absent: every caller has every scope (in-process tests). */
  authenticate?: Authenticate;
  corsOrigins?: ReadonlySet<string>;
  /** Counts each refusal by code. */
  onRefused?: (code: string) => void;
}

/**
 * A browser asking for the Sandbox page: a GET for HTML with no operation in it. It gets static
 * HTML (or nothing, when the page is off) and no GraphQL runs, so it needs no credentials;
 * Sandbox then sends the caller's Authorization header with each operation. Should Apollo ever
 * run something for such a request, the caller has no scope (PAGE_VISITOR).
 */
const PAGE_VISITOR: Caller = Object.freeze({
  name: "anonymous",
  kind: "anonymous",
  scopes: new Set<string>(),
});

const isLandingPageRequest = (req: IncomingMessage, url: URL): boolean =>
  req.method === "GET" &&
  !url.searchParams.has("query") &&
  !url.searchParams.has("extensions") &&
  String(req.headers.accept ?? "").includes("text/html");

/**
 * What happens to a /graphql request before any GraphQL work: CORS, then caller authentication.
 * The Host was checked before routing (src/http/host-guard.ts `hostAllowed`, run by server.ts). The returned stage gives the caller, or null when it has answered the request.
 */
export const createAdmit = (options: AdmitOptions) => {
  const refuse = (res: ServerResponse, status: number, code: string, message: string) => {
    options.onRefused?.(code);
    sendJson(res, status, { errors: [{ message, extensions: { code } }] });
  };
  return async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
  ): Promise<Caller | null> => {
    if (applyCors(req, res, options.corsOrigins ?? new Set())) return null;
    if (!options.authenticate) return ANONYMOUS_ALL_SCOPES;
    if (isLandingPageRequest(req, url)) return PAGE_VISITOR;
    const outcome = await options.authenticate(req.headers);
    if (outcome.ok) return outcome.caller;
    options.logger.warn(
      { requestId, status: outcome.status, reason: outcome.detail },
      "caller refused",
    );
    res.setHeader("www-authenticate", outcome.challenge);
    refuse(res, outcome.status, outcome.code, outcome.message);
    return null;
  };
};

export type Admit = ReturnType<typeof createAdmit>;
