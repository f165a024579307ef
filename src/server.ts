import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { cacheReportPlugin } from "./cache/cache-report.plugin.js";
import type { CacheInvalidator } from "./cache/invalidation.js";
import type { Config } from "./config.js";
import { type AppContext, type Connect, createContext } from "./context.js";
import { ErrorCodes } from "./errors.js";
import { createAdmit } from "./graphql/admit.js";
import {
  type AuditSink,
  fileAuditSink,
  loggedAuditTrail,
  stdoutAuditSink,
  withAuditTrail,
} from "./graphql/audit/index.js";
import { createAuthenticator } from "./graphql/auth/authenticate.js";
import { NoServiceSdl } from "./graphql/federation/index.js";
import { createErrorFormatting, type ErrorFormatting } from "./graphql/format-error.js";
import { createGraphQLHandler, type RequestIds } from "./graphql/http-handler.js";
import { createLimits, createRateLimitStore } from "./graphql/limits/index.js";
import {
  apolloLogger,
  createUnexpectedErrorLog,
  operationLogPlugin,
} from "./graphql/operation-log.plugin.js";
import { operationResolutionPlugin } from "./graphql/operation-resolution.plugin.js";
import { auditedFieldsOf, costTableOf } from "./graphql/policy/index.js";
import type { AnySection, WriteRecord } from "./graphql/section.js";
import { trustedDocumentsOf } from "./graphql/trusted-documents.js";
import { type SandboxLandingPage, sandboxLandingPage } from "./http/graphiql-landing-link.js";
import { hostAllowed } from "./http/host-guard.js";
import { routeOthers } from "./http/other-routes.js";
import { sendJson } from "./http/send-json.js";
import { describeUnexpected, type Logger } from "./log.js";
import type { UpstreamHealth } from "./loginradius/health.js";
import type { UpstreamTarget } from "./loginradius/http.js";
import type { Metrics } from "./metrics.js";
import type { RateLimitStore } from "./ratelimit/store.js";
import { buildAppSchema } from "./schema.js";
import { createFleetRecentWrites, createRecentWrites } from "./search/index.js";
import { errorTableOf, SECTIONS } from "./sections.js";
import type { ServerDeps } from "./server-deps.js";
import { createTracing, type SpanScope, type Tracing } from "./tracing/tracing.js";
import { tracingPlugin } from "./tracing/tracing.plugin.js";
import { upstreamOf } from "./upstream.js";

/** AUDIT_LOG_FILE, else stdout. */
const auditSinkOf = (file: string | null): AuditSink =>
  file !== null ? fileAuditSink(file) : stdoutAuditSink();

/** What the process gives the service besides its Config: where to log, where to count. */
export interface AppRuntime {
  /**
   * LoginRadius when the configuration names none (`config.upstream.target` null): the embedded
   * emulator main.ts started, or a test's. Given beside a configured target, it is refused.
   */
  upstream?: UpstreamTarget;
  /**
   * Each section's client per request in place of the adapter's: in-process tests give doubles
   * (`connectDoubles`); the service then calls no LoginRadius and has no `/readyz`, `/metrics`,
   * webhook route or read cache.
   */
  connect?: Connect;
  logger: Logger;
  metrics: Metrics;
  /** Where audit lines go; default AUDIT_LOG_FILE, else stdout. */
  audit?: AuditSink;
  /** Shared rate-limit buckets (Redis when replicas share a budget); in memory by default. */
  rateStore?: RateLimitStore;
  /** The sections served; default SECTIONS (a test adds a toy one). */
  sections?: readonly AnySection[];
  /** What the webhook route drops from (tests: a recorder); default: the fleet's read cache. */
  invalidator?: CacheInvalidator;
  /**
   * Accounts written within the search index's lag, read by profile calls, never from search;
   * default in memory (SEARCH_INDEX_LAG_MS). A fleet gives a shared one (Redis, issue 20).
   */
  recentWrites?: WriteRecord;
}

export interface AppServer {
  handler: RequestListener;
  /** The request context as `/graphql` builds it (for in-process `executeOperation`). */
  context(): AppContext;
  /** Apollo itself, for in-process `executeOperation` tests. */
  apollo: ApolloServer<AppContext>;
  /** Spans exported over OTLP (OTEL_*); absent when tracing is off. */
  tracing?: Tracing;
  /** What the adapter knows of LoginRadius's health (for `/readyz`); absent on bare servers. */
  upstreamHealth?: UpstreamHealth;
  /** Drops cached reads here and on every replica (the webhook route); absent on bare servers. */
  cache?: CacheInvalidator;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Shutdown has begun: `/readyz` answers 503 from now on, so load balancers stop sending. */
  drain(): void;
}

/** Apollo with the limits, the operation log, the landing page, the audited schema and the formatter. */
const createApollo = (
  deps: ServerDeps,
  errors: ErrorFormatting,
  landingPage: SandboxLandingPage<AppContext> | null,
): ApolloServer<AppContext> => {
  const _sections = deps.sections ?? SECTIONS;
  const { plugins: limitPlugins, ...limitOptions } = deps.limits.apollo;
  const unexpected = createUnexpectedErrorLog(
    deps.logger,
    (e) => errors.errorCodeOf(e) === ErrorCodes.INTERNAL_SERVER_ERROR,
  );
  const plugins: ApolloServerPlugin<AppContext>[] = [
    // First: every later plugin may assume the operation was resolved.
    operationResolutionPlugin(),
    ...limitPlugins,
    unexpected.plugin,
    // Apollo turns federated tracing on for a subgraph: resolver timings and unmasked errors
    // for anyone who sends `apollo-federation-include-trace`. We report to no Apollo graph.
    ApolloServerPluginInlineTraceDisabled(),
    // No type sets a cache hint, and the default plugin's per-field hook wraps every resolver.
    ApolloServerPluginCacheControlDisabled(),
    ...(deps.metrics ? [operationLogPlugin(deps.logger, deps.metrics)] : []),
    cacheReportPlugin(),
    ...(deps.tracing ? [tracingPlugin()] : []),
    landingPage?.plugin ?? ApolloServerPluginLandingPageDisabled(),
  ];
  return new ApolloServer<AppContext>({
    // Every mutation and audited read behind the audit trail (each request's context brings it).
    schema: withAuditTrail(deps.schema, auditedFieldsOf(deps.schema)),
    introspection: deps.introspection,
    ...limitOptions,
    validationRules: [
      ...limitOptions.validationRules,
      ...(deps.introspection ? [] : [NoServiceSdl]),
    ],
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: Apollo's own handler stops the server and re-raises the
    // signal, which kills the process before in-flight requests are answered.
    stopOnTerminationSignals: false,
    plugins,
    logger: apolloLogger(deps.logger),
    formatError: (formatted, error) =>
      errors.formatError(formatted, error, unexpected.formatterLog),
  });
};

const INTERNAL = {
  errors: [{ message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
};

/**
 * The GraphQL service from its parts: Apollo Server over node:http, `/graphql` (queries, and the
 * Sandbox landing page in a browser), `/healthz`. Listens nowhere (src/http/listen.ts does).
 */
const assemble = (deps: ServerDeps): AppServer => {
  const errors = createErrorFormatting(errorTableOf(deps.sections ?? SECTIONS));
  const landingPage = deps.introspection
    ? sandboxLandingPage<AppContext>(ApolloServerPluginLandingPageLocalDefault({ embed: true }))
    : null;
  const apollo = createApollo(deps, errors, landingPage);
  const audit = deps.audit
    ? loggedAuditTrail(deps.logger, deps.audit, errors.errorCodeOf)
    : undefined;
  const context = (ids?: RequestIds, caller?: AppContext["caller"], trace?: SpanScope) =>
    createContext(deps.connect, {
      ...ids,
      ...(audit ? { audit } : {}),
      ...(caller ? { caller } : {}),
      ...(trace ? { trace } : {}),
      batchSizes: deps.metrics?.loaderBatchSize,
      sections: deps.sections ?? SECTIONS,
      ...(deps.writes ? { writes: deps.writes } : {}),
    });
  const graphql = createGraphQLHandler({
    apollo,
    admit: createAdmit({ ...deps, onRefused: (code) => deps.metrics?.rejected.inc({ code }) }),
    apq: deps.limits.apq,
    trusted: deps.trusted ?? null,
    onRefused: (code) => deps.metrics?.rejected.inc({ code }),
    tracing: deps.tracing ?? null,
    precheck: deps.limits.precheck,
    prescan: deps.limits.prescan,
    context: async (ids, caller, trace) => context(ids, caller, trace),
    ended: (made) => made.end(),
    ...(landingPage ? { pageHeaders: landingPage.headers } : {}),
  });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://service.invalid");
    if (!hostAllowed(deps, req, url, res)) return;
    if (!(await routeOthers(deps, req, url, res))) await graphql(req, res, url);
  };
  return {
    handler: (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // The request was cut before it arrived whole (a deadline: listen.ts reports those, one
        // line per reason) or abandoned by its client: no failure of ours, and no line each.
        if (req.destroyed && !req.complete) return;
        const requestId = res.getHeader("x-request-id");
        deps.logger.error(
          { ...(requestId ? { requestId } : {}), ...describeUnexpected(error) },
          "request failed",
        );
        if (!res.headersSent) sendJson(res, 500, INTERNAL);
        else res.end();
      });
    },
    context: () => context(),
    apollo,
    start: () => apollo.start(),
    stop: () => apollo.stop(),
    drain: () => deps.routes?.drain(),
  };
};

/**
 * The service, the one factory: the LoginRadius side (src/upstream.ts: the fleet's adapter,
 * search, webhooks; or the runtime's client doubles), schema, limits, audit trail, tracing,
 * Apollo. Listens nowhere; main.ts and the tests call this alone.
 */
export const createAppServer = async (
  config: Readonly<Config>,
  runtime: AppRuntime,
): Promise<AppServer> => {
  const sections = runtime.sections ?? SECTIONS;
  const rateStore =
    runtime.rateStore ?? createRateLimitStore(config.limits.rateLimit, runtime.logger);
  const upstream = upstreamOf(config, { ...runtime, sections, rateStore });
  const audit = runtime.audit ?? auditSinkOf(config.auditLogFile);
  const tracing = config.tracing ? await createTracing(config.tracing) : null;
  const schema = await buildAppSchema({ linkOrigins: config.linkOrigins, sections });
  const server = assemble({
    schema,
    connect: upstream.connect,
    writes:
      runtime.recentWrites ??
      createFleetRecentWrites(
        createRecentWrites(config.search.indexLagMs),
        upstream.writes ?? null,
      ),
    sections,
    logger: runtime.logger,
    introspection: config.introspection,
    // Auth off: no authenticator, so admit() gives every request the all-scopes caller at once.
    ...(config.auth.enabled ? { authenticate: createAuthenticator(config.auth) } : {}),
    allowedHosts: config.allowedHosts,
    corsOrigins: config.corsOrigins,
    audit,
    metrics: runtime.metrics,
    limits: createLimits({
      config: config.limits,
      costs: costTableOf(schema),
      blockSuggestions: !config.introspection,
      logger: runtime.logger,
      metrics: runtime.metrics,
      store: rateStore,
    }),
    ...(upstream.routes ? { routes: upstream.routes } : {}),
    tracing,
    ...(upstream.webhook ? { webhook: upstream.webhook } : {}),
    trusted: trustedDocumentsOf(config.trustedDocuments),
  });
  return {
    ...server,
    ...(upstream.health ? { upstreamHealth: upstream.health } : {}),
    ...(upstream.cache ? { cache: upstream.cache } : {}),
    ...(tracing ? { tracing } : {}),
    stop: async () => {
      await server.stop();
      await upstream.close();
      await tracing?.shutdown();
      audit.close();
    },
  };
};
