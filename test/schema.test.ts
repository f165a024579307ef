import { readFileSync } from "node:fs";
import { printSubgraphSchema } from "@apollo/subgraph";
import {
  type GraphQLField,
  type GraphQLInputField,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { buildAppSchema } from "../src/schema.js";
import { listedIn, rootFieldsOf } from "./helpers/policy-lists.js";

/** `_entities`, `_Any`, `link__Import`...: @apollo/subgraph's, described by the Federation spec. */
const isFederationName = (name: string) => name.startsWith("_") || name.includes("__");

describe("the schema", async () => {
  const schema = await buildAppSchema();

  it("is what schema.graphql says (run `npm run schema` after changing it)", () => {
    expect(`${printSubgraphSchema(schema)}\n`).toBe(
      readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"),
    );
  });

  it("describes every type, field and argument", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type) || isFederationName(type.name))
        continue;
      const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
      if (!type.description && !isRoot) missing.push(type.name);
      if (!isObjectType(type) && !isInputObjectType(type)) continue;
      const fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[] = Object.values(
        type.getFields(),
      );
      for (const field of fields) {
        if (isFederationName(field.name)) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : [])
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("declares every root field with its policy, listed in docs/field-policy.md", () => {
    // The fields clients are promised are schema.graphql (the first test); each carries one
    // `@Policy`, and the generated policy page lists it (test/field-policy-doc.test.ts).
    const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}).map((field) => `${type?.name}.${field}`),
    );
    expect(roots.length).toBeGreaterThan(40);
    expect(rootFieldsOf(schema).sort()).toEqual(roots.sort());
    const doc = readFileSync(new URL("../docs/field-policy.md", import.meta.url), "utf8");
    const listed = listedIn(doc);
    expect(roots.filter((coordinate) => !listed.has(coordinate))).toEqual([]);
  });
});
