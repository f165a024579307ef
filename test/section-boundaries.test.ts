import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { crossSectionImports, sectionFolders } from "./helpers/section-imports.js";

const SRC = resolve("src");

/** A copy of `src/` to plant imports in; the real tree is never touched. */
const copies: string[] = [];
const copyOfSrc = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "section-boundaries-"));
  copies.push(dir);
  cpSync(SRC, join(dir, "src"), { recursive: true });
  return join(dir, "src");
};

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe("section boundaries", () => {
  it("finds every registered section on both sides", () => {
    const names = sectionFolders(SRC).map((f) => relative(SRC, f));
    expect(names).toContain("accounts");
    expect(names).toContain(join("emulator", "accounts"));
    // Both registries are read: service sections and emulated ones (their lists differ).
    expect(names.filter((n) => !n.startsWith("emulator")).length).toBeGreaterThanOrEqual(6);
    expect(names.filter((n) => n.startsWith("emulator")).length).toBeGreaterThanOrEqual(6);
  });

  it("no file imports another section's internal file (only its index.ts)", () => {
    expect(crossSectionImports(SRC)).toEqual([]);
  });

  it("catches an import planted into a copy of src/, on either side, and only that one", () => {
    const root = copyOfSrc();
    appendFileSync(
      join(root, "roles", "role.field.resolver.ts"),
      'import { toAccount } from "../accounts/account.fields.js";\nvoid toAccount;\n',
    );
    appendFileSync(
      join(root, "emulator", "tokens", "sott.routes.ts"),
      'export type { StoredProfile } from "../accounts/profile.js";\n',
    );
    appendFileSync(
      join(root, "graphql", "selection.ts"),
      'const lazy = () => import("../security/security.mapper.js");\nvoid lazy;\n',
    );
    expect(crossSectionImports(root)).toEqual([
      join("emulator", "tokens", "sott.routes.ts -> emulator", "accounts", "profile.ts"),
      join("graphql", "selection.ts -> security", "security.mapper.ts"),
      join("roles", "role.field.resolver.ts -> accounts", "account.fields.ts"),
    ]);
  });

  it("lets any file import a section through its index.ts", () => {
    const root = copyOfSrc();
    appendFileSync(
      join(root, "roles", "role.field.resolver.ts"),
      'export type { Account } from "../accounts/index.js";\n',
    );
    expect(crossSectionImports(root)).toEqual([]);
  });
});

describe("error translation stays in the tables", () => {
  /** Every section's repositories: the layer between resolvers and clients. */
  const repositories = sectionFolders(SRC).flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith(".repository.ts"))
      .map((name) => join(folder, name)),
  );

  it("finds the repositories", () => {
    expect(repositories.length).toBeGreaterThanOrEqual(5);
  });

  it("no repository builds a GraphQLError: upstream errors reach clients through the error tables", () => {
    const building = repositories.filter((path) =>
      /\bGraphQLError\b/.test(readFileSync(path, "utf8")),
    );
    expect(building.map((path) => relative(SRC, path))).toEqual([]);
  });
});
