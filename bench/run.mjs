// `npm run bench`: the emulator (10,000 accounts), the compiled service (also once with tracing
// on, exporting to bench/otlp-sink.mjs) and the reference proxy (bench/reference-proxy.mjs) as
// separate processes, driven by autocannon over loopback; prints
// the scenario table and the budget (ratios to the direct call and to the reference proxy, see
// bench/budget.mjs) with PASS/FAIL per line, and writes bench/results.json. Exit status 0 pass,
// 1 fail, 3 not judged (the machine was loaded), 2 the bench itself failed. docs/performance.md.
//
// BENCH_ROUNDS (3) and BENCH_SECONDS (3 per run) size it (BENCH_ROUNDS=1 BENCH_SECONDS=1 is a
// quick check that it runs, in about a minute); UPSTREAM_*, LOG_LEVEL and the other service
// variables in the environment are passed to the service, to compare settings.
import { spawnSync } from "node:child_process";
import { openSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, distIsCurrent, ROOT } from "../scripts/dist.mjs";
import { EXIT_CODES, judge, median, medianOfRounds, referenceNote, sinkNote } from "./budget.mjs";
import { measureRun, operations, walkers } from "./load.mjs";
import {
  clockTicks,
  killStarted,
  startEmulator,
  startReference,
  startService,
  startSink,
  statusMb,
} from "./processes.mjs";
import { budgetTable, budgetText, loadText, scenarioTable, verdictText } from "./report.mjs";
import { searchBench } from "./search.mjs";
import { probe, queryFields, referenceEnv, serviceEnv, TOKEN } from "./service.mjs";

/** A positive whole number from the environment, or the default; anything else stops the bench. */
const count = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (Number.isInteger(value) && value >= 1) return value;
  console.error(`${name} must be a whole number >= 1, got ${process.env[name]}`);
  process.exit(EXIT_CODES.error);
};

const SETTINGS = {
  rounds: count("BENCH_ROUNDS", 3),
  seconds: count("BENCH_SECONDS", 3),
  seedCount: 10_000,
  latenciesMs: [0, 20],
  scalingConnections: [1, 10, 50, 200],
};
/** One scenario's shape in results.json; its rounds are filled in as they run. */
const scenario = (label, target, latencyMs, connections, op) => ({
  label,
  target,
  latencyMs,
  connections,
  distinctPerOp: op?.distinct ?? 0,
  rounds: [],
  median: {},
  op,
});

/**
 * Runs every scenario once per round; the order flips each round (ABBA), so a drift in machine
 * load hits both targets of a ratio alike. A short unmeasured warm-up first (JIT, caches, pools).
 */
const runRounds = async (plan, ctx) => {
  for (const [, s] of plan)
    if (s.target !== "direct")
      await measureRun({ ...ctx, target: s.target, op: s.op, conn: s.connections, seconds: 1 });
  for (let round = 0; round < SETTINGS.rounds; round++) {
    const order = round % 2 === 0 ? plan : [...plan].reverse();
    for (const [name, s] of order) {
      const measured = await measureRun({
        ...ctx,
        target: s.target,
        op: s.op,
        conn: s.connections,
        seconds: SETTINGS.seconds,
        // Only where the queue can fill: a /metrics scrape blocks the service for a few ms.
        watchQueue: s.connections > ctx.cap,
      });
      s.rounds.push(measured);
      console.log(
        `  round ${round + 1} ${name.padEnd(14)} ${measured.rps.toFixed(0).padStart(6)} req/s  p50 ${measured.p50} p99 ${measured.p99} ms  errors ${measured.errors}`,
      );
    }
  }
};

/** The reference proxy in front of `emulator`. */
const reference = (env, emulator) =>
  startReference({ ...env, env: referenceEnv(emulator.url), probe });

/**
 * The service again, with tracing on: every span sampled (`always_on`) and exported over OTLP/HTTP
 * to the bench's sink (bench/otlp-sink.mjs), measured beside the one with tracing off.
 */
const traced = async (env, emulator) => {
  const sink = await startSink(env);
  const service = await startService({
    ...env,
    env: {
      ...serviceEnv(emulator.url),
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
      OTEL_TRACES_SAMPLER: "always_on",
      OTEL_SERVICE_NAME: "account-graph-bench",
    },
    probe,
  });
  return {
    ...service,
    sink,
    stop: async () => {
      await service.stop();
      await sink.stop();
    },
  };
};

/** 0 ms upstream: cold starts, the floor, the reference proxy, the facade scenarios 2-5. */
const phaseZero = async (env, results) => {
  const emulator = await startEmulator({ ...env, latencyMs: 0 });
  const colds = [];
  let service;
  for (let i = 0; i < SETTINGS.rounds; i++) {
    await service?.stop();
    service = await startService({ ...env, env: serviceEnv(emulator.url), probe });
    colds.push(Math.round(service.coldStartMs));
  }
  results.coldStartMs = { samples: colds, median: median(colds) };
  const proxy = await reference(env, emulator);
  const tracedService = await traced(env, emulator);
  const walk = walkers(SETTINGS.seedCount);
  const ops = operations(walk);
  const federation = (await queryFields(service)).includes("_entities");
  const plan = [
    ["direct", scenario("REST profile by UID", "direct", 0, 10)],
    ["byUid", scenario("accountByUid, 5 fields", "facade", 0, 10, ops.byUid)],
    ["traced", scenario("accountByUid, tracing on", "traced", 0, 10, ops.byUid)],
    ["reference", scenario("reference proxy, 5 fields", "reference", 0, 10, ops.byUid)],
    ["aliases", scenario("50 aliases over 20 UIDs", "facade", 0, 10, ops.aliases)],
    ["byUids", scenario("accountsByUids, 100 UIDs", "facade", 0, 2, ops.byUids)],
    ...(federation
      ? [["entities", scenario("_entities, 100 representations", "facade", 0, 2, ops.entities)]]
      : []),
    ["mutations", scenario("update + upsert email", "facade", 0, 2, ops.mutations)],
  ];
  console.log(`0 ms upstream (cold starts ${colds.join(", ")} ms; _entities: ${federation})`);
  await runRounds(plan, {
    ...env,
    emulator,
    service,
    reference: proxy,
    traced: tracedService,
    token: TOKEN,
    next: walk.next,
  });
  const rss = statusMb(service.pid, "VmHWM");
  results.tracingSink = await tracedService.sink.drained();
  await Promise.all([service.stop(), proxy.stop(), tracedService.stop()]);
  await emulator.stop();
  return { plan, rss, federation };
};

/**
 * 20 ms upstream: direct and facade, interleaved, at 1, 10, 50 and 200 connections; the reference
 * proxy at 10 and 50 (what the machine allows a proxy at the budget's two points).
 */
const phaseTwenty = async (env) => {
  const emulator = await startEmulator({ ...env, latencyMs: 20 });
  const service = await startService({ ...env, env: serviceEnv(emulator.url), probe });
  const proxy = await reference(env, emulator);
  const walk = walkers(SETTINGS.seedCount);
  const ops = operations(walk);
  const plan = SETTINGS.scalingConnections.flatMap((conn) => [
    [`direct20@${conn}`, scenario("REST profile by UID", "direct", 20, conn)],
    [`facade20@${conn}`, scenario("accountByUid, 5 fields", "facade", 20, conn, ops.byUid)],
    ...(conn === 10 || conn === 50
      ? [[`reference20@${conn}`, scenario("reference proxy", "reference", 20, conn, ops.byUid)]]
      : []),
  ]);
  console.log("20 ms upstream");
  await runRounds(plan, {
    ...env,
    emulator,
    service,
    reference: proxy,
    token: TOKEN,
    next: walk.next,
  });
  const rss = statusMb(service.pid, "VmHWM");
  await Promise.all([service.stop(), proxy.stop()]);
  await emulator.stop();
  return { plan, rss };
};

const machine = () => ({
  nproc: os.availableParallelism(),
  cpu:
    /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model,
  node: process.version,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
});

const upstreamSettings = async () => {
  const { readConfig } = await import(pathToFileURL(join(ROOT, "dist", "config.js")).href);
  const { maxConcurrency, maxQueue } = readConfig(serviceEnv("http://127.0.0.1:1")).upstream;
  return { maxConcurrency, maxQueue };
};

const main = async () => {
  // Before anything of ours runs (the build included): the load of everything else.
  const loadBefore = os.loadavg().map((l) => Number(l.toFixed(2)));
  if (!distIsCurrent()) {
    console.log("dist/ is missing or older than src/: building it (npm run build).");
    if (!build()) return EXIT_CODES.error;
  }
  const started = performance.now();
  const logPath = join(os.tmpdir(), `account-graph-bench-${process.pid}.log`);
  const upstream = await upstreamSettings();
  const env = {
    root: ROOT,
    seedCount: SETTINGS.seedCount,
    log: openSync(logPath, "a"),
    ticks: clockTicks(),
    cap: upstream.maxConcurrency,
  };
  const results = {
    at: new Date().toISOString(),
    machine: { ...machine(), loadBefore },
    settings: { ...SETTINGS, upstream },
    judgement: null,
    coldStartMs: null,
    peakRssMb: null,
    tracingSink: null,
    scenarios: {},
  };
  console.log(
    `Account Graph bench: ${SETTINGS.rounds} rounds x ${SETTINGS.seconds} s; ${loadText(results.machine)}; logs in ${logPath}`,
  );
  if (loadBefore[0] > results.machine.nproc)
    console.log("The machine is loaded: the run is measured and reported, but not judged.");
  const zero = await phaseZero(env, results);
  const twenty = await phaseTwenty(env);
  results.fleet = await (await import("./fleet.mjs")).runFleet(env);
  results.search = await searchBench(env);
  for (const [name, s] of [...zero.plan, ...twenty.plan]) {
    const { op: _op, ...kept } = s;
    results.scenarios[name] = { ...kept, median: medianOfRounds(s.rounds) };
  }
  results.peakRssMb = Math.max(zero.rss ?? 0, twenty.rss ?? 0);
  results.machine.loadAfter = os.loadavg().map((l) => Number(l.toFixed(2)));
  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  const { lines, ...judgement } = judge(results);
  results.judgement = judgement;
  results.budget = lines;
  const file = join(ROOT, "bench", "results.json");
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  // Committed, so in the repository's own format (npm run lint checks it).
  spawnSync(join(ROOT, "node_modules", ".bin", "biome"), ["format", "--write", file], {
    stdio: "ignore",
  });
  console.log(`\n${scenarioTable(results)}\n\n${budgetTable(lines)}\n`);
  console.log(budgetText(lines));
  console.log(referenceNote(results) ?? "");
  console.log(sinkNote(results) ?? "");
  console.log(
    `\n${loadText(results.machine)}; ${results.durationSeconds} s; bench/results.json written.`,
  );
  console.log(verdictText(judgement));
  return EXIT_CODES[judgement.verdict];
};

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error);
  // The emulator, service or proxy it left running would keep this process (and 2 cores) busy.
  killStarted();
  process.exitCode = EXIT_CODES.error;
}
