// The whole suite once more with every test stack signing its LoginRadius calls against a
// strict-mode emulator (TEST_REQUEST_SIGNING=1, test/helpers/stack.ts), then the recording
// proxies' totals: how many upstream requests, how many signed, how often the API secret was seen.
// Fails when a test failed, when nothing was captured, or when the secret was seen even once.
// Usage: node scripts/signed-run.mjs   (.ci/run runs it after npm test)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "signed-run-"));
const file = join(dir, "capture.jsonl");
const run = spawnSync("npx", ["vitest", "run"], {
  stdio: "inherit",
  env: { ...process.env, TEST_REQUEST_SIGNING: "1", TEST_SIGNING_CAPTURE_FILE: file },
});
let lines = [];
try {
  lines = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {
  lines = [];
}
rmSync(dir, { recursive: true, force: true });
const total = (key) => lines.reduce((sum, line) => sum + (line[key] ?? 0), 0);
const files = new Set(lines.map((line) => line.file)).size;
const requests = total("requests");
const signed = total("signed");
const secret = total("occurrences");
console.log(
  `signed run: ${requests} upstream requests from ${files} test files, ${signed} signed, API secret seen ${secret} times`,
);
if (run.status !== 0 || requests === 0 || secret > 0) process.exit(1);
