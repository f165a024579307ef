import type { ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import type { Logger } from "../log.js";
import type { Metrics } from "../metrics.js";
import type { RequestContext } from "./section.js";

/**
 * Operation names are chosen by clients; as metric labels they must stay a bounded set. Names
 * that look like GraphQL names are kept up to this many distinct values, the rest count as "other".
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
  const operationLabel = (name: string | null): string => {
    if (name === null) return "anonymous";
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
              operationName: name,
              operationType: type,
              durationMs: Math.round(seconds * 1000),
              upstreamCalls: contextValue.stats?.upstreamCalls ?? 0,
              errorCodes,
            },
            "operation",
          );
          metrics.operations.inc({
            operation: operationLabel(name),
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
