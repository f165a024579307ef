import type { GraphQLSchema } from "graphql";
import type { Connect } from "./context.js";
import type { AuditSink } from "./graphql/audit/index.js";
import type { Authenticate } from "./graphql/auth/authenticate.js";
import type { Limits } from "./graphql/limits/index.js";
import type { AnySection, WriteRecord } from "./graphql/section.js";
import type { TrustedDocuments } from "./graphql/trusted-documents.js";
import type { HealthRoutes } from "./http/health-routes.js";
import type { HostRule } from "./http/host-guard.js";
import type { Logger } from "./log.js";
import type { Metrics } from "./metrics.js";
import type { Tracing } from "./tracing/tracing.js";
import type { WebhookRoute } from "./webhooks/index.js";

/** What the GraphQL service is built from (src/server.ts): the schema, the sections' clients, the edge. */
export interface ServerDeps {
  schema: GraphQLSchema;
  /** Each section's client per request: over the adapter, or test doubles. */
  connect: Connect;
  /** The sections served; default SECTIONS (a test adds a toy one). */
  sections?: readonly AnySection[];
  logger: Logger;
  /** Introspection and the Sandbox landing page together. */
  introspection: boolean;
  /** Caller authentication; absent: every caller has every scope (in-process tests). */
  authenticate?: Authenticate;
  /** Hosts `/graphql` answers for; absent: any. */
  allowedHosts?: readonly HostRule[];
  corsOrigins?: ReadonlySet<string>;
  audit?: AuditSink;
  /** Where operations, refusals and loader batch sizes are counted; absent: nowhere. */
  metrics?: Metrics;
  /** Operation limits, rate limits and document caches (src/graphql/limits/). */
  limits: Limits;
  /** `/healthz`, `/readyz`, `/metrics`; absent in tests that need only `/graphql`. */
  routes?: HealthRoutes;
  /** Registered operations (TRUSTED_DOCUMENTS_FILE); absent: none. */
  trusted?: TrustedDocuments | null;
  /** OpenTelemetry traces (OTEL_*); absent: off. */
  tracing?: Tracing | null;
  /** `POST /webhooks/loginradius`; absent: 404. */
  webhook?: WebhookRoute;
  /** The process's record of recent writes (search freshness); absent: each request's own. */
  writes?: WriteRecord;
}
