import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import type { Config } from "./config.js";
import { type AppContext, createContext } from "./context.js";
import { formatError } from "./errors.js";
import { operationLogPlugin } from "./graphql/operation-log.plugin.js";
import { createHealthRoutes, type HealthRoutes } from "./http/health-routes.js";
import { createProbeOnlyHealth } from "./http/probe-only-health.js";
import { BodyTooLargeError, readBody } from "./http/read-body.js";
import { sendJson } from "./http/send-json.js";
import { describeError, type Logger } from "./log.js";
import { type AccountsClient, createAccountsClient } from "./loginradius/accounts.client.js";
import { createLoginRadiusHttp, type UpstreamTarget } from "./loginradius/http.js";
import type { Metrics } from "./metrics.js";
import { buildAppSchema } from "./schema.js";

export interface ServerDeps {
  schema: GraphQLSchema;
  client: AccountsClient;
  logger: Logger;
  introspection: boolean;
  /** `/healthz`, `/readyz`, `/metrics`; absent in tests that need only `/graphql`. */
  ops?: { routes: HealthRoutes; metrics: Metrics };
}

/** What the process gives the service besides its Config: where to log, where to count. */
export interface AppRuntime {
  logger: Logger;
  metrics: Metrics;
}

export interface AppServer {
  handler: RequestListener;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Shutdown has begun: `/readyz` answers 503 from now on, so load balancers stop sending. */
  drain(): void;
}

/** A caller's X-Request-Id is echoed only if it is plainly an ID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The GraphQL service: Apollo Server over node:http, `/graphql` (queries, and the Sandbox landing
 * page in a browser), `/healthz`. Builds everything, listens nowhere (src/http/listen.ts does).
 */
export const createServer = (deps: ServerDeps): AppServer => {
  const apollo = new ApolloServer<AppContext>({
    schema: deps.schema,
    introspection: deps.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler stops the server and re-raises the
    // signal, which kills the process before in-flight requests are answered.
    stopOnTerminationSignals: false,
    plugins: deps.ops ? [operationLogPlugin(deps.logger, deps.ops.metrics)] : [],
    formatError: (formatted, error) =>
      formatError(formatted, error, (message, original) =>
        deps.logger.error(describeError(original), message),
      ),
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://service.invalid");
    if (deps.ops && (await deps.ops.routes.handle(url.pathname, res))) return;
    if (url.pathname === "/healthz") return sendJson(res, 200, { ok: true });
    if (url.pathname === "/") {
      res.writeHead(302, { location: "/graphql" });
      res.end();
      return;
    }
    if (url.pathname !== "/graphql")
      return sendJson(res, 404, { error: "Not found; GraphQL is at /graphql." });

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
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    const request: HTTPGraphQLRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      headers,
      search: url.search,
      body,
    };
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: async () =>
        createContext(deps.client, requestId, undefined, deps.ops?.metrics.loaderBatchSize),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader("x-request-id", requestId);
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
  const http = createLoginRadiusHttp({ ...upstream, ...config.upstream });
  const client = createAccountsClient(http);
  const routes = createHealthRoutes({
    // MERGE NOTE: replace with the adapter's UpstreamHealth (breaker, last good answer).
    health: createProbeOnlyHealth(client),
    metrics: runtime.metrics,
    readyMaxAgeMs: config.ops.readyMaxAgeMs,
    // Hook: push "caller auth is disabled" here once Config has such a flag.
    warnings: () => [],
  });
  return createServer({
    schema: await buildAppSchema(),
    client,
    logger: runtime.logger,
    introspection: config.introspection,
    ops: { routes, metrics: runtime.metrics },
  });
};
