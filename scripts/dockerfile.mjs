// A small Dockerfile reader: instructions with their arguments, line continuations joined,
// comments dropped. Enough for our own Dockerfile (test/dockerfile.test.ts, docker-dry-run.mjs).
import { readFileSync } from "node:fs";

/** @returns {{ op: string, args: string, line: number }[]} */
export const parseDockerfile = (text) => {
  const steps = [];
  let pending = "";
  let startLine = 0;
  text.split("\n").forEach((raw, index) => {
    const line = raw.trimEnd();
    if (pending === "" && (line.trim() === "" || line.trim().startsWith("#"))) return;
    if (pending !== "" && line.trim().startsWith("#")) return;
    if (pending === "") startLine = index + 1;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1).trim()} `;
      return;
    }
    const full = (pending + line.trim()).trim();
    pending = "";
    const at = full.search(/\s/);
    steps.push({
      op: (at === -1 ? full : full.slice(0, at)).toUpperCase(),
      args: at === -1 ? "" : full.slice(at + 1).trim(),
      line: startLine,
    });
  });
  return steps;
};

export const readDockerfile = (path) => parseDockerfile(readFileSync(path, "utf8"));

/** `["node", "x"]` (exec form) -> argv; shell form -> ["/bin/sh", "-c", text]. */
export const commandOf = (args) =>
  args.startsWith("[") ? JSON.parse(args) : ["/bin/sh", "-c", args];

/** `A=1 B=2` -> { A: "1", B: "2" } (no quoting: our Dockerfile does not need it). */
export const envOf = (args) =>
  Object.fromEntries(
    args
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf("=");
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
  );
