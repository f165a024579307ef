// The `fleet` scenario (issue 20): the emulator (20 ms latency, 10,000 accounts, webhooks on:
// every event to the first replica's /webhooks/loginradius, as a site subscribed to the fleet's
// address would send them), a real redis-server and the compiled service as replicas sharing it,
// each a separate process.
//   1. warm: two replicas with a generous outbound limit read every account once (Redis fills);
//   2. steady state: two replicas at UPSTREAM_MAX_RPS=50, load spread over both, reads
//      Zipf-distributed (s = 1) over the accounts with 5% writes: upstream calls per read, and a
//      read's p50 against the direct REST call's p50 measured in the same run;
//   2b. visibility: accounts changed directly on the emulator (as the Admin Console would), each
//      polled through both replicas until both show the change: p50/p99 with webhooks;
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
import { fleetLines } from "./budget.mjs";
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

const CHANGES = 40;

/** Reads `uid`'s first name through `url` (fresh to the replica's cache rules, not no-cache). */
const nameThrough = async (url, uid) =>
  (await post(url, READ, { uid })).data?.accountByUid?.firstName;

/**
 * Accounts changed directly on the emulator, one at a time, each cached on both replicas first:
 * from the change's answer until both replicas show it, polled every 5 ms (5 s: given up).
 */
const visibility = async (emulator, fleet) => {
  const times = [];
  for (let k = 0; k < CHANGES; k++) {
    const uid = seededUid(FIRST + 1 + k);
    for (const r of fleet) await nameThrough(r.url, uid);
    const name = `Direct${k}x${Date.now()}`;
    const res = await fetch(
      `${emulator}/identity/v2/manage/account/${uid}?apiKey=${DEMO_API_KEY}`,
      {
        method: "PUT",
        headers: { "content-type": "application/json", "X-LoginRadius-ApiSecret": DEMO_API_SECRET },
        body: JSON.stringify({ FirstName: name }),
      },
    );
    await res.arrayBuffer();
    const t = performance.now();
    const waiting = new Set(fleet.map((r) => r.url));
    while (waiting.size > 0 && performance.now() - t < 5000) {
      for (const url of [...waiting])
        if ((await nameThrough(url, uid)) === name) waiting.delete(url);
      if (waiting.size > 0) await new Promise((r) => setTimeout(r, 5));
    }
    times.push(waiting.size === 0 ? performance.now() - t : 5000);
  }
  return { changes: CHANGES, ...percentiles(times) };
};

/** The whole scenario; its figures and PASS/FAIL lines (also printed). */
export const runFleet = async ({ log }) => {
  const seconds = Number(process.env.FLEET_SECONDS ?? 10);
  console.log(
    `\nfleet: emulator 20 ms, ${SEED} accounts, redis-server, UPSTREAM_MAX_RPS=${MAX_RPS}; ${seconds} s steady state`,
  );
  const hookPort = await freePort();
  const emu = await startEmulator({
    root: ROOT,
    seedCount: SEED,
    latencyMs: 20,
    log,
    extraEnv: { EMULATOR_WEBHOOK_URL: `http://127.0.0.1:${hookPort}/webhooks/loginradius` },
  });
  const redis = await startRedis(log);
  try {
    await warm(emu.url, redis.url, log);
    const env = {
      ...serviceEnv(emu.url),
      REDIS_URL: redis.url,
      CACHE_TTL_MS: "600000",
      UPSTREAM_MAX_RPS: String(MAX_RPS),
    };
    const fleet = [
      await startService({ root: ROOT, env, log, probe, port: hookPort }),
      ...(await replicas(1, env, log)),
    ];
    const direct = await directP50(
      emu.url,
      Array.from({ length: 100 }, (_, i) => seededUid(FIRST + i)),
    );
    const run = await steady(emu.url, fleet, seconds);
    const visible = await visibility(emu.url, fleet);
    fleet.push(...(await replicas(2, env, log)));
    const q = await quota(emu.url, fleet);
    await Promise.all(fleet.map((r) => r.stop()));
    console.log(
      `  steady: ${run.reads} reads, ${run.writes} writes, ${run.errors} errors; ${run.upstreamReads} upstream reads; read p50 ${run.p50} ms, p99 ${run.p99} ms; direct p50 ${direct.toFixed(1)} ms`,
    );
    console.log(
      `  direct changes on the emulator seen through both replicas (webhooks on): p50 ${visible.p50} ms, p99 ${visible.p99} ms over ${visible.changes}`,
    );
    console.log(
      `  quota: ${q.operations} uncached reads over four replicas (${q.refused} refused); calls per second ${q.perSecond.join(" ")}`,
    );
    const result = { steady: run, directP50: direct, visible, quota: q };
    // The same lines the bench's verdict judges (bench/budget.mjs), printed here as they are.
    const lines = fleetLines(result);
    for (const l of lines) console.log(`  ${l.pass ? "PASS" : "FAIL"}  ${l.text}: ${l.measured}`);
    return { ...result, lines, pass: lines.every((l) => l.pass) };
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
