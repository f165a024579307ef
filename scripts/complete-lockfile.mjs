// Records, in package-lock.json, the platform-specific optional packages the npm registry
// reachable here does not serve (e.g. @biomejs/cli-darwin-x64, @rollup/rollup-win32-x64-msvc).
// npm install leaves them out, and `npm ci` then refuses the lock as "out of sync" (npm/cli#9846).
// Each stub says which os/cpu/libc it is for, so npm ci skips it on every other platform.
// Run `npm run lock` instead of a bare `npm install` when dependencies change.
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;

const OSES = [
  "android",
  "darwin",
  "freebsd",
  "linux",
  "openbsd",
  "openharmony",
  "win32",
  "sunos",
  "aix",
  "netbsd",
];

/** `cli-linux-x64-musl` -> { os: ["linux"], cpu: ["x64"], libc: ["musl"] } */
const platformOf = (name) => {
  const parts = name.split("/").pop().split("-");
  const at = parts.findIndex((p) => OSES.includes(p));
  if (at === -1) return undefined;
  const os = parts[at];
  const cpu = parts[at + 1];
  if (!cpu) return undefined;
  const rest = parts.slice(at + 2).join("-");
  const libc =
    os === "linux"
      ? rest.includes("musl")
        ? ["musl"]
        : rest.includes("gnu") || rest === ""
          ? ["glibc"]
          : undefined
      : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
};

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location === "" ? "node_modules" : `${location}/node_modules`;
    const candidates = [`${base}/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => packages[c])) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(range)) continue;
    packages[`node_modules/${name}`] = {
      version: range,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  `complete-lockfile: recorded ${added} platform package(s) the registry does not serve.`,
);
