import { renameSync, rmSync, writeFileSync } from "node:fs";

/**
 * Writes `text` to a temp file beside `target`, then renames it over the target: a generator
 * that fails half way (a schema that does not build, a full disk) leaves the old file, never an
 * empty or partial one. The scripts that write generated files all go through here.
 */
export const writeAtomically = (target: string, text: string): void => {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
};
