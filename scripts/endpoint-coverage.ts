import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_PASSWORD_POLICY } from "../src/emulator/core/password.js";
import { EMULATED } from "../src/emulator/sections.js";
import type { Coverage, EndpointTable } from "../src/loginradius/endpoints.js";
import { SECTIONS } from "../src/sections.js";
import { writeAtomically } from "./write-atomically.js";

/**
 * docs/endpoint-coverage.md's table, made from the sections' endpoint tables (src/<section>/
 * *.client.ts): one line per documented operation, with the emulator file that serves it found
 * by reading the emulator's route files. `npm run docs:coverage` writes it between the markers;
 * test/endpoint-coverage.test.ts fails when the file and the tables disagree.
 */

export const START =
  "<!-- endpoint-coverage:start: generated from the sections' endpoint tables by `npm run docs:coverage`; edit the tables, not these lines -->";
export const END = "<!-- endpoint-coverage:end -->";

/** One operation of the table, as docs/endpoint-coverage.md shows it. */
export interface CoverageLine {
  section: string;
  method: string;
  path: string;
  toldApartBy: string;
  sdk: string;
  reference: string;
  note: string;
  graph: string[];
  graphNote: string;
  /** The emulator route file that serves it (`src/emulator/accounts/profile.routes.ts`). */
  file: string | null;
}

/** `{uid}`, `{contextName}`... are all one parameter; literal segments match in any casing. */
export const shape = (method: string, path: string) =>
  `${method} ${path.toLowerCase().replace(/\{[^}]+\}/g, "{}")}`;

/** A section's folder: its name in kebab-case (`customObjects` lives in `custom-objects/`). */
export const folderOf = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const ROUTE_OPTIONS = { seed: "none" as const, seedCount: 0, password: DEFAULT_PASSWORD_POLICY };

/** The routes a module exports (arrays of routes, or functions of the section options). */
const routesOf = (module: Record<string, unknown>): string[] =>
  Object.values(module).flatMap((value) => {
    let list: unknown = value;
    if (typeof value === "function")
      try {
        list = (value as (o: unknown) => unknown)(ROUTE_OPTIONS);
      } catch {
        list = undefined;
      }
    if (!Array.isArray(list)) return [];
    return list
      .filter((item) => item && typeof item === "object" && "method" in item && "path" in item)
      .map((item) => shape(String(item.method), String(item.path)));
  });

/** Route shape -> the `*.routes.ts` file exporting it, over the given emulator folders. */
export const emulatorFiles = async (
  folders: readonly string[] = EMULATED.map((s) => `src/emulator/${folderOf(s.name)}`),
): Promise<Map<string, string>> => {
  const files = new Map<string, string>();
  for (const folder of folders)
    for (const name of readdirSync(folder)
      .filter((f) => f.endsWith(".routes.ts"))
      .sort()) {
      const file = join(folder, name);
      const module = await import(pathToFileURL(file).href);
      for (const route of routesOf(module)) if (!files.has(route)) files.set(route, file);
    }
  return files;
};

interface Operation {
  method: string;
  path: string;
  coverage: readonly Coverage[];
  variant?: string;
}

const operationsOf = (table: EndpointTable): Operation[] =>
  Object.values(table.rows).flatMap((row): Operation[] => {
    if (row.kind === "documented") return [row];
    if (row.kind === "call") return [{ ...row.endpoint, coverage: row.coverage }];
    return Object.entries(row.variants).map(([variant, call]) => ({
      ...call.endpoint,
      coverage: call.coverage,
      variant,
    }));
  });

const lineOf = (table: EndpointTable, op: Operation, c: Coverage): CoverageLine => ({
  section: c.section ?? table.section,
  method: op.method,
  path: op.path,
  toldApartBy: c.toldApartBy ?? "",
  sdk: c.sdk ?? "",
  reference: c.reference ?? "",
  note: c.note ?? "",
  graph: [...c.graph],
  graphNote: c.graphNote ?? (op.variant ? `(\`${op.variant}\`)` : ""),
  file: null,
});

/**
 * Every documented operation of the given sections, in their order. Rows of two sections with
 * the same method, path and qualifier are one operation (Identities reads the profile Accounts
 * reads): one line, the first row's names, every row's fields.
 */
export const coverageLines = async (
  sections: readonly { endpoints: EndpointTable }[] = SECTIONS,
  files?: Map<string, string>,
): Promise<CoverageLine[]> => {
  const served = files ?? (await emulatorFiles());
  const byKey = new Map<string, CoverageLine>();
  for (const { endpoints } of sections)
    for (const op of operationsOf(endpoints))
      for (const c of op.coverage) {
        const line = lineOf(endpoints, op, c);
        const key = `${line.method} ${line.path} ${line.toldApartBy}`;
        const first = byKey.get(key);
        if (!first)
          byKey.set(key, { ...line, file: served.get(shape(op.method, op.path)) ?? null });
        else first.graph.push(...line.graph.filter((g) => !first.graph.includes(g)));
      }
  const lines = [...byKey.values()];
  const unnamed = lines.filter((l) => !l.sdk || !l.reference);
  if (unnamed.length > 0)
    throw new Error(`no SDK method or reference: ${unnamed.map((l) => `${l.method} ${l.path}`)}`);
  return lines;
};

const code = (text: string) => `\`${text}\``;
/** A bare name is code; a note (`– (docs only)`) is written as it is. */
const named = (text: string, pattern: RegExp) => (pattern.test(text) ? code(text) : text);

const graphCell = (line: CoverageLine): string =>
  line.graph.length === 0
    ? `– (${line.graphNote})`
    : [line.graph.map(code).join(", "), line.graphNote].filter(Boolean).join(" ");

const HEADER = [
  "#",
  "Section",
  "Method",
  "Path",
  "Told apart by",
  "Official SDK method",
  "LoginRadius docs",
  "Emulator file",
  "GraphQL field",
];

const cellsOf = (line: CoverageLine, i: number): string[] => [
  String(i + 1),
  line.section,
  line.method,
  code(line.path),
  line.toldApartBy,
  named(line.sdk, /^\w+\.\w+$/),
  [named(line.reference, /^[\w\-/]+$/), line.note].filter(Boolean).join(" "),
  line.file ? code(line.file) : "–",
  graphCell(line),
];

/** The markdown table, its columns padded to one width so the file reads as a table too. */
export const renderTable = (lines: readonly CoverageLine[]): string => {
  const rows = [HEADER, ...lines.map(cellsOf)];
  const widths = HEADER.map((_, c) => Math.max(3, ...rows.map((r) => (r[c] ?? "").length)));
  const row = (cells: string[]) =>
    `| ${cells.map((x, c) => x.padEnd(widths[c] ?? 0)).join(" | ")} |`;
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  return [row(HEADER), rule, ...rows.slice(1).map(row)].join("\n");
};

/** The document with the text between its markers replaced by the table of `lines`. */
export const renderDoc = (current: string, lines: readonly CoverageLine[]): string => {
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the document has no ${START} ... ${END} markers`);
  return `${current.slice(0, start + START.length)}\n\n${renderTable(lines)}\n\n${current.slice(end)}`;
};

/** `tsx scripts/endpoint-coverage.ts [file]`: rewrites the file (default the coverage doc). */
const main = async (target = "docs/endpoint-coverage.md") => {
  const text = renderDoc(readFileSync(target, "utf8"), await coverageLines());
  writeAtomically(target, text);
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main(process.argv[2]);
