import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { policyRows } from "../src/graphql/policy/index.js";
import { renderFieldPolicy } from "../src/graphql/policy/policy-doc.js";
import { buildAppSchema } from "../src/schema.js";
import { scopesOf } from "../src/sections.js";
import { listedIn } from "./helpers/policy-lists.js";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");

describe("docs/field-policy.md", async () => {
  const schema = await buildAppSchema();
  const doc = read("docs/field-policy.md");

  it("is what the schema's policies say (run `npm run docs:policy` after changing one)", () => {
    expect(doc).toBe(renderFieldPolicy(schema, scopesOf()));
  });

  it("has a row for every field that declares a policy, and every scope", () => {
    const rows = policyRows(schema);
    expect(rows.length).toBeGreaterThan(50);
    const listed = listedIn(doc);
    expect(rows.filter((r) => !listed.has(r.coordinate)).map((r) => r.coordinate)).toEqual([]);
    expect(Object.keys(scopesOf()).filter((s) => !listed.has(s))).toEqual([]);
  });

  // A child process builds the schema: slow on a loaded machine, whatever this code does.
  it("is written by `npm run docs:policy` (scripts/field-policy.ts)", { timeout: 60_000 }, () => {
    const target = join(mkdtempSync(join(tmpdir(), "field-policy-")), "field-policy.md");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/field-policy.ts", target],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(doc);
  });
});
