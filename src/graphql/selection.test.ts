import { buildSchema, execute, type GraphQLResolveInfo, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { fieldsParam, keysOf, selectedFields } from "./selection.js";

const schema = buildSchema(`
  type Thing { a: String b: String c: String inner: Thing }
  type Payload { id: ID thing: Thing }
  type Query { thing: Thing payload: Payload }
`);

/** The resolve info of the root field, as a resolver would get it. */
const infoOf = (query: string): GraphQLResolveInfo => {
  let captured: GraphQLResolveInfo | undefined;
  // graphql-js calls a root value's function with (args, context, info).
  const capture = (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    captured = info;
    return null;
  };
  execute({ schema, document: parse(query), rootValue: { thing: capture, payload: capture } });
  if (!captured) throw new Error("no root field ran");
  return captured;
};

const TABLE = { a: ["A"], b: ["B", "Shared"], c: ["Shared"], inner: [] };

describe("selection -> upstream keys", () => {
  it("collects the fields selected, through inline fragments and named ones", () => {
    const info = infoOf(`{ thing { a ... on Thing { b } ...F } } fragment F on Thing { c }`);
    expect([...selectedFields(info)].sort()).toEqual(["a", "b", "c"]);
  });

  it("descends a path inside a payload, fragments on the way included", () => {
    const info = infoOf(`{ payload { id ...P } } fragment P on Payload { thing { a } }`);
    expect([...selectedFields(info, ["thing"])]).toEqual(["a"]);
    expect([...selectedFields(info)].sort()).toEqual(["id", "thing"]);
  });

  it("maps fields to keys, always adding the index keys; unknown fields add nothing", () => {
    const keys = keysOf(["b", "c", "inner", "unknown"], TABLE, ["Id"]);
    expect(fieldsParam(keys)).toBe("B,Id,Shared");
  });

  it("sends the same text for the same keys, whatever their order", () => {
    expect(fieldsParam(new Set(["B", "A"]))).toBe(fieldsParam(new Set(["A", "B"])));
  });
});
