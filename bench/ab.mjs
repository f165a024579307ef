// `node bench/ab.mjs [scenario] variant variant...`: one facade scenario (default byUid) against
// services that differ by Node flags or environment, interleaved (ABBA) against one emulator, so
// machine noise hits every variant alike. How the "A/B" figures of docs/performance.md were taken.
//
// A variant is a list of Node flags and NAME=value settings, e.g. "" (as in production),
// "--max-old-space-size=4096", "LOG_LEVEL=warn --v8-pool-size=1". ROOT=<dir> in a variant runs
// the dist/ of another checkout (built, with its node_modules). LATENCY_MS (0), CONNECTIONS (10),
// AB_ROUNDS (3) and AB_SECONDS (4 per run, after 2 s of warm-up) size it.
import { mkdtempSync, openSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, distIsCurrent, ROOT } from "../scripts/dist.mjs";
import { median } from "./budget.mjs";
import { measureRun, operations, walkers } from "./load.mjs";
import { clockTicks, startEmulator, startService } from "./processes.mjs";
import { probe, serviceEnv, TOKEN } from "./service.mjs";

/** "--flag NAME=value ROOT=/dir" -> Node flags, environment, checkout. */
export const parseVariant = (text) => {
  const words = text.split(/\s+/).filter(Boolean);
  const settings = Object.fromEntries(
    words
      .filter((w) => /^[A-Z_]+=/.test(w))
      .map((w) => [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)]),
  );
  const { ROOT: root, ...env } = settings;
  return { flags: words.filter((w) => w.startsWith("-")), env, root };
};

const measure = async (base, variant) => {
  const service = await startService({
    ...base.env,
    root: variant.root ?? ROOT,
    env: { ...serviceEnv(base.emulator.url), ...variant.env },
    probe,
    nodeArgs: variant.flags,
  });
  const run = { ...base.run, service, conn: base.conn, target: "facade" };
  await measureRun({ ...run, seconds: 2 });
  const result = await measureRun({ ...run, seconds: base.seconds });
  await service.stop();
  return result;
};

const main = async () => {
  const args = process.argv.slice(2);
  const named = args[0] !== undefined && args[0] in operations(walkers(10));
  const scenario = named ? args[0] : "byUid";
  const texts = named ? args.slice(1) : args;
  if (texts.length < 2) throw new Error('Give at least two variants ("" is production).');
  if (!distIsCurrent() && !build()) process.exit(1);
  const log = openSync(
    join(mkdtempSync(join(os.tmpdir(), "account-graph-ab-")), "processes.log"),
    "a",
  );
  const env = { root: ROOT, seedCount: 10_000, log };
  const emulator = await startEmulator({ ...env, latencyMs: Number(process.env.LATENCY_MS ?? 0) });
  const walk = walkers(10_000);
  const base = {
    env,
    emulator,
    conn: Number(process.env.CONNECTIONS ?? 10),
    seconds: Number(process.env.AB_SECONDS ?? 4),
    run: {
      emulator,
      token: TOKEN,
      next: walk.next,
      op: operations(walk)[scenario],
      ticks: clockTicks(),
    },
  };
  const variants = texts.map(parseVariant);
  const results = texts.map(() => []);
  for (let round = 0; round < Number(process.env.AB_ROUNDS ?? 3); round++) {
    const order = texts.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const r = await measure(base, variants[i]);
      results[i].push(r);
      console.log(
        `${JSON.stringify(texts[i]).padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s  CPU ${r.cpuMsPerOp.toFixed(3)} ms/op  p50 ${r.p50}  p99 ${r.p99}  RSS ${r.peakRssMb.toFixed(0)} MB  errors ${r.errors}`,
      );
    }
  }
  await emulator.stop();
  console.log("medians:");
  texts.forEach((text, i) => {
    const m = (key) => median(results[i].map((r) => r[key]));
    console.log(
      `${JSON.stringify(text).padEnd(40)} ${m("rps").toFixed(0).padStart(6)} req/s  CPU ${m("cpuMsPerOp").toFixed(3)} ms/op  p50 ${m("p50").toFixed(2)}  p99 ${m("p99").toFixed(2)}  RSS ${m("peakRssMb").toFixed(0)} MB`,
    );
  });
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
