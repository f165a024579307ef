import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The README's "Endpoint coverage" table is a compact copy of docs/endpoint-coverage.md (Section,
 * Method, Path with the "Told apart by" qualifier in parentheses, GraphQL field). Both are read
 * here and compared row by row, in order, so the two can never drift.
 */
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const cellsOf = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());

const expected = read("docs/endpoint-coverage.md")
  .split("\n")
  .filter((line) => /^\|\s*\d+\s*\|/.test(line))
  .map(cellsOf)
  .map(([, section, method, path, toldApartBy, , , , graph]) => ({
    section,
    method,
    path: toldApartBy ? `${path} (${toldApartBy})` : path,
    graph,
  }));

/** The table of the README's `## Endpoint coverage` section (up to the next `## ` heading). */
const readmeTable = (): string[][] => {
  const readme = read("README.md");
  const start = readme.indexOf("\n## Endpoint coverage\n");
  if (start < 0) return [];
  const rest = readme.slice(start + 1);
  const next = rest.indexOf("\n## ", 1);
  const lines = (next < 0 ? rest : rest.slice(0, next))
    .split("\n")
    .filter((line) => line.startsWith("|"));
  return lines.map(cellsOf);
};

describe("the README's endpoint coverage table", () => {
  const table = readmeTable();
  const [header, separator, ...body] = table;
  const actual = body.map(([section, method, path, graph, ...extra]) => ({
    section,
    method,
    path,
    graph,
    ...(extra.length > 0 ? { extra } : {}),
  }));

  it("has the columns Section | Method | Path | GraphQL field", () => {
    expect(header).toEqual(["Section", "Method", "Path", "GraphQL field"]);
    expect(separator?.every((cell) => /^:?-{3,}:?$/.test(cell))).toBe(true);
  });

  it("has one row per row of docs/endpoint-coverage.md, equal and in the same order", () => {
    expect(expected.length).toBeGreaterThan(0);
    expect(actual.length).toBe(expected.length);
    expect(actual).toEqual(expected);
  });
});
