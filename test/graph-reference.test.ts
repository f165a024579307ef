import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * docs/graph-reference.md is generated from schema.graphql (itself checked against the code by
 * test/schema.test.ts): the file must be what scripts/graph-reference.ts prints now, so a field,
 * argument or description changed in the code and not regenerated (`npm run schema`) fails here.
 */
const generated = () =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/graph-reference.ts"], {
    encoding: "utf8",
  });

describe("docs/graph-reference.md", () => {
  const run = generated();
  const file = readFileSync(new URL("../docs/graph-reference.md", import.meta.url), "utf8");
  const schema = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");

  it("is what scripts/graph-reference.ts prints from schema.graphql (run `npm run schema`)", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(file).toBe(run.stdout);
  });

  it("has a heading for every query and mutation of the schema, with its description", () => {
    const roots = (type: "Query" | "Mutation") => {
      const body = new RegExp(`\\ntype ${type} \\{\\n([\\s\\S]*?)\\n\\}`).exec(schema)?.[1] ?? "";
      return [...body.matchAll(/^ {2}(\w+)[(:]/gm)].map((m) => m[1]);
    };
    const headings = [...file.matchAll(/^### `(\w+)[(:]/gm)].map((m) => m[1]);
    const fields = [...roots("Query"), ...roots("Mutation")];
    expect(fields.length).toBeGreaterThan(40);
    expect(headings.slice(0, fields.length)).toEqual(fields);
    expect(file).toContain("The account with this UID, or null.");
  });
});
