import {
  execute,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from "graphql";
import { describe, expect, it } from "vitest";
import { guardReads } from "./read-scope.js";

/** A toy `Thing` guarded by `things:read`: `id` open, `name` guarded, `secret` with its own scope. */
const schemaWith = (nameType: typeof GraphQLString | GraphQLNonNull<typeof GraphQLString>) => {
  const thing = new GraphQLObjectType({
    name: "Thing",
    extensions: { readScope: "things:read" },
    fields: {
      id: { type: new GraphQLNonNull(GraphQLString), extensions: { openField: true } },
      name: { type: nameType },
      secret: { type: GraphQLString, extensions: { scope: "things:secret" } },
    },
  });
  const query = new GraphQLObjectType({
    name: "Query",
    fields: { thing: { type: thing, resolve: () => ({ id: "t1", name: "n", secret: "s" }) } },
  });
  return new GraphQLSchema({ query });
};

const run = (scopes: string[]) =>
  execute({
    schema: guardReads(schemaWith(GraphQLString)),
    document: parse("{ thing { id name secret } }"),
    contextValue: { caller: { name: "c", kind: "token", scopes: new Set(scopes) } },
  });

describe("guardReads", () => {
  it("refuses a guarded field alone, naming the read scope, and keeps the open one", async () => {
    const res = await run([]);
    expect(res.data).toEqual({ thing: { id: "t1", name: null, secret: "s" } });
    expect(res.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [["thing", "name"], { code: "FORBIDDEN", scope: "things:read" }],
    ]);
  });

  it("answers with the read scope, and leaves a field's own scope to its own check", async () => {
    const res = await run(["things:read"]);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ thing: { id: "t1", name: "n", secret: "s" } });
  });

  it("refuses to build a guarded non-null field (its refusal would null the object)", () => {
    expect(() => guardReads(schemaWith(new GraphQLNonNull(GraphQLString)))).toThrow(
      "Thing.name needs things:read and must be nullable.",
    );
  });
});
