import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The endpoint coverage table is written once, in docs/endpoint-coverage.md (generated from the
 * sections' endpoint tables by `npm run docs:coverage`, checked by test/endpoint-coverage*.test.ts). The README used to carry a
 * compact copy, compared here row by row; the copy is gone, so this now checks that no page
 * carries one again (a row naming a full `/identity/v2/manage` path and the schema coordinate
 * serving it), and that the README sends its reader to the one table.
 */
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const cellsOf = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());

const COVERAGE = "docs/endpoint-coverage.md";
const pages = [
  "README.md",
  ...readdirSync(new URL("../docs/", import.meta.url))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** Rows shaped like the coverage table's: a full upstream path and a Query/Mutation/type coordinate. */
const coverageRows = (markdown: string): string[] =>
  markdown
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .filter((line) => {
      const cells = cellsOf(line);
      return (
        cells.some((cell) => /^`\/identity\/v2\/(manage|auth)\//.test(cell)) &&
        cells.some((cell) => /`(Query|Mutation|Account)\.\w+`/.test(cell))
      );
    });

describe("the endpoint coverage table", () => {
  it("has rows in docs/endpoint-coverage.md (the shape this test looks for)", () => {
    expect(coverageRows(read(COVERAGE)).length).toBeGreaterThan(50);
  });

  it("is not copied into the README or another docs page", () => {
    const copies = pages
      .filter((page) => page !== COVERAGE)
      .flatMap((page) => coverageRows(read(page)).map((row) => `${page}: ${row.slice(0, 80)}`));
    expect(copies).toEqual([]);
  });

  it("is where the README sends its reader", () => {
    expect(read("README.md")).toContain("(docs/endpoint-coverage.md)");
  });
});
