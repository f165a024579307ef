import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  parse,
} from "graphql";
import { getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { operationCost } from "../src/graphql/limits/cost.js";
import {
  costTableOf,
  missingPolicies,
  type PolicyRow,
  policyRows,
} from "../src/graphql/policy/index.js";
import { buildAppSchema } from "../src/schema.js";

const selectionOf = (field: GraphQLField<unknown, unknown>) =>
  isCompositeType(getNamedType(field.type)) ? `${field.name} { __typename }` : field.name;

/** A placeholder for each required argument (`uid: "x"`), so loader keys have a value. */
const argsOf = (field: GraphQLField<unknown, unknown>) => {
  const args = field.args
    .filter((a) => isNonNullType(a.type))
    .map((a) => {
      const named = getNamedType(a.type);
      const leaf = isEnumType(named)
        ? (named.getValues()[0]?.name ?? "")
        : named.name === "Int"
          ? "1"
          : '"x"';
      return `${a.name}: ${isListType(getNullableType(a.type)) ? `[${leaf}]` : leaf}`;
    });
  return args.length > 0 ? `(${args.join(", ")})` : "";
};

/** A root field whose answer is the row's type, to reach an object field through it. */
const parentOf = (schema: GraphQLSchema, type: GraphQLObjectType) =>
  Object.values(schema.getQueryType()?.getFields() ?? {}).find(
    (f) => getNamedType(f.type) === type,
  ) ??
  Object.values(schema.getMutationType()?.getFields() ?? {}).find(
    (f) => getNamedType(f.type) === type,
  );

/** The smallest operation that selects the row's field (arguments aside: the walk reads none). */
const operationFor = (schema: GraphQLSchema, row: PolicyRow, select = selectionOf(row.field)) => {
  if (row.root) return `${row.root === "Mutation" ? "mutation" : "query"} { ${select} }`;
  const parent = parentOf(schema, row.type);
  const kind = schema.getMutationType()?.getFields()[parent?.name ?? ""] ? "mutation" : "query";
  return `${kind} { ${parent?.name}${parent ? argsOf(parent) : ""} { ${select} } }`;
};

describe("the cost table, derived from each field's @Policy", async () => {
  const schema = await buildAppSchema();
  const COSTS = costTableOf(schema);
  const rows = policyRows(schema);
  const costOf = (row: PolicyRow, select?: string) => {
    const document = parse(operationFor(schema, row, select));
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation) throw new Error("no operation");
    return operationCost({ schema, document, operation, variables: {}, table: COSTS });
  };

  it("has a row for every root field (each may call LoginRadius): the build checks it", () => {
    const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
      Object.keys(t?.getFields() ?? {}).map((f) => `${t?.name}.${f}`),
    );
    expect(roots.length).toBeGreaterThan(20);
    expect(missingPolicies(schema)).toEqual([]);
    expect(roots.filter((c) => !(c in COSTS))).toEqual([]);
  });

  it("has a row for every field resolver (each reads LoginRadius on its own)", () => {
    const resolvers = getMetadataStorage()
      .fieldResolvers.filter((r) => r.kind === "external")
      .map((r) => `${(r.getObjectType?.() as { name: string } | undefined)?.name}.${r.schemaName}`);
    expect(resolvers).toContain("Account.passwordHash");
    expect(resolvers.filter((c) => !(c in COSTS))).toEqual([]);
  });

  it("counts a side effect for exactly the fields whose policy names one", () => {
    const counted = rows.filter((row) => row.policy.cost !== undefined);
    expect(counted.filter((row) => row.policy.sideEffect).length).toBeGreaterThan(5);
    // An object field is counted beside its parent's own: what it adds is the difference.
    const added = (row: PolicyRow) =>
      costOf(row).sideEffects - (row.root ? 0 : costOf(row, "__typename").sideEffects);
    const wrong = counted.filter((row) => added(row) !== (row.policy.sideEffect ? 1 : 0));
    expect(wrong.map((r) => r.coordinate)).toEqual([]);
  });

  it("counts one call for a mutation that runs once", () => {
    const each = rows.filter((r) => r.root === "Mutation" && r.policy.cost === "each-run");
    expect(each.length).toBeGreaterThan(20);
    expect(each.filter((r) => costOf(r).upstreamCalls !== 1).map((r) => r.coordinate)).toEqual([]);
  });
});
