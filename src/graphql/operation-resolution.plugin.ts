import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind } from "graphql";

/**
 * A document whose operation cannot be chosen (several operations and no `operationName`, or a
 * name none of them has) is refused here, with Apollo's own code and a 400, as soon as Apollo
 * has tried to resolve it: before any plugin's execution hooks, which may all assume an
 * operation. (Reading `operation.operation` there made such a document an HTTP 500.)
 */
export const operationResolutionPlugin = <
  Context extends object,
>(): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, request }) {
        if (operation) return;
        const operations = document.definitions.filter(
          (definition) => definition.kind === Kind.OPERATION_DEFINITION,
        ).length;
        const message = request.operationName
          ? `Unknown operation named "${request.operationName}".`
          : operations > 1
            ? "Must provide operation name if query contains multiple operations."
            : "The document has no operation to run.";
        throw new GraphQLError(message, {
          extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } },
        });
      },
    };
  },
});
