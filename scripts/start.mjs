// `npm start` / `npm run emulator`: runs the compiled entry point IN THIS PROCESS (no child), so
// the signal a supervisor sends reaches the service itself. Builds dist/ first when it is missing
// or older than src/, so a fresh clone's `npm ci && npm start` works.
// Usage: node scripts/start.mjs [dist entry, default dist/main.js]
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, distIsCurrent, ROOT } from "./dist.mjs";

const entry = process.argv[2] ?? "dist/main.js";
if (!distIsCurrent()) {
  // One JSON line like the service's own (pino's shape), so every stderr line parses.
  const msg = "dist/ is missing or older than src/: building it (npm run build).";
  console.error(JSON.stringify({ level: "info", time: new Date().toISOString(), msg }));
  if (!build()) process.exit(1);
}
await import(pathToFileURL(join(ROOT, entry)).href);
