import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type CoverageLine,
  coverageLines,
  emulatorFiles,
  renderDoc,
  shape,
} from "../scripts/endpoint-coverage.js";
import { DEFAULT_PASSWORD_POLICY } from "../src/emulator/core/password.js";
import { EMULATED } from "../src/emulator/sections.js";
import { toyService } from "./fixtures/toy-service-section/index.js";

/**
 * docs/endpoint-coverage.md promises a row for every /identity/v2/manage Account API endpoint of
 * the official SDK and the docs, naming the emulator file that serves it. The rows are made from
 * the sections' endpoint tables; these checks keep the file equal to them and the promise kept as
 * sections are added: an endpoint no emulator file serves, a served route without a row, or an
 * SDK method without a row fails here.
 */
const DOC = "docs/endpoint-coverage.md";
const files = await emulatorFiles();
const lines: CoverageLine[] = await coverageLines(undefined, files);

const options = { seed: "none" as const, seedCount: 0, password: DEFAULT_PASSWORD_POLICY };
/**
 * The Account API routes the emulator serves. The webhook subscription routes (`/v2/manage/webhooks`,
 * the SDK's webHookApi) are not Account API and the service never calls them: docs/webhooks.md and
 * test/emulator-sdk-webhooks.test.ts cover them.
 */
const served = EMULATED.flatMap((section) =>
  section.routes(options).map((route) => ({ section: section.name, route })),
).filter(({ route }) => route.path.startsWith("/identity/"));

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
  it("is the table the sections' endpoint tables make (npm run docs:coverage)", () => {
    const current = readFileSync(DOC, "utf8");
    expect(current).toBe(renderDoc(current, lines));
  });

  it("has management rows, and Authentication API rows only for Identities", () => {
    expect(lines.length).toBeGreaterThan(50);
    // The management API; the passkey second-factor reset, a management call (API key, secret and
    // uid) the docs put under /identity/v2/auth/account; and the Authentication API calls linking
    // identities needs (the Identities section, served by src/emulator/identities/).
    for (const line of lines)
      if (line.section === "Search")
        // The Cloud Directory's own base URL (LOGINRADIUS_SEARCH_URL): `/identity` and nothing else.
        expect(line.path, JSON.stringify(line)).toBe("/identity");
      else if (line.section === "Identities")
        expect(line.path, JSON.stringify(line)).toMatch(/^\/identity\/v2\/auth\//);
      else
        expect(line.path, JSON.stringify(line)).toMatch(
          /^\/identity\/v2\/(manage|auth\/account)\//,
        );
  });

  it("names, for every row, an emulator file that exists and serves it", () => {
    const unserved = lines.filter((l) => l.file === null).map((l) => `${l.method} ${l.path}`);
    expect(unserved).toEqual([]);
    for (const line of lines)
      expect(existsSync(line.file as string), line.file as string).toBe(true);
  });

  it("has a row for every route the emulator serves, its file in the section's folder", () => {
    const shapes = new Set(lines.map((l) => shape(l.method, l.path)));
    for (const { section, route } of served) {
      expect(shapes.has(shape(route.method, route.path)), `${route.method} ${route.path}`).toBe(
        true,
      );
      const folder = `src/emulator/${section.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}/`;
      expect(files.get(shape(route.method, route.path)), route.path).toMatch(
        new RegExp(`^${folder}`),
      );
    }
  });

  it("has a row for every /identity/v2/manage method of the official SDK", () => {
    const methods = sdkManageMethods();
    expect(methods.length).toBeGreaterThan(50);
    const cells = lines.map((l) => l.sdk).join(" ");
    for (const method of methods) expect(cells, method).toContain(method);
  });

  it("picks up a section added to the list, with no other edit", async () => {
    const toy = await coverageLines([toyService], files);
    expect(toy.map((l) => [l.section, l.method, l.path, l.graph, l.file])).toEqual([
      ["Toy", "GET", "/identity/v2/manage/toy/{uid}/note", ["Query.toyNotes"], null],
      ["Toy", "POST", "/identity/v2/manage/toy/{uid}/note", ["Mutation.addToyNote"], null],
    ]);
  });
});
