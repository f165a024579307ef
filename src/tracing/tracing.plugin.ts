import type { ApolloServerPlugin } from "@apollo/server";
import { SpanStatusCode } from "@opentelemetry/api";
import { codesOf, intendedOperation } from "../graphql/operation-log.plugin.js";
import type { RequestContext } from "../graphql/section.js";

/**
 * Names the request's span after its operation (`query CustomerCards`) and records how it ended:
 * the operation's name and type, the caller's kind (never its name or token), the error codes and
 * the upstream calls it made. Variables and results never reach a span.
 */
export const tracingPlugin = (): ApolloServerPlugin<RequestContext> => ({
  async requestDidStart({ contextValue }) {
    if (!contextValue.trace) return undefined;
    return {
      async willSendResponse({ contextValue: context, document, operation, request, response }) {
        const span = context.trace?.span;
        if (!span) return;
        const body = response.body;
        const errorCodes = codesOf(
          body.kind === "single" ? body.singleResult.errors : body.initialResult.errors,
        );
        const meant = operation ?? intendedOperation(document, request.operationName);
        const name = meant?.name?.value ?? request.operationName ?? null;
        const type = meant?.operation ?? "unknown";
        span.updateName(name ? `${type} ${name}` : type);
        span.setAttributes({
          "graphql.operation.type": type,
          ...(name ? { "graphql.operation.name": name } : {}),
          "account_graph.caller.kind": context.caller.kind,
          "account_graph.outcome": errorCodes.length === 0 ? "ok" : "error",
          "account_graph.error_codes": errorCodes,
          "account_graph.upstream_calls": context.stats.upstreamCalls,
        });
        if (errorCodes.length > 0)
          span.setStatus({ code: SpanStatusCode.ERROR, message: errorCodes[0] ?? "error" });
      },
    };
  },
});
