import { describe, expect, it } from "vitest";
import { nestingOf, queryTextRefusal } from "./query-text.js";

describe("nestingOf", () => {
  it("counts {, [ and ( together, as the parser recurses through them", () => {
    expect(nestingOf("{ a(x: [[1]]) { b } }", 100)).toBe(4);
    expect(nestingOf("{ a } { b }", 100)).toBe(1);
  });

  it("skips strings (with escapes), block strings and comments", () => {
    expect(nestingOf('{ a(x: "[[[\\"[[[") }', 100)).toBe(2);
    expect(nestingOf('{ a(x: """ [[[ \\""" [[[ """) }', 100)).toBe(2);
    expect(nestingOf("{ a # [[[[\n b }", 100)).toBe(1);
    expect(nestingOf("{ a # [[[[\r b(x: 1) }", 100)).toBe(2);
  });

  it("an unterminated string ends at its line, as the parser's would", () => {
    expect(nestingOf('{ a(x: "[[[\n[[[', 100)).toBe(5);
  });

  it("stops counting once past the limit", () => {
    expect(nestingOf("[".repeat(1_000_000), 10)).toBe(11);
  });
});

describe("queryTextRefusal", () => {
  const limits = { maxQueryBytes: 100, maxNesting: 3 };
  it("refuses over the byte limit with 413, counting UTF-8 bytes", () => {
    expect(queryTextRefusal(`{ a } #${"é".repeat(50)}`, limits)).toMatchObject({
      status: 413,
      code: "QUERY_TOO_LARGE",
    });
    expect(queryTextRefusal(`{ a } #${"x".repeat(50)}`, limits)).toBeNull();
  });

  it("refuses nesting over the limit with 400", () => {
    expect(queryTextRefusal("{ a(x: [[1]]) }", limits)).toMatchObject({
      status: 400,
      code: "MAX_NESTING_EXCEEDED",
    });
    expect(queryTextRefusal("{ a(x: [1]) }", limits)).toBeNull();
  });
});
