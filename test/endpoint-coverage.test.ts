import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_PASSWORD_POLICY } from "../src/emulator/core/password.js";
import { EMULATED } from "../src/emulator/sections.js";

/**
 * docs/endpoint-coverage.md promises a row for every /identity/v2/manage Account API endpoint of
 * the official SDK and the docs, naming the emulator file that serves it. These checks keep that
 * promise as sections are added: a served route without a row, a row naming a file that does not
 * serve it, or an SDK method without a row fails here.
 */
interface Row {
  section: string;
  method: string;
  path: string;
  sdk: string;
  file: string | null;
}

const rows: Row[] = readFileSync("docs/endpoint-coverage.md", "utf8")
  .split("\n")
  .filter((line) => /^\|\s*\d+\s*\|/.test(line))
  .map((line) => {
    const cells = line.split("|").map((c) => c.trim());
    const code = (cell: string | undefined) => /^`([^`]+)`$/.exec(cell ?? "")?.[1] ?? null;
    return {
      section: cells[2] as string,
      method: cells[3] as string,
      path: code(cells[4]) as string,
      sdk: cells[6] as string,
      file: code(cells[8]),
    };
  });

/** `{uid}`, `{contextName}`... are all one parameter; literal segments match in any casing. */
const shape = (method: string, path: string) =>
  `${method} ${path.toLowerCase().replace(/\{[^}]+\}/g, "{}")}`;

/** A section's folder: its name in kebab-case (`customObjects` lives in `custom-objects/`). */
const folderOf = (section: string) => section.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The routes a file exports (arrays of routes, or functions of the section options returning
 * them): what a row naming that file promises it serves.
 */
const routesExportedBy = async (file: string): Promise<Set<string>> => {
  const module: Record<string, unknown> = await import(`../${file}`);
  const shapes = new Set<string>();
  for (const value of Object.values(module)) {
    const list = typeof value === "function" ? safeCall(value as (o: unknown) => unknown) : value;
    if (!Array.isArray(list)) continue;
    for (const item of list)
      if (item && typeof item === "object" && "method" in item && "path" in item)
        shapes.add(shape(String(item.method), String(item.path)));
  }
  return shapes;
};

const safeCall = (fn: (o: unknown) => unknown): unknown => {
  try {
    return fn(options);
  } catch {
    return undefined;
  }
};

const options = { seed: "none" as const, seedCount: 0, password: DEFAULT_PASSWORD_POLICY };
const served = EMULATED.flatMap((section) =>
  section.routes(options).map((route) => ({ section: section.name, route })),
);

/** `module.name = function` ... `resourcePath = '...identity/v2/manage...'` in the SDK's sources. */
const sdkManageMethods = (): string[] => {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("loginradius-sdk/package.json"));
  const methods: string[] = [];
  for (const group of ["account", "advanced"]) {
    const dir = join(root, "sdk", "api", group);
    for (const file of readdirSync(dir)) {
      const parts = readFileSync(join(dir, file), "utf8").split(/module\.(\w+) = function/);
      for (let i = 1; i < parts.length; i += 2)
        if (/resourcePath\s*=\s*'identity\/v2\/manage/.test(parts[i + 1] as string))
          methods.push(`${file.replace(/\.js$/, "")}.${parts[i]}`);
    }
  }
  return methods;
};

describe("docs/endpoint-coverage.md", () => {
  it("has rows", () => {
    expect(rows.length).toBeGreaterThan(50);
    // The management API; the passkey second-factor reset, a management call (API key, secret and
    // uid) the docs put under /identity/v2/auth/account; and the Authentication API calls linking
    // identities needs (the Identities section, served by src/emulator/identities/).
    for (const row of rows)
      if (row.section === "Search")
        // The Cloud Directory's own base URL (LOGINRADIUS_SEARCH_URL): `/identity` and nothing else.
        expect(row.path, JSON.stringify(row)).toBe("/identity");
      else if (row.section === "Identities")
        expect(row.path, JSON.stringify(row)).toMatch(/^\/identity\/v2\/auth\//);
      else
        expect(row.path, JSON.stringify(row)).toMatch(/^\/identity\/v2\/(manage|auth\/account)\//);
  });

  it("has a row naming its section's folder for every route the emulator serves", () => {
    for (const { section, route } of served) {
      const mine = rows.filter((r) => shape(r.method, r.path) === shape(route.method, route.path));
      expect(mine.length, `${route.method} ${route.path}`).toBeGreaterThan(0);
      for (const row of mine)
        expect(row.file, `${route.method} ${route.path}`).toMatch(/^src\/emulator\//);
      expect(
        mine.some((r) => r.file?.startsWith(`src/emulator/${folderOf(section)}/`)),
        `${route.method} ${route.path} is served by ${section}`,
      ).toBe(true);
    }
  });

  it("names only files that exist and routes that are served", async () => {
    const shapes = new Set(served.map(({ route }) => shape(route.method, route.path)));
    for (const row of rows.filter((r) => r.file !== null)) {
      expect(existsSync(row.file as string), row.file as string).toBe(true);
      const exported = await routesExportedBy(row.file as string);
      expect(
        exported.has(shape(row.method, row.path)),
        `${row.file} exports ${row.method} ${row.path}`,
      ).toBe(true);
      expect(shapes.has(shape(row.method, row.path)), `${row.method} ${row.path}`).toBe(true);
    }
  });

  it("has a row for every /identity/v2/manage method of the official SDK", () => {
    const methods = sdkManageMethods();
    expect(methods.length).toBeGreaterThan(50);
    const cells = rows.map((r) => r.sdk).join(" ");
    for (const method of methods) expect(cells, method).toContain(`\`${method}\``);
  });
});
