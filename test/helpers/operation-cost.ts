import { getOperationAST, parse } from "graphql";
import { operationCost } from "../../src/graphql/limits/cost.js";
import { costTableOf } from "../../src/graphql/policy/index.js";
import { buildAppSchema } from "../../src/schema.js";

/** The service's schema, built once per test file that asks for costs. */
export const appSchema = await buildAppSchema();

/** What the limits count for `query` over the service's schema, as the budget plugin counts it. */
export const costOf = (query: string, variables?: Record<string, unknown>, maxVisits?: number) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return operationCost({
    schema: appSchema,
    document,
    operation,
    variables,
    table: costTableOf(appSchema),
    maxVisits,
  });
};
