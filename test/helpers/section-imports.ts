import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/**
 * The import boundary between sections (docs/section-boundaries.md): a section's `index.ts` is all
 * that code outside its folder may import, on either side (the service's `src/<s>/`, the
 * emulator's `src/emulator/<s>/`). What several sections need lives in modules that name no
 * section. The section folders are read from the two registries, so a new section is checked
 * without anyone listing it here.
 */

/** The registries, relative to the source root, and the folder their sections live under. */
const REGISTRIES = [
  { file: "sections.ts", under: "." },
  { file: join("emulator", "sections.ts"), under: "emulator" },
];

/** Section folders (absolute), from the `./<name>/index.js` imports of each registry. */
export const sectionFolders = (root: string): string[] =>
  REGISTRIES.flatMap(({ file, under }) => {
    const path = join(root, file);
    if (!existsSync(path)) return [];
    const text = readFileSync(path, "utf8");
    return [...text.matchAll(/from\s+["']\.\/([\w-]+)\/index\.js["']/g)].map((m) =>
      resolve(root, under, m[1] as string),
    );
  });

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });

/** Every module specifier a file names: imports, `export ... from`, `import()`, `import type`. */
export const specifiersOf = (path: string, text: string): string[] => {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
};

const within = (folder: string, path: string): boolean => path.startsWith(folder + sep);

/** The section folder holding a path, the deepest one (an emulator section inside `src/`). */
const folderOf = (folders: string[], path: string): string | undefined =>
  folders.filter((f) => within(f, path)).sort((a, b) => b.length - a.length)[0];

/**
 * `file -> target` (relative to `root`) for every import of another section's file other than
 * its `index.ts`, from any file under `root` outside that section (another section, the
 * plumbing, the registries). Relative specifiers only: sections import each other no other way.
 */
export const crossSectionImports = (root: string): string[] => {
  const folders = sectionFolders(root);
  return sourceFiles(root)
    .flatMap((path) => {
      const own = folderOf(folders, path);
      return specifiersOf(path, readFileSync(path, "utf8"))
        .filter((s) => s.startsWith("."))
        .map((s) => resolve(dirname(path), s.replace(/\.js$/, ".ts")))
        .filter((target) => {
          const theirs = folderOf(folders, target);
          return theirs !== undefined && theirs !== own && target !== join(theirs, "index.ts");
        })
        .map((target) => `${relative(root, path)} -> ${relative(root, target)}`);
    })
    .sort();
};
