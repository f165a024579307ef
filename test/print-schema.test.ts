import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const printSchema = (target: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/print-schema.ts", target], {
    encoding: "utf8",
  });

describe("npm run schema (scripts/print-schema.ts)", () => {
  it("replaces the target with the schema, and on failure leaves nothing half-written", () => {
    const dir = mkdtempSync(join(tmpdir(), "print-schema-"));
    const target = join(dir, "schema.graphql");
    writeFileSync(target, "old\n");
    expect(printSchema(target).status).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(readFileSync("schema.graphql", "utf8"));
    expect(readdirSync(dir)).toEqual(["schema.graphql"]);

    // A target that cannot be replaced (a directory in its way): non-zero, no temp file left.
    const blocked = join(dir, "blocked");
    mkdirSync(join(blocked, "inside"), { recursive: true });
    expect(printSchema(blocked).status).not.toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["blocked", "schema.graphql"]);
  });
});
