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
      method: cells[3] as string,
      path: code(cells[4]) as string,
      sdk: cells[6] as string,
      file: code(cells[8]),
    };
  });

/** `{uid}`, `{contextName}`... are all one parameter; literal segments match in any casing. */
const shape = (method: string, path: string) =>
  `${method} ${path.toLowerCase().replace(/\{[^}]+\}/g, "{}")}`;

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
    for (const row of rows)
      expect(row.path, JSON.stringify(row)).toMatch(/^\/identity\/v2\/manage/);
  });

  it("has a row naming its section's folder for every route the emulator serves", () => {
    for (const { section, route } of served) {
      const mine = rows.filter((r) => shape(r.method, r.path) === shape(route.method, route.path));
      expect(mine.length, `${route.method} ${route.path}`).toBeGreaterThan(0);
      for (const row of mine)
        expect(row.file, `${route.method} ${route.path}`).toMatch(/^src\/emulator\//);
      expect(
        mine.some((r) => r.file?.startsWith(`src/emulator/${section}/`)),
        `${route.method} ${route.path} is served by ${section}`,
      ).toBe(true);
    }
  });

  it("names only files that exist and routes that are served", () => {
    const shapes = new Set(served.map(({ route }) => shape(route.method, route.path)));
    for (const row of rows.filter((r) => r.file !== null)) {
      expect(existsSync(row.file as string), row.file as string).toBe(true);
      // The file declares the path (`${ACCOUNT}/passkey/{passkeyid}`): its tail after the base.
      const tail = row.path.replace(/^\/identity\/v2\/manage\/(account|role)/, "").toLowerCase();
      const source = readFileSync(row.file as string, "utf8").toLowerCase();
      if (tail !== "") expect(source, `${row.file} declares ${row.path}`).toContain(`}${tail}\``);
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
