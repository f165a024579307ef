import type { ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import { describeUnexpected, type Logger } from "../log.js";
import type { Metrics } from "../metrics.js";
import type { Caller } from "./caller.js";
import type { RequestContext } from "./section.js";

/**
 * Operation names are chosen by clients; as metric labels they must stay a bounded set. Only
 * authenticated callers holding a read scope name their operations (an anonymous or write-only
 * caller counts as "other", so it cannot take the slots); names that look like GraphQL names are
 * kept up to this many distinct values, the rest count as "other".
 */
export const MAX_OPERATION_LABELS = 200;
const GRAPHQL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const codesOf = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) =>
  (errors ?? []).map((e) =>
    typeof e.extensions?.code === "string" ? e.extensions.code : "INTERNAL_SERVER_ERROR",
  );

/**
 * The operation a request meant, from the parsed document when Apollo has not resolved one (a
 * document that failed validation): the named one, or the only one.
 */
export const intendedOperation = (
  document: DocumentNode | undefined,
  name: string | null | undefined,
): OperationDefinitionNode | undefined => {
  const operations = (document?.definitions ?? []).filter(
    (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
  );
  if (name) return operations.find((o) => o.name?.value === name);
  return operations.length === 1 ? operations[0] : undefined;
};

/** A caller authenticated by token or JWT with at least one read scope (or every scope). */
const namesOperations = (caller: Caller): boolean =>
  caller.kind !== "anonymous" &&
  [...caller.scopes].some((scope) => scope === "*" || scope.endsWith(":read"));

/**
 * One `info` line per GraphQL operation (request id, caller, operation name and type, duration,
 * upstream calls, error codes) and the operation metrics, both from `willSendResponse`, so
 * operations refused before execution (parse, validation, limits) are counted too.
 */
export const operationLogPlugin = (
  logger: Logger,
  metrics: Metrics,
): ApolloServerPlugin<RequestContext> => {
  const labels = new Set<string>();
  const operationLabel = (name: string | null, caller: Caller | undefined): string => {
    if (name === null) return "anonymous";
    if (!caller || !namesOperations(caller)) return "other";
    if (!GRAPHQL_NAME.test(name)) return "other";
    if (labels.has(name)) return name;
    if (labels.size >= MAX_OPERATION_LABELS) return "other";
    labels.add(name);
    return name;
  };

  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue, document, operation, request, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const body = response.body;
          const errorCodes =
            body.kind === "single"
              ? codesOf(body.singleResult.errors)
              : codesOf(body.initialResult.errors);
          const meant = operation ?? intendedOperation(document, request.operationName);
          const name = meant?.name?.value ?? request.operationName ?? null;
          const type = meant?.operation ?? "unknown";
          logger.info(
            {
              requestId: contextValue.requestId,
              ...(contextValue.clientRequestId
                ? { clientRequestId: contextValue.clientRequestId }
                : {}),
              caller: contextValue.caller?.name,
              callerKind: contextValue.caller?.kind,
              operationName: name,
              operationType: type,
              durationMs: Math.round(seconds * 1000),
              upstreamCalls: contextValue.stats?.upstreamCalls ?? 0,
              errorCodes,
            },
            "operation",
          );
          metrics.operations.inc({
            operation: operationLabel(name, contextValue.caller),
            type,
            outcome: errorCodes.length === 0 ? "ok" : "error",
          });
          metrics.operationDuration.observe({ type }, seconds);
          for (const code of errorCodes) metrics.errors.inc({ code });
        },
      };
    },
  };
};

/**
 * One `error` line per error a client sees as INTERNAL_SERVER_ERROR, with the request id, the
 * caller, the field's path and the cause (describeUnexpected). Apollo runs `didEncounterErrors`
 * before it formats, so the errors logged here are remembered in `logged` and the formatter's
 * own log (server.ts) writes only those that never went through a request's pipeline. An error
 * thrown by a plugin (an HTTP 500) is logged here too, as "request failed", with its request id;
 * Apollo's own text line about it and its masked stand-in are then left out (APOLLO_500).
 */
export const unexpectedErrorLogPlugin = (
  logger: Logger,
  isUnexpected: (error: unknown) => boolean,
  logged: WeakSet<object>,
): ApolloServerPlugin<RequestContext> => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          if (!isUnexpected(error)) continue;
          let original: unknown = error;
          while (original instanceof Error) {
            logged.add(original);
            original = (original as { originalError?: unknown }).originalError;
          }
          const cause = error.originalError ?? error;
          logger.error(
            {
              requestId: contextValue.requestId,
              caller: contextValue.caller?.name,
              callerKind: contextValue.caller?.kind,
              ...(error.path ? { path: error.path.join(".") } : {}),
              ...describeUnexpected(cause),
            },
            "unexpected error",
          );
        }
      },
    };
  },
  async unexpectedErrorProcessingRequest({ requestContext, error }) {
    logger.error(
      {
        requestId: requestContext.contextValue.requestId,
        caller: requestContext.contextValue.caller?.name,
        callerKind: requestContext.contextValue.caller?.kind,
        ...describeUnexpected(error),
      },
      "request failed",
    );
  },
});

/**
 * The plugin above and the formatter's log (Apollo's `formatError` has no request): errors the
 * plugin logged with their request id, and Apollo's masked stand-in for a plugin failure, are
 * not logged again; anything else the formatter masks is.
 */
export const createUnexpectedErrorLog = (
  logger: Logger,
  isUnexpected: (error: unknown) => boolean,
) => {
  const logged = new WeakSet<object>();
  return {
    plugin: unexpectedErrorLogPlugin(logger, isUnexpected, logged),
    formatterLog: (message: string, original: unknown) => {
      if (original instanceof Object && logged.has(original)) return;
      if (original instanceof Error && original.message === APOLLO_500.masked) return;
      logger.error(describeUnexpected(original), message);
    },
  };
};

/**
 * What Apollo says after `unexpectedErrorProcessingRequest` (its logger's text line, and the
 * Error it answers the 500 with): the same failure, already logged above with its request id.
 */
export const APOLLO_500 = {
  logLine: "Unexpected error processing request: ",
  masked: "Internal server error",
} as const;

/**
 * Apollo's own lines (start-up, plugin and landing-page warnings) as pino JSON, not text; its
 * line about a failed request is left out: the plugin logged that with the request id.
 */
export const apolloLogger = (logger: Logger) => {
  const apollo = logger.child({ component: "apollo" });
  return {
    debug: (message: unknown) => apollo.debug(String(message)),
    info: (message: unknown) => apollo.info(String(message)),
    warn: (message: unknown) => apollo.warn(String(message)),
    error: (message: unknown) => {
      if (!String(message).startsWith(APOLLO_500.logLine)) apollo.error(String(message));
    },
  };
};
