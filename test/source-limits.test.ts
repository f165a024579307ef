import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * STYLE.md's limits: no file over 300 lines, no function over 60 lines. Checked with the
 * TypeScript parser (every function declaration, expression, arrow, method, constructor and
 * accessor), so nested and one-line functions count correctly. All of `src/`, tests beside the
 * code included; generated files (`src/generated/`) aside.
 */
const ROOTS = ["src"];
const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });

const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

/** `path:line name (n lines)` for every function longer than the limit. */
const longFunctions = (path: string, text: string): string[] => {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node) && node.body) {
      const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const end = file.getLineAndCharacterOfPosition(node.end).line;
      const lines = end - start + 1;
      const holder = ts.isVariableDeclaration(node.parent) ? node.parent.name : node.name;
      const name = holder?.getText(file) ?? "(anonymous)";
      if (lines > MAX_FUNCTION_LINES) found.push(`${path}:${start + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
};

const files = ROOTS.flatMap(sourceFiles);

describe("source limits", () => {
  it("finds the files it checks", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it(`no file over ${MAX_FILE_LINES} lines`, () => {
    const long = files
      .map((path) => ({ path, lines: readFileSync(path, "utf8").split("\n").length }))
      .filter(({ lines }) => lines > MAX_FILE_LINES)
      .map(({ path, lines }) => `${path} (${lines} lines)`);
    expect(long).toEqual([]);
  });

  it(`no function over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(files.flatMap((path) => longFunctions(path, readFileSync(path, "utf8")))).toEqual([]);
  });

  it("measures what it claims: 61 lines are reported, 60 are not", () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`);
    const f = `export const f = () => {\n${lines(59).join("\n")}\n};\n`;
    const g = `function g() {\n${lines(58).join("\n")}\n}\n`;
    expect(longFunctions("x.ts", f)).toEqual(["x.ts:1 f (61 lines)"]);
    expect(longFunctions("x.ts", g)).toEqual([]);
  });
});
