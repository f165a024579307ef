// The `fleet` scenario (issue 20): the emulator (20 ms latency, 10,000 accounts), a real
// redis-server and the compiled service as replicas sharing it, each a separate process.
//   1. warm: two replicas with a generous outbound limit read every account once (Redis fills);
//   2. steady state: two replicas at UPSTREAM_MAX_RPS=50, load spread over both, reads
//      Zipf-distributed (s = 1) over the accounts with 5% writes: upstream calls per read, and a
//      read's p50 against the direct REST call's p50 measured in the same run;
//   3. quota: two more replicas (four), an idle spell, then every replica reads uncached
//      (`Cache-Control: no-cache`) as fast as it can: the emulator's call log per second.
// `node bench/fleet.mjs` runs it alone; `npm run bench` runs it after the facade scenarios.
// FLEET_SECONDS (10) sizes phase 2.
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, distIsCurrent, ROOT } from "../scripts/dist.mjs";
import { percentiles, seededUid } from "./load.mjs";
import {
  DEMO_API_KEY,
  DEMO_API_SECRET,
  freePort,
  killStarted,
  startEmulator,
  startService,
} from "./processes.mjs";
import { probe, serviceEnv, TOKEN } from "./service.mjs";

const SEED = 10_000;
const FIRST = 8;
const MAX_RPS = 50;
const FIVE = "uid firstName lastName primaryEmail phone";
const READ = `query Read($uid: ID!) { accountByUid(uid: $uid) { ${FIVE} } }`;
const WRITE = `mutation Write($uid: ID!, $name: String!) { updateAccount(uid: $uid, input: { firstName: $name }) { ${FIVE} } }`;

/** Ranks 1..n with probability 1/rank (Zipf, s = 1), by binary search over the cumulative sum. */
const zipf = (n) => {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1);
  return () => {
    const x = Math.random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
};

const post = async (url, query, variables, headers = {}) => {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
};

const startRedis = async (log) => {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", log, log] },
  );
  await new Promise((r) => setTimeout(r, 300));
  if (child.exitCode !== null)
    throw new Error("redis-server did not start (apt-get install -y redis-server)");
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
};

const replicas = (count, env, log) =>
  Promise.all(Array.from({ length: count }, () => startService({ root: ROOT, env, log, probe })));

/** Runs `worker` on `n` lanes until `ms` have passed. */
const forLanes = (n, ms, worker) => {
  const end = performance.now() + ms;
  return Promise.all(
    Array.from({ length: n }, async (_, lane) => {
      for (let i = 0; performance.now() < end; i++) await worker(lane, i);
    }),
  );
};

const calls = async (emulator) =>
  (await (await fetch(`${emulator}/__emulator/calls`)).json()).calls;
const clearCalls = (emulator) => fetch(`${emulator}/__emulator/calls`, { method: "DELETE" });

/** p50 of the direct REST read (the emulator with its latency), sequential. */
const directP50 = async (emulator, uids) => {
  const times = [];
  for (const uid of uids) {
    const t = performance.now();
    const res = await fetch(
      `${emulator}/identity/v2/manage/account/${uid}?apiKey=${DEMO_API_KEY}&fields=Uid,FirstName,LastName,Email,PhoneId`,
      { headers: { "X-LoginRadius-ApiSecret": DEMO_API_SECRET } },
    );
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  return percentiles(times).p50;
};

const warm = async (emulator, redisUrl, log) => {
  const warmers = await replicas(
    2,
    {
      ...serviceEnv(emulator),
      REDIS_URL: redisUrl,
      CACHE_TTL_MS: "600000",
      UPSTREAM_MAX_RPS: "5000",
    },
    log,
  );
  let next = FIRST;
  await Promise.all(
    Array.from({ length: 64 }, async (_, lane) => {
      while (next < SEED) await post(warmers[lane % 2].url, READ, { uid: seededUid(next++) });
    }),
  );
  await Promise.all(warmers.map((w) => w.stop()));
};

const steady = async (emulator, fleet, seconds) => {
  const rank = zipf(SEED - FIRST);
  const times = [];
  let reads = 0;
  let writes = 0;
  let errors = 0;
  await clearCalls(emulator);
  await forLanes(4, seconds * 1000, async (lane, i) => {
    const url = fleet[(lane + i) % fleet.length].url;
    const uid = seededUid(FIRST + rank());
    const t = performance.now();
    const write = Math.random() < 0.05;
    const answer = write
      ? await post(url, WRITE, { uid, name: `F${lane}x${i}` })
      : await post(url, READ, { uid });
    if (answer.errors) errors++;
    if (write) writes++;
    else {
      reads++;
      times.push(performance.now() - t);
    }
  });
  const upstreamReads = (await calls(emulator)).filter(
    (c) => c.route === "GET /identity/v2/manage/account/{uid}",
  ).length;
  return {
    reads,
    writes,
    errors,
    upstreamReads,
    callsPerRead: upstreamReads / reads,
    ...percentiles(times),
  };
};

/** Four replicas, idle, then all reading uncached: the most calls the emulator saw in one second. */
const quota = async (emulator, fleet) => {
  await new Promise((r) => setTimeout(r, 3000));
  await clearCalls(emulator);
  let n = 0;
  let refused = 0;
  await forLanes(64, 4000, async (lane) => {
    const answer = await post(
      fleet[lane % fleet.length].url,
      READ,
      { uid: seededUid(FIRST + (n++ % (SEED - FIRST))) },
      { "cache-control": "no-cache" },
    );
    if (answer.errors) refused++;
  });
  const log = await calls(emulator);
  // Any one-second window, not only clock seconds: the first second after the idle spell starts
  // at the first call.
  const times = log.map((c) => Date.parse(c.at)).sort((a, b) => a - b);
  let sliding = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[j] < times[i] - 999) j++;
    sliding = Math.max(sliding, i - j + 1);
  }
  const firstWindow = times.filter((t) => t < (times[0] ?? 0) + 1000).length;
  const perSecond = new Map();
  for (const call of log)
    perSecond.set(call.at.slice(0, 19), (perSecond.get(call.at.slice(0, 19)) ?? 0) + 1);
  const seconds = [...perSecond.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, count]) => count);
  return {
    operations: n,
    refused,
    perSecond: seconds,
    firstWindow,
    slidingMax: sliding,
    maxPerSecond: Math.max(0, ...seconds),
  };
};

const line = (name, ok, text) => {
  console.log(`  ${ok ? "PASS" : "FAIL"}  ${name.padEnd(46)} ${text}`);
  return { name, ok, text };
};

/** The whole scenario; its figures and PASS/FAIL lines (also printed). */
export const runFleet = async ({ log }) => {
  const seconds = Number(process.env.FLEET_SECONDS ?? 10);
  console.log(
    `\nfleet: emulator 20 ms, ${SEED} accounts, redis-server, UPSTREAM_MAX_RPS=${MAX_RPS}; ${seconds} s steady state`,
  );
  const emu = await startEmulator({ root: ROOT, seedCount: SEED, latencyMs: 20, log });
  const redis = await startRedis(log);
  try {
    await warm(emu.url, redis.url, log);
    const env = {
      ...serviceEnv(emu.url),
      REDIS_URL: redis.url,
      CACHE_TTL_MS: "600000",
      UPSTREAM_MAX_RPS: String(MAX_RPS),
    };
    const fleet = await replicas(2, env, log);
    const direct = await directP50(
      emu.url,
      Array.from({ length: 100 }, (_, i) => seededUid(FIRST + i)),
    );
    const run = await steady(emu.url, fleet, seconds);
    fleet.push(...(await replicas(2, env, log)));
    const q = await quota(emu.url, fleet);
    await Promise.all(fleet.map((r) => r.stop()));
    console.log(
      `  steady: ${run.reads} reads, ${run.writes} writes, ${run.errors} errors; ${run.upstreamReads} upstream reads; read p50 ${run.p50} ms, p99 ${run.p99} ms; direct p50 ${direct.toFixed(1)} ms`,
    );
    console.log(
      `  quota: ${q.operations} uncached reads over four replicas (${q.refused} refused); calls per second ${q.perSecond.join(" ")}`,
    );
    const lines = [
      line(
        "upstream calls per read <= 0.05",
        run.callsPerRead <= 0.05,
        run.callsPerRead.toFixed(4),
      ),
      line(
        "read p50 below the direct REST p50",
        run.p50 < direct,
        `${run.p50} ms vs ${direct.toFixed(1)} ms`,
      ),
      line(
        `four replicas never above ${MAX_RPS} calls in a second`,
        q.maxPerSecond <= MAX_RPS && q.slidingMax <= MAX_RPS,
        `clock seconds max ${q.maxPerSecond}; any 1 s window max ${q.slidingMax}, first ${q.firstWindow}`,
      ),
      line("no failed operation in the steady state", run.errors === 0, String(run.errors)),
    ];
    return { steady: run, directP50: direct, quota: q, lines, pass: lines.every((l) => l.ok) };
  } finally {
    redis.stop();
    await emu.stop();
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    if (!distIsCurrent() && !build()) process.exit(2);
    const log = openSync(join(os.tmpdir(), `account-graph-fleet-${process.pid}.log`), "a");
    const result = await runFleet({ log });
    process.exitCode = result.pass ? 0 : 1;
  } catch (error) {
    console.error(error);
    killStarted();
    process.exitCode = 2;
  }
}
