import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { operationCost } from "../graphql/limits/cost.js";
import { costTableOf } from "../graphql/policy/index.js";
import { buildAppSchema } from "../schema.js";

const schema = await buildAppSchema();
const cost = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return operationCost({ schema, document, operation, variables, table: costTableOf(schema) })
    .upstreamCalls;
};

describe("searchAccounts' cost", () => {
  it("is one search per page, plus what its `first` accounts' fields call", () => {
    expect(cost("{ searchAccounts(filter: {}) { totalCount edges { node { uid } } } }")).toBe(1);
    const perAccount =
      "query($n: Int) { searchAccounts(filter: {}, first: $n) { edges { node { passwordHash } } } }";
    expect(cost(perAccount, { n: 100 })).toBe(101);
    expect(cost(perAccount)).toBe(26);
  });
});
