// What `npm run build` and `npm start` share: is dist/ current, and how to rebuild it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const STAMP = join(ROOT, "dist", ".build-stamp");
const INPUTS = ["tsconfig.json", "tsconfig.build.json", "package.json"];

/** Newest mtime of the sources tsc compiles (src/**\/*.ts but tests) and the configs it reads. */
const newestInput = () => {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith(".ts") && !path.endsWith(".test.ts"))
        newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  if (existsSync(join(ROOT, "src"))) walk(join(ROOT, "src"));
  for (const file of INPUTS)
    if (existsSync(join(ROOT, file))) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  return newest;
};

/**
 * dist/ is current when the stamp a successful build wrote is newer than every input. A copy
 * without src/ (a container image, an `npm ci --omit=dev` install) counts as current.
 */
export const distIsCurrent = () => {
  if (!existsSync(STAMP)) return !existsSync(join(ROOT, "src")) && existsSync(join(ROOT, "dist"));
  return statSync(STAMP).mtimeMs >= newestInput();
};

/** A clean `tsc -p tsconfig.build.json` (no stale files of deleted sources), then the stamp. */
export const build = () => {
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  if (!existsSync(tsc)) {
    console.error(
      "dist/ is missing or older than src/, and TypeScript is not installed to rebuild it: run `npm ci` then `npm run build`.",
    );
    return false;
  }
  const started = Date.now();
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) return false;
  // The stamp's mtime is the build's start: a source saved during the build makes dist/ stale.
  writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
  utimesSync(STAMP, new Date(started), new Date(started));
  return true;
};
