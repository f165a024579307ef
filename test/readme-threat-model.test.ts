import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The threat model (docs/security.md, "## Threat model") names, for each attack class, the test that proves its control:
 * every named test file must exist, and every hostile-caller test file must be named there, so
 * neither side drifts.
 */
const root = new URL("../", import.meta.url);
const page = readFileSync(new URL("docs/security.md", root), "utf8");
const section = (() => {
  const start = page.indexOf("\n## Threat model\n");
  const rest = page.slice(start + 1);
  const next = rest.indexOf("\n## ", 1);
  return start < 0 ? "" : next < 0 ? rest : rest.slice(0, next);
})();
const named = [...section.matchAll(/`((?:test|src|scripts)\/[\w./-]+\.(?:ts|mjs))`/g)].map(
  (m) => m[1] ?? "",
);

describe("the threat model in docs/security.md", () => {
  it("has one row per attack class, each with a control and a test", () => {
    const rows = section.split("\n").filter((line) => /^\| [^-]/.test(line));
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows.slice(1)) expect(row.split("|").filter((c) => c.trim()).length).toBe(3);
  });

  it("names only test files that exist", () => {
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((file) => !existsSync(new URL(file, root)))).toEqual([]);
  });

  it("names every hostile-caller test file", () => {
    const hostile = [
      "memory",
      "limits",
      "work",
      "audit",
      "audit-lines",
      "scope",
      "links",
      "outcomes",
      "edge",
      "ops",
      "fidelity",
    ].map((part) => `test/hostile-${part}.test.ts`);
    for (const file of hostile) expect(existsSync(new URL(file, root)), file).toBe(true);
    expect(hostile.filter((file) => !named.includes(file))).toEqual([]);
  });
});
