import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import type { AnySection } from "./graphql/section.js";
import { createUpstreamErrorMapping } from "./graphql/upstream-errors.js";
import { UpstreamError } from "./loginradius/upstream-error.js";
import { errorTableOf, SECTIONS } from "./sections.js";

/**
 * src/sections.ts merges each section's tables with a plain object merge, so a key two sections
 * declare differently would silently take the later one's meaning: the same LoginRadius code
 * mapped to two GraphQL errors, a body key renamed two ways, a scope described twice. (A field's
 * cost is declared once, on the field: src/graphql/policy/.)
 * Sharing an identical row (credential codes, 938) is fine; disagreeing is not.
 */
const conflicts = (pick: (s: AnySection) => Readonly<Record<string, unknown>>): string[] => {
  const seen = new Map<string, { section: string; value: unknown }>();
  const found: string[] = [];
  for (const section of SECTIONS as readonly AnySection[])
    for (const [key, value] of Object.entries(pick(section))) {
      const before = seen.get(key);
      if (before && !isDeepStrictEqual(before.value, value))
        found.push(`${key}: ${before.section} and ${section.name} disagree`);
      else seen.set(key, { section: section.name, value });
    }
  return found;
};

describe("the merged section tables", () => {
  it("lists each section once", () => {
    const names = SECTIONS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("has no LoginRadius code mapped two ways", () => {
    expect(conflicts((s) => s.errorRows)).toEqual([]);
  });

  it("has no body key renamed two ways", () => {
    expect(conflicts((s) => s.fieldRenames)).toEqual([]);
  });

  it("has no scope defined two ways", () => {
    expect(conflicts((s) => s.scopes)).toEqual([]);
  });
});

/**
 * Codes about the account and its identifiers that several sections' endpoints answer (no such
 * account, an email or phone taken or invalid, an email already verified): each section must map
 * them alone, not through another section's table being registered beside it.
 */
const ACCOUNT_CODES = [938, 936, 1043, 1058, 1096, 1126];

describe("each section's error table on its own", () => {
  const codeOf = (list: readonly AnySection[], errorCode: number) =>
    createUpstreamErrorMapping(errorTableOf(list)).translate(
      new UpstreamError("rejected", "GET /x", 404, errorCode),
    ).extensions;

  it.each(SECTIONS.map((s) => [s.name, s] as const))(
    "%s maps the account codes as the whole service does",
    (_, section) => {
      for (const errorCode of ACCOUNT_CODES)
        expect({ errorCode, ...codeOf([section], errorCode) }).toEqual({
          errorCode,
          ...codeOf(SECTIONS, errorCode),
        });
      expect(codeOf([section], 938)).toMatchObject({ code: "NOT_FOUND" });
    },
  );
});
