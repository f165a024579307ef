import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { buildAppSchema } from "../../schema.js";
import { costTableOf } from "../policy/index.js";
import { coerceVariables } from "./cost.js";
import { capResponseBytes, operationItems } from "./result-limits.js";

const schema = await buildAppSchema();
const items = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  const coerced = coerceVariables(schema, operation, variables);
  if (!coerced) throw new Error("variables do not coerce");
  return operationItems({
    schema,
    document,
    operation,
    variables: coerced,
    table: costTableOf(schema),
  });
};

describe("operationItems", () => {
  it("counts every field of every object and every list item, repeats included", () => {
    expect(items('{ accountByUid(uid: "a") { uid firstName } }')).toBe(3);
    // 3 UIDs in, 3 accounts out, 2 fields each; a repeated UID is a repeated profile.
    expect(items('{ accountsByUids(uids: ["a", "a", "a"]) { uid firstName } }')).toBe(12);
    expect(
      items(
        "query($u: [ID!]!) { x: accountsByUids(uids: $u) { uid } y: accountsByUids(uids: $u) { uid } }",
        {
          u: ["a", "b"],
        },
      ),
    ).toBe(12);
  });

  it("counts a connection's edges as its page: first, or 25 when not given", () => {
    const page = (first: string) =>
      items(`{ searchAccounts(filter: {}${first}) {
        totalCount pageInfo { hasNextPage } edges { cursor node { uid firstName } } } }`);
    // The connection, totalCount, pageInfo and its field: 4; each edge: itself, cursor, node, 2 fields.
    expect(page(", first: 1000")).toBe(4 + 1000 * 5);
    expect(page("")).toBe(4 + 25 * 5);
    expect(
      items(
        `{ searchAccounts(filter: {}, first: 10) { ... on AccountConnection { edges { cursor } } } }`,
      ),
    ).toBe(1 + 10 * 2);
  });

  it("follows fragments and honours @skip/@include", () => {
    const q = `query($s: Boolean!) {
      accountsByUids(uids: ["a", "b"]) { ...F emails @skip(if: $s) { value } }
    } fragment F on Account { uid }`;
    expect(items(q, { s: true })).toBe(2 + 2 + 2);
    expect(items(q, { s: false })).toBe(2 + 2 + 2 + 2 + 2);
  });

  it("sizes _entities by its representations, and a list by the cost table's assumedItems", () => {
    const r = Array.from({ length: 10 }, () => ({ __typename: "Account", uid: "a" }));
    expect(
      items("query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { uid } } }", {
        r,
      }),
    ).toBe(30);
    // identitiesByEmail is assumed to hold 5.
    expect(items('{ identitiesByEmail(email: "a@example.com") { uid } }')).toBe(10);
  });
});

describe("capResponseBytes", () => {
  it("passes an answer within the cap and replaces one over it, counting UTF-8 bytes", () => {
    const refused: string[] = [];
    const cap = capResponseBytes(40, (code) => refused.push(code));
    expect(cap({ data: { a: "x" } })).toBe('{"data":{"a":"x"}}');
    // 13 characters of 3 bytes each: 20 characters in all, but 46 bytes.
    const over = JSON.parse(cap({ data: { a: "€".repeat(13) } }));
    expect(over).toEqual({
      errors: [
        {
          message: "The answer is larger than 40 bytes; select fewer fields or fewer items.",
          extensions: { code: "RESPONSE_TOO_LARGE", limit: 40 },
        },
      ],
    });
    expect(refused).toEqual(["RESPONSE_TOO_LARGE"]);
  });
});
