import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRAPHQL_BODY_BUDGET, GRAPHQL_BODY_BUFFERS } from "../src/http/read-body.js";
import { type Stack, startStack } from "./helpers/stack.js";

/**
 * Large `/graphql` bodies are read into spare buffers that later requests reuse: each request
 * must see its own bytes only, never a neighbour's or what an earlier, longer body left behind.
 */
describe("spare buffers for large request bodies", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  const padded = (alias: string, bytes: number) =>
    stack.gql(`{ ${alias}: __typename }`, { pad: "x".repeat(bytes) });

  it("a shorter body after a longer one is read as itself", async () => {
    expect((await padded("long", 900_000)).data).toEqual({ long: "Query" });
    // A tail of the 900 KB body after this one's end would make it invalid JSON (400).
    const short = await padded("short", 100_000);
    expect(short.status).toBe(200);
    expect(short.data).toEqual({ short: "Query" });
    const oversize = await stack.gql(`{ __typename } #${" ".repeat(900_000)}`);
    expect(oversize.status).toBe(413);
    expect(oversize.errors?.[0]?.extensions).toEqual({ code: "QUERY_TOO_LARGE" });
    expect((await padded("again", 70_000)).data).toEqual({ again: "Query" });
  });

  it("twelve at once: each answered from its own body; at most four buffers kept", async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => padded(`a${i}`, 200_000 + i * 1000)),
    );
    expect(answers.map((answer) => answer.data)).toEqual(
      Array.from({ length: 12 }, (_, i) => ({ [`a${i}`]: "Query" })),
    );
    expect(GRAPHQL_BODY_BUFFERS.free.length).toBeGreaterThan(0);
    expect(GRAPHQL_BODY_BUFFERS.free.length).toBeLessThanOrEqual(GRAPHQL_BODY_BUFFERS.spare);
    expect(new Set(GRAPHQL_BODY_BUFFERS.free).size).toBe(GRAPHQL_BODY_BUFFERS.free.length);
    expect(GRAPHQL_BODY_BUDGET.held).toBe(0);
  });

  it("a query over the limit in a large body is refused from its bytes, with its exact size", async () => {
    const query = `{ __typename } # é${"\\n".repeat(10)}`.padEnd(70_000, "€");
    const res = await stack.gql(query, { pad: "x".repeat(100_000) });
    expect(res.status).toBe(413);
    const bytes = Buffer.byteLength(query, "utf8");
    expect(res.errors?.[0]).toMatchObject({
      message: `The query is ${bytes} bytes; at most 65536 are allowed (MAX_QUERY_BYTES).`,
      extensions: { code: "QUERY_TOO_LARGE" },
    });
  });
});
