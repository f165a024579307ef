import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isObjectType,
} from "graphql";
import type { CostTable, FieldArgs, FieldCost } from "../limits/cost.js";
import { type FieldPolicy, POLICY, type UpstreamCost } from "./field-policy.js";

/** One field of the built schema with the policy declared on it. */
export interface PolicyRow {
  /** `Query.accountByUid`, `Account.passwordHash`. */
  coordinate: string;
  type: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  /** `Query` or `Mutation` for a root field. */
  root?: "Query" | "Mutation";
  policy: FieldPolicy;
}

export const policyOf = (field: GraphQLField<unknown, unknown>): FieldPolicy | undefined =>
  field.extensions[POLICY] as FieldPolicy | undefined;

/** Every object field of the schema that declares a policy, in schema order. */
export const policyRows = (schema: GraphQLSchema): PolicyRow[] => {
  const rows: PolicyRow[] = [];
  const roots = new Map([
    [schema.getQueryType(), "Query" as const],
    [schema.getMutationType(), "Mutation" as const],
  ]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const root = roots.get(type);
    for (const field of Object.values(type.getFields())) {
      const policy = policyOf(field);
      if (!policy) continue;
      const row = { coordinate: `${type.name}.${field.name}`, type, field, policy };
      rows.push(root ? { ...row, root } : row);
    }
  }
  return rows;
};

/** Federation's root fields: `_entities` checks each entity type's scope itself (subgraph.ts). */
const isFederationField = (name: string) => name === "_entities" || name === "_service";

/**
 * What a policy lacks, per root field: every query and mutation names a scope and a cost (each
 * may call LoginRadius). The schema build calls this, so a field without a policy fails it.
 */
export const missingPolicies = (schema: GraphQLSchema): string[] => {
  const missing: string[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType()])
    for (const field of Object.values(type?.getFields() ?? {})) {
      const policy = policyOf(field);
      const needs = [
        ...(policy?.cost === undefined ? ["a cost"] : []),
        ...(policy?.scope === undefined && !isFederationField(field.name) ? ["a scope"] : []),
      ];
      if (needs.length > 0)
        missing.push(`${type?.name}.${field.name} needs ${needs.join(" and ")}`);
    }
  // The budget counts a side effect with the field's calls: one without a cost is never counted.
  for (const row of policyRows(schema))
    if (row.policy.sideEffect && row.policy.cost === undefined)
      missing.push(`${row.coordinate} has a side effect and needs a cost`);
  return missing;
};

/** Throws, naming each root field without a complete policy. */
export const checkPolicies = (schema: GraphQLSchema): GraphQLSchema => {
  const missing = missingPolicies(schema);
  if (missing.length > 0)
    throw new Error(`Fields without a policy (@Policy on the field): ${missing.join("; ")}.`);
  return schema;
};

/** `loader:arg1/arg2`; one list argument alone gives one key per item (`byUid:ada`). */
const loaderKeys =
  (loader: string, keyArgs: readonly string[]) =>
  (args: FieldArgs): string[] => {
    if (keyArgs.length === 0) return [loader];
    if (keyArgs.length === 1) {
      const value = args[keyArgs[0] as string];
      const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
      return list.map((v) => `${loader}:${String(v)}`);
    }
    return [`${loader}:${keyArgs.map((a) => String(args[a])).join("/")}`];
  };

/** The declared cost as the cost walk reads it. */
export const fieldCostOf = (cost: UpstreamCost, sideEffect?: string): FieldCost => {
  const effect = sideEffect === undefined ? {} : { sideEffect };
  if (cost === "each-run") return effect;
  if ("keys" in cost) return { loaderKeys: cost.keys, ...effect };
  if ("perParent" in cost) return { ...cost, ...effect };
  if ("eachRun" in cost) {
    const { itemsArg, assumedItems: otherwise } = cost;
    const itemsOf = (args: FieldArgs) => {
      const n = args[itemsArg];
      return typeof n === "number" ? n : otherwise;
    };
    return { itemsOf, ...effect };
  }
  const { loader, keyArgs, assumedItems } = cost;
  return {
    loaderKeys: loaderKeys(loader, keyArgs),
    ...(assumedItems === undefined ? {} : { assumedItems }),
    ...effect,
  };
};

/** The cost table (`Type.field` -> cost) the budget plugin reads, from the built schema. */
export const costTableOf = (schema: GraphQLSchema): CostTable =>
  Object.fromEntries(
    policyRows(schema).flatMap(({ coordinate, policy }) =>
      policy.cost === undefined ? [] : [[coordinate, fieldCostOf(policy.cost, policy.sideEffect)]],
    ),
  );

/** Fields behind the audit trail: every mutation, and every field declared a secret read. */
export const auditedFieldsOf = (schema: GraphQLSchema): ReadonlySet<string> => {
  const mutation = schema.getMutationType();
  const fields = Object.values(mutation?.getFields() ?? {}).map((f) => `Mutation.${f.name}`);
  const reads = policyRows(schema).filter((r) => r.policy.audit === "secret-read");
  return new Set([...fields, ...reads.map((r) => r.coordinate)]);
};
