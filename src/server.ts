import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { GraphQLSchema } from "graphql";
import { ACCOUNT_COSTS } from "./accounts/account.costs.js";
import type { Config } from "./config.js";
import { type AppContext, createContext } from "./context.js";
import { ErrorCodes, formatError } from "./errors.js";
import {
  type AuditSink,
  createAuditPlugin,
  fileAuditSink,
  stdoutAuditSink,
} from "./graphql/audit.js";
import { type Authenticate, createAuthenticator } from "./graphql/auth/authenticate.js";
import { ANONYMOUS_ALL_SCOPES, type Caller } from "./graphql/caller.js";
import {
  createLimits,
  createRateLimitStore,
  type Limits,
  persistedQueryRefusal,
} from "./graphql/limits/index.js";
import { operationLogPlugin } from "./graphql/operation-log.plugin.js";
import { applyCors } from "./http/cors.js";
import { withGraphiqlLinks } from "./http/graphiql-landing-link.js";
import { serveGraphiql } from "./http/graphiql-routes.js";
import { createHealthRoutes, type HealthRoutes } from "./http/health-routes.js";
import { checkHost, type HostRule } from "./http/host-guard.js";
import { BodyTooLargeError, readBody } from "./http/read-body.js";
import { sendJson } from "./http/send-json.js";
import { describeError, type Logger } from "./log.js";
import { type AccountsClient, createAccountsClient } from "./loginradius/accounts.client.js";
import type { UpstreamHealth } from "./loginradius/health.js";
import { createLoginRadiusHttp, type UpstreamTarget } from "./loginradius/http.js";
import type { Metrics } from "./metrics.js";
import type { RateLimitStore } from "./ratelimit/store.js";
import { buildAppSchema } from "./schema.js";

export interface ServerDeps {
  schema: GraphQLSchema;
  client: AccountsClient;
  logger: Logger;
  /** Introspection and the Sandbox landing page together. */
  introspection: boolean;
  /** Caller authentication; absent: every caller has every scope (in-process tests). */
  authenticate?: Authenticate;
  /** Hosts `/graphql` answers for; absent: any. */
  allowedHosts?: readonly HostRule[];
  corsOrigins?: ReadonlySet<string>;
  audit?: AuditSink;
  metrics?: Metrics;
  /** Operation limits, rate limits and document caches (src/graphql/limits/). */
  limits: Limits;
  /** `/healthz`, `/readyz`, `/metrics`; absent in tests that need only `/graphql`. */
  ops?: { routes: HealthRoutes; metrics: Metrics };
}

/** What the process gives the service besides its Config: where to log, where to count. */
export interface AppRuntime {
  logger: Logger;
  metrics: Metrics;
  /** Where audit lines go; default AUDIT_LOG_FILE, else stdout. */
  audit?: AuditSink;
  /** Shared rate-limit buckets (Redis when replicas share a budget); in memory by default. */
  rateStore?: RateLimitStore;
}

export interface AppServer {
  handler: RequestListener;
  /** What the adapter knows of LoginRadius's health (for `/readyz`); absent on bare servers. */
  upstreamHealth?: UpstreamHealth;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Shutdown has begun: `/readyz` answers 503 from now on, so load balancers stop sending. */
  drain(): void;
}

/** A caller's X-Request-Id is echoed only if it is plainly an ID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

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
 * The GraphQL service: Apollo Server over node:http, `/graphql` (queries, and the Sandbox landing
 * page in a browser), `/healthz`. Builds everything, listens nowhere (src/http/listen.ts does).
 */
export const createServer = (deps: ServerDeps): AppServer => {
  const { plugins: limitPlugins, ...limitOptions } = deps.limits.apollo;
  const apollo = new ApolloServer<AppContext>({
    schema: deps.schema,
    introspection: deps.introspection,
    ...limitOptions,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler stops the server and re-raises the
    // signal, which kills the process before in-flight requests are answered.
    stopOnTerminationSignals: false,
    plugins: [
      ...limitPlugins,
      ...(deps.ops ? [operationLogPlugin(deps.logger, deps.ops.metrics)] : []),
      deps.introspection
        ? withGraphiqlLinks(ApolloServerPluginLandingPageLocalDefault({ embed: true }))
        : ApolloServerPluginLandingPageDisabled(),
      ...(deps.audit
        ? [
            createAuditPlugin(deps.audit, (error, entry) =>
              // The entry itself holds no secret (allow-listed); logged so the act is not lost.
              deps.logger.error({ ...describeError(error), entry }, "audit line not written"),
            ),
          ]
        : []),
    ],
    formatError: (formatted, error) =>
      formatError(formatted, error, (message, original) =>
        deps.logger.error(describeError(original), message),
      ),
  });

  const refuse = (res: ServerResponse, status: number, code: string, message: string) => {
    deps.metrics?.rejected.inc({ code });
    sendJson(res, status, { errors: [{ message, extensions: { code } }] });
  };

  /**
   * Everything that happens before any GraphQL work: the Host check, CORS, caller
   * authentication. Returns the caller, or null when the request has been answered.
   */
  const admit = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
  ): Promise<Caller | null> => {
    if (deps.allowedHosts) {
      const host = checkHost(req, deps.allowedHosts);
      if (!host.ok) {
        refuse(res, host.status, ErrorCodes.MISDIRECTED_REQUEST, host.message);
        return null;
      }
    }
    if (applyCors(req, res, deps.corsOrigins ?? new Set())) return null;
    if (!deps.authenticate) return ANONYMOUS_ALL_SCOPES;
    if (isLandingPageRequest(req, url)) return PAGE_VISITOR;
    const outcome = await deps.authenticate(req.headers);
    if (outcome.ok) return outcome.caller;
    deps.logger.warn(
      { requestId, status: outcome.status, reason: outcome.detail },
      "caller refused",
    );
    res.setHeader("www-authenticate", outcome.challenge);
    refuse(res, outcome.status, outcome.code, outcome.message);
    return null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://service.invalid");
    if (deps.ops && (await deps.ops.routes.handle(url.pathname, res))) return;
    const graphiql = { enabled: deps.introspection, allowedHosts: deps.allowedHosts };
    if (await serveGraphiql(req, res, url.pathname, graphiql)) return;
    if (url.pathname === "/healthz") return sendJson(res, 200, { ok: true });
    if (url.pathname === "/") {
      res.writeHead(302, { location: "/graphql" });
      res.end();
      return;
    }
    if (url.pathname !== "/graphql")
      return sendJson(res, 404, { error: "Not found; GraphQL is at /graphql." });
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader("x-request-id", requestId);
    const caller = await admit(req, res, url, requestId);
    if (caller === null) return;

    let body: unknown;
    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return sendJson(res, 413, {
        errors: [{ message: error.message, extensions: { code: "BAD_REQUEST" } }],
      });
    }
    if (text !== "") {
      const type = String(req.headers["content-type"] ?? "");
      if (type.toLowerCase().startsWith("application/json")) {
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, {
            errors: [
              {
                message: "The request body is not valid JSON.",
                extensions: { code: "BAD_REQUEST" },
              },
            ],
          });
        }
      } else body = text;
    }
    const method = (req.method ?? "GET").toUpperCase();
    const apq = persistedQueryRefusal(deps.limits.apq, method, body, url.searchParams);
    if (apq) return sendJson(res, apq.status, apq.body);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    const request: HTTPGraphQLRequest = {
      method,
      headers,
      search: url.search,
      body,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: async () =>
        createContext(deps.client, requestId, caller, deps.ops?.metrics.loaderBatchSize),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return {
    handler: (req, res) => {
      handle(req, res).catch((error: unknown) => {
        deps.logger.error(describeError(error), "request failed");
        if (!res.headersSent)
          sendJson(res, 500, {
            errors: [
              { message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR" } },
            ],
          });
        else res.end();
      });
    },
    start: () => apollo.start(),
    stop: () => apollo.stop(),
    drain: () => deps.ops?.routes.drain(),
  };
};

/** The whole service for a configured upstream: REST adapter, schema, Apollo. Listens nowhere. */
export const createAppServer = async (
  config: Readonly<Config>,
  upstream: UpstreamTarget,
  runtime: AppRuntime,
): Promise<AppServer> => {
  const rateStore =
    runtime.rateStore ?? createRateLimitStore(config.limits.rateLimit, runtime.logger);
  const http = createLoginRadiusHttp(
    { ...upstream, ...config.upstream },
    { ...runtime, rateStore },
  );
  const audit =
    runtime.audit ??
    (config.auditLogFile !== null ? fileAuditSink(config.auditLogFile) : stdoutAuditSink());
  const routes = createHealthRoutes({
    health: http.health,
    metrics: runtime.metrics,
    readyMaxAgeMs: config.ops.readyMaxAgeMs,
    warnings: () => (config.auth.disabledWarning ? [config.auth.disabledWarning] : []),
  });
  const server = createServer({
    schema: await buildAppSchema({ linkOrigins: config.linkOrigins }),
    client: createAccountsClient(http),
    logger: runtime.logger,
    introspection: config.introspection,
    authenticate: createAuthenticator(config.auth),
    allowedHosts: config.allowedHosts,
    corsOrigins: config.corsOrigins,
    audit,
    metrics: runtime.metrics,
    limits: createLimits({
      config: config.limits,
      costs: ACCOUNT_COSTS,
      blockSuggestions: !config.introspection,
      logger: runtime.logger,
      metrics: runtime.metrics,
      store: rateStore,
    }),
    ops: { routes, metrics: runtime.metrics },
  });
  return {
    ...server,
    upstreamHealth: http.health,
    stop: async () => {
      await server.stop();
      audit.close();
    },
  };
};
