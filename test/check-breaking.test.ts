import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** scripts/check-breaking.mjs, run as `npm test` runs it, on fixture schemas and changelogs. */
const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = (name: string) => `test/fixtures/breaking/${name}`;

const check = (args: string[]) =>
  new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      process.execPath,
      ["scripts/check-breaking.mjs", ...args],
      { cwd: root },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          out: `${stdout}${stderr}`,
        }),
    );
  });

const against = (current: string, changelog: string) =>
  check([
    "--released",
    fixture("released.graphql"),
    "--current",
    fixture(current),
    "--changelog",
    fixture(changelog),
  ]);

describe("the breaking-change guard", () => {
  it("fails on a removed field the changelog does not declare", async () => {
    const result = await against("removed-field.graphql", "changelog-undeclared.md");
    expect(result.code).toBe(1);
    expect(result.out).toContain("BREAKING, NOT DECLARED: Account.name:");
    // The line to add, as the guard prints it; a declaration under a released version is ignored.
    expect(result.out).toContain("- BREAKING: Account.name <why, what clients do>");
  });

  it("passes when the Unreleased section declares the break", async () => {
    const result = await against("removed-field.graphql", "changelog-declared.md");
    expect(result.code).toBe(0);
    expect(result.out).toContain("breaking, declared: Account.name:");
    expect(result.out).toContain("1 breaking (all declared)");
  });

  it("passes dangerous and additive changes without any declaration", async () => {
    const result = await against("dangerous.graphql", "changelog-undeclared.md");
    expect(result.code).toBe(0);
    expect(result.out).toContain("dangerous (allowed): Provider.GITHUB:");
    expect(result.out).toContain("0 breaking (all declared)");
  });

  it("passes on the repository's schema against its last release", async () => {
    const result = await check([]);
    expect(result.out).toContain("breaking (all declared)");
    expect(result.code).toBe(0);
  });

  it("refuses to guess when the released schema is missing", async () => {
    const result = await check(["--released", fixture("nothing.graphql")]);
    expect(result.code).toBe(2);
    expect(result.out).toContain("does not exist");
  });
});
