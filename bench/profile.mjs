// `node bench/profile.mjs [scenario] [seconds]`: one facade scenario (default byUid) against the
// emulator at 0 ms, the service under `node --cpu-prof`; prints the top self-time functions and
// leaves the .cpuprofile (open it in Chrome DevTools) in a temporary directory.
import { mkdtempSync, openSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { build, distIsCurrent, ROOT } from "../scripts/dist.mjs";
import { measureRun, operations, walkers } from "./load.mjs";
import { clockTicks, startEmulator, startService } from "./processes.mjs";
import { probe, serviceEnv, TOKEN } from "./service.mjs";

/** Self time per function (name, file:line) from a V8 .cpuprofile, highest first. */
export const topSelfTime = (profile, count = 30) => {
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++)
    dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const byKey = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const file = f.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/dist\//, "dist/");
    const key = `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
    const us = dt.get(node.id) ?? 0;
    total += us;
    byKey.set(key, (byKey.get(key) ?? 0) + us);
  }
  return [...byKey.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
};

const main = async () => {
  const name = process.argv[2] ?? "byUid";
  const seconds = Number(process.argv[3] ?? 5);
  if (!distIsCurrent() && !build()) process.exit(1);
  const dir = mkdtempSync(join(os.tmpdir(), "account-graph-prof-"));
  const log = openSync(join(dir, "processes.log"), "a");
  const env = { root: ROOT, seedCount: 10_000, log };
  const emulator = await startEmulator({ ...env, latencyMs: Number(process.env.LATENCY_MS ?? 0) });
  const service = await startService({
    ...env,
    env: serviceEnv(emulator.url),
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
    probe,
  });
  const walk = walkers(10_000);
  const op = operations(walk)[name];
  const run = {
    emulator,
    service,
    token: TOKEN,
    next: walk.next,
    op,
    target: "facade",
    ticks: clockTicks(),
  };
  const conn = Number(process.env.CONNECTIONS ?? 10);
  await measureRun({ ...run, conn, seconds: 1 });
  const result = await measureRun({ ...run, conn, seconds });
  await service.stop();
  await emulator.stop();
  console.log(JSON.stringify(result));
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8"));
  console.log(`${join(dir, file)}\n${topSelfTime(profile).join("\n")}`);
};

await main();
