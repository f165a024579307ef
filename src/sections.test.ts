import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import type { AnySection } from "./graphql/section.js";
import { SECTIONS } from "./sections.js";

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
