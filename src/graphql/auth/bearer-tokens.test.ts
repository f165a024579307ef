import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findTokenCaller, parseTokenTable } from "./bearer-tokens.js";

const KNOWN = ["accounts:read", "accounts:delete"];

const hex = (token: string) => createHash("sha256").update(token).digest("hex");

describe("static bearer tokens", () => {
  const { entries, problems } = parseTokenTable(
    JSON.stringify({
      [hex("alpha-token")]: { name: "alpha", scopes: ["accounts:read"] },
      [hex("beta-token").toUpperCase()]: {
        name: "beta",
        scopes: ["accounts:delete", "accounts:read"],
      },
    }),
    KNOWN,
  );

  it("keeps only hashes and names, never a clear token", () => {
    expect(problems).toEqual([]);
    expect(JSON.stringify(entries)).not.toContain("alpha-token");
    expect(entries.map((e) => e.hash.length)).toEqual([32, 32]);
  });

  it("finds the caller of a token (hex keys in either case) and nobody for another", () => {
    expect(findTokenCaller(entries, "beta-token")).toEqual({
      name: "beta",
      kind: "token",
      scopes: new Set(["accounts:delete", "accounts:read"]),
    });
    expect(findTokenCaller(entries, "alpha-token")?.name).toBe("alpha");
    expect(findTokenCaller(entries, "gamma-token")).toBeNull();
    expect(findTokenCaller(entries, "")).toBeNull();
  });

  it("refuses extra keys in an entry", () => {
    const parsed = parseTokenTable(
      JSON.stringify({ [hex("x")]: { name: "x", scopes: [], token: "x" } }),
      KNOWN,
    );
    expect(parsed.problems).toHaveLength(1);
  });
});
