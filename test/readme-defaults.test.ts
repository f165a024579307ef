import { readdirSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readConfig } from "../src/config.js";
import { readEmulatorConfig } from "../src/emulator/config.js";
import { type Env, EnvReader } from "../src/env.js";

/**
 * Every `| Variable | Default | ... |` table of the service's documentation (README.md and every
 * docs/*.md: the configuration table lives in docs/operations.md, the limits in docs/security.md)
 * and of src/emulator/README.md is checked against the config readers, row by row, whoever added
 * the row: a default written as one literal (`4000`) must change nothing when set explicitly,
 * under every base environment (so a page saying `20` where the code says 50 fails), and the
 * variable must be one the reader consults (setting it to something else changes the outcome).
 * The other way round, every variable the readers consult must be named somewhere in those pages.
 */
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const SERVICE_PAGES = [
  "README.md",
  ...readdirSync(new URL("../docs/", import.meta.url))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];

const GUID_KEY = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const GUID_SECRET = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
/** With the embedded emulator (no credentials) and with real LoginRadius (auth waived). */
const EMULATED: Env = {};
const REAL: Env = {
  LOGINRADIUS_API_KEY: GUID_KEY,
  LOGINRADIUS_API_SECRET: GUID_SECRET,
  AUTH_DISABLED: "true",
};

interface Reader {
  read(env: Env): unknown;
  /** Base environments; a literal default must be a no-op in each. */
  bases: readonly Env[];
}

const SERVICE: Reader = { read: readConfig, bases: [EMULATED, REAL] };
const EMULATOR: Reader = { read: readEmulatorConfig, bases: [EMULATED] };

/**
 * Defaults that are no single literal, each with why. Anything else must be `literal`, or start
 * with "unset", "empty" or "see" (nothing to compare; the variable must still be read).
 */
const DERIVED: Record<string, string> = {
  ALLOWED_HOSTS: "the bound HOST plus the loopback names (defaultHostRules)",
};

interface Row {
  names: string[];
  defaultCell: string;
}

const cellsOf = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());

/** Rows of every table whose first two header cells are Variable and Default. */
const variableRows = (markdown: string): Row[] => {
  const rows: Row[] = [];
  let inTable = false;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      inTable = false;
      continue;
    }
    const cells = cellsOf(line);
    if (cells[0] === "Variable" && cells[1] === "Default") inTable = true;
    else if (inTable && !cells.every((cell) => /^:?-+:?$/.test(cell)))
      if (!/^`[A-Z_]+\*`$/.test(cells[0] ?? ""))
        // `EMULATOR_*` points at another table (checked below); `...` at prose.
        rows.push({
          names: [...(cells[0] ?? "").matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1] as string),
          defaultCell: cells[1] ?? "",
        });
  }
  return rows;
};

/** The outcome of reading `env`: the config, or the ConfigError's problems. */
const outcome = (reader: Reader, env: Env): unknown => {
  try {
    return { config: reader.read(env) };
  } catch (error) {
    return { problems: (error as { problems?: unknown }).problems ?? String(error) };
  }
};

const sameAs = (reader: Reader, base: Env, extra: Env): boolean =>
  isDeepStrictEqual(outcome(reader, { ...base, ...extra }), outcome(reader, base));

/** Some other value for `name`: the literal plus one for numbers, else a string no reader takes. */
const otherValue = (literal: string | undefined): string =>
  literal !== undefined && /^\d+$/.test(literal) ? String(Number(literal) + 1) : "x-other";

/** What is wrong with one row, as sentences naming the variable; [] when it matches the code. */
const rowProblems = (reader: Reader, row: Row): string[] => {
  const problems: string[] = [];
  const literal = /^`([^`]*)`$/.exec(row.defaultCell)?.[1];
  const conditional = /^`([^`]*)` with the emulator, else `([^`]*)`$/.exec(row.defaultCell);
  const prose = /^(unset|empty|see )/.test(row.defaultCell);
  for (const name of row.names) {
    if (literal === undefined && !conditional && !prose && !(name in DERIVED))
      problems.push(`${name}: write the default as one \`literal\` (got "${row.defaultCell}").`);
    if (
      literal !== undefined &&
      !reader.bases.every((base) => sameAs(reader, base, { [name]: literal }))
    )
      problems.push(`${name}: the README says ${literal}, the code's default differs.`);
    if (conditional) {
      const [, emulated, real] = conditional;
      if (!sameAs(reader, EMULATED, { [name]: emulated }))
        problems.push(`${name}: with the emulator the default is not ${emulated}.`);
      if (!sameAs(reader, REAL, { [name]: real }))
        problems.push(`${name}: with LoginRadius the default is not ${real}.`);
    }
    const other = otherValue(literal ?? conditional?.[1]);
    if (reader.bases.every((base) => sameAs(reader, base, { [name]: other })))
      problems.push(`${name}: documented, but setting it changes nothing.`);
  }
  return problems;
};

/** The variables a reader consults with `env`, by spying on the one place every read goes. */
const consulted = (reader: Reader): Set<string> => {
  const spy = vi.spyOn(EnvReader.prototype, "string");
  for (const base of reader.bases) outcome(reader, base);
  const names = new Set(spy.mock.calls.map(([name]) => name));
  spy.mockRestore();
  return names;
};

afterEach(() => vi.restoreAllMocks());

describe.each([
  { name: "README.md and docs/*.md", files: SERVICE_PAGES, reader: SERVICE },
  { name: "src/emulator/README.md", files: ["src/emulator/README.md"], reader: EMULATOR },
])("the variable tables of $name", ({ files, reader }) => {
  const text = files.map(read).join("\n");
  const rows = variableRows(text);

  it("has rows, each naming a variable", () => {
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) expect(row.names.length, JSON.stringify(row)).toBeGreaterThan(0);
  });

  it("states each variable's default as the code has it", () => {
    expect(rows.flatMap((row) => rowProblems(reader, row))).toEqual([]);
  });

  it("names every variable the reader consults", () => {
    const missing = [...consulted(reader)].filter(
      (name) => !new RegExp(`\\b${name}\\b`).test(text),
    );
    expect(missing).toEqual([]);
  });
});

describe("a drifted row", () => {
  it("fails: a default, a conditional default or a variable nothing reads", () => {
    const drifted = variableRows(
      [
        "| Variable | Default | Refused with | What it bounds |",
        "| --- | --- | --- | --- |",
        "| `RATE_LIMIT_OPS_PER_SECOND` | `20` | `RATE_LIMITED` (429) | operations per second |",
        "| `RATE_LIMIT_OPS_BURST` | `40` | | burst |",
        "| `GRAPHQL_INTROSPECTION` | `false` with the emulator, else `false` | | |",
        "| `MAX_WIDGETS` | `7` | | read by nothing |",
        "| `PORT` | about 4000 | | |",
        "| `PORT` | `4000` | | the right one |",
      ].join("\n"),
    );
    expect(drifted.flatMap((row) => rowProblems(SERVICE, row))).toEqual([
      "RATE_LIMIT_OPS_PER_SECOND: the README says 20, the code's default differs.",
      "RATE_LIMIT_OPS_BURST: the README says 40, the code's default differs.",
      "GRAPHQL_INTROSPECTION: with the emulator the default is not false.",
      "MAX_WIDGETS: documented, but setting it changes nothing.",
      'PORT: write the default as one `literal` (got "about 4000").',
    ]);
  });
});
