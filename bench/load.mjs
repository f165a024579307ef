// The scenarios' requests, and one measured autocannon run: load, then what it cost upstream
// (the emulator's call log) and in the service (CPU from /proc, RSS, operations from /metrics).
import { createHash } from "node:crypto";
import autocannon from "autocannon";
import { cpuMs, DEMO_API_KEY, DEMO_API_SECRET, sampleRss } from "./processes.mjs";

const ACCOUNT = "/identity/v2/manage/account";

/** The UID the emulator's seed gives generated account `index` (src/emulator/accounts/seed.ts). */
export const seededUid = (index) =>
  createHash("sha256").update(`account-graph-demo:${index}`).digest("hex").slice(0, 32);

/**
 * A deterministic walk over generated accounts `from` to `to` (exclusive). The featured ones
 * (0-7) stay as seeded; reads and writes walk separate ranges, so the mutation scenario cannot
 * grow the profiles the read scenarios measure (an upserted email would add bytes).
 */
export const uidWalker = (from, to) => {
  const uids = Array.from({ length: to - from }, (_, i) => seededUid(i + from));
  let k = 0;
  return () => uids[(k++ * 7919) % uids.length];
};

/** Reads walk accounts 8 to 90% of the seed; writes the last 10%. */
export const walkers = (seedCount) => {
  const split = Math.floor(seedCount * 0.9);
  return { next: uidWalker(8, split), nextWrite: uidWalker(split, seedCount) };
};

const FIVE = "uid firstName lastName primaryEmail phone";

const aliasesQuery = (() => {
  const vars = Array.from({ length: 20 }, (_, i) => `$u${i}: ID!`).join(", ");
  const fields = Array.from(
    { length: 50 },
    (_, i) => `a${i}: accountByUid(uid: $u${i % 20}) { ...F }`,
  ).join(" ");
  return `query Aliases(${vars}) { ${fields} } fragment F on Account { ${FIVE} }`;
})();

/**
 * What one operation of each facade scenario sends, and how many distinct accounts it touches
 * (the upstream calls it should cost: one per account, however often it is named).
 */
export const operations = ({ next, nextWrite }) => ({
  byUid: {
    distinct: 1,
    body: () => ({
      query: `query ByUid($uid: ID!) { accountByUid(uid: $uid) { ${FIVE} } }`,
      variables: { uid: next() },
    }),
  },
  aliases: {
    distinct: 20,
    body: () => ({
      query: aliasesQuery,
      variables: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`u${i}`, next()])),
    }),
  },
  byUids: {
    distinct: 100,
    body: () => ({
      query: `query Many($uids: [ID!]!) { accountsByUids(uids: $uids) { ${FIVE} } }`,
      variables: { uids: Array.from({ length: 100 }, next) },
    }),
  },
  entities: {
    distinct: 100,
    body: () => ({
      query: `query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on Account { ${FIVE} } } }`,
      variables: { r: Array.from({ length: 100 }, () => ({ __typename: "Account", uid: next() })) },
    }),
  },
  mutations: {
    distinct: 1,
    body: (() => {
      let n = 0;
      return () => {
        const uid = nextWrite();
        return n++ % 2 === 0
          ? {
              query:
                "mutation Update($uid: ID!, $input: UpdateAccountInput!) { updateAccount(uid: $uid, input: $input) { uid firstName } }",
              variables: { uid, input: { firstName: `Bench${n}` } },
            }
          : {
              query:
                "mutation Upsert($uid: ID!, $emails: [EmailInput!]!) { upsertAccountEmail(uid: $uid, emails: $emails) { uid primaryEmail } }",
              variables: {
                uid,
                emails: [{ type: "Business", value: `bench.${uid}@bench.example` }],
              },
            };
      };
    })(),
  },
});

/**
 * autocannon's request list: a GraphQL POST per call. Answers are not read here: an `onResponse`
 * makes autocannon keep and hand over every body, CPU the direct runs do not spend on the same 2
 * cores (about +0.4 ms at p50 and up to +4 ms at p99 at 10 connections). GraphQL errors are
 * counted by the service (`outcome="error"`), and `spotCheck` reads one answer itself.
 */
const graphqlRequests = (token, body) => [
  {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    setupRequest: (req) => ({ ...req, body: JSON.stringify(body()) }),
  },
];

/** One operation of the run, read in full: it must have data and no errors, or the run stops. */
const spotCheck = async (server, token, body) => {
  const answer = await getJson(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body()),
  });
  if (answer.errors || !answer.data)
    throw new Error(`${server.url} answered the scenario with errors: ${JSON.stringify(answer)}`);
};

/** The floor: the emulator's REST profile-by-UID, with the credentials, full profile. */
const directRequests = (next) => [
  {
    method: "GET",
    headers: { "x-loginradius-apisecret": DEMO_API_SECRET },
    setupRequest: (req) => ({ ...req, path: `${ACCOUNT}/${next()}?apikey=${DEMO_API_KEY}` }),
  },
];

const getJson = async (url, init) => (await fetch(url, init)).json();

/**
 * Sums every sample of a Prometheus metric in /metrics text (all label sets, or those whose line
 * contains `having`, e.g. `outcome="error"`).
 */
export const metricSum = (text, name, having = "") => {
  let sum = 0;
  for (const line of text.split("\n"))
    if ((line.startsWith(`${name}{`) || line.startsWith(`${name} `)) && line.includes(having))
      sum += Number(line.slice(line.lastIndexOf(" ") + 1));
  return sum;
};

/**
 * Operations a server counted, and those that answered with GraphQL errors: the service's
 * `account_graph_operations_total`, or the reference proxy's `reference_proxy_` twin.
 */
const serverOps = async (server) => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const name = `${server.metricsPrefix}operations_total`;
  return { all: metricSum(text, name), failed: metricSum(text, name, 'outcome="error"') };
};

/** Samples a server's upstream queue depth every 200 ms; `stop()` gives the highest seen. */
const sampleQueue = (server) => {
  let peak = 0;
  const timer = setInterval(async () => {
    try {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      peak = Math.max(peak, metricSum(text, `${server.metricsPrefix}upstream_queue_depth`));
    } catch {
      // a sample lost under load is not a failure of the service
    }
  }, 200);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
};

/** A logged marker call: everything after its `seq` belongs to the run that follows. */
const markCalls = async (emulator) => {
  await fetch(`${emulator.url}/__emulator/calls`, { method: "DELETE" });
  await fetch(`${emulator.url}${ACCOUNT}/bench-marker?apikey=${DEMO_API_KEY}`, {
    headers: { "x-loginradius-apisecret": DEMO_API_SECRET },
  });
  const { calls } = await getJson(`${emulator.url}/__emulator/calls`);
  return calls.at(-1).seq;
};

/** Calls after the marker (the log keeps the newest 10,000-20,000; `seq` still counts them all). */
const callsSince = async (emulator, marker) => {
  const { calls } = await getJson(`${emulator.url}/__emulator/calls`);
  const kept = calls.filter((c) => c.seq > marker);
  const count = kept.length === 0 ? 0 : kept.at(-1).seq - marker;
  const bytes = kept.reduce((sum, c) => sum + (c.bytes ?? 0), 0);
  const maxConcurrent = kept.reduce((max, c) => Math.max(max, c.concurrent), 0);
  return { count, bytesPerCall: kept.length ? bytes / kept.length : 0, maxConcurrent };
};

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Latency percentiles of the 2xx answers (as autocannon's own), to 0.01 ms, from the exact time
 * of each response (autocannon measures it with hrtime and emits it per response). Its histogram
 * keeps whole milliseconds: at 20 ms upstream, 21.9 vs 21.1 ms read as 21 vs 21, and 22.0 vs
 * 21.9 as 22 vs 21, so a difference under 1.5 ms printed as 0, 1 or 2.
 */
export const percentiles = (times) => {
  const sorted = Float64Array.from(times).sort();
  const at = (q) =>
    sorted.length === 0
      ? null
      : Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] * 100) /
        100;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
};

/**
 * Waits until the server has no upstream call in flight or queued (at most 10 s): requests
 * autocannon abandoned at the end of a run finish inside that run's counts, not the next one's.
 */
const settle = async (server) => {
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const busy =
      metricSum(text, `${server.metricsPrefix}upstream_in_flight`) +
      metricSum(text, `${server.metricsPrefix}upstream_queue_depth`);
    if (busy === 0) return;
    await sleep(50);
  }
};

/**
 * One measured run. `target` is "direct" (autocannon on the emulator), "facade" (on the service),
 * "traced" (on the service with tracing on, `run.traced`, whose `sink` counts the spans it
 * exported) or "reference" (on the reference proxy, `run.reference`). Operations are counted by the server
 * itself once the requests autocannon abandoned at the end have finished, so calls/op and CPU/op
 * divide like by like.
 */
export const measureRun = async (run) => {
  const { target, emulator, token, next, op, conn, seconds, ticks, watchQueue } = run;
  const server =
    { facade: run.service, reference: run.reference, traced: run.traced }[target] ?? null;
  const proxied = server !== null;
  // Before the marker: its upstream calls are not the run's.
  if (proxied) await spotCheck(server, token, op.body);
  const marker = await markCalls(emulator);
  const ops0 = proxied ? await serverOps(server) : null;
  const spans0 = server?.sink ? (await server.sink.counts()).spans : null;
  const cpu0 = proxied ? cpuMs(server.pid, ticks) : 0;
  const rss = proxied ? sampleRss(server.pid) : null;
  const queue = proxied && watchQueue ? sampleQueue(server) : null;
  const instance = autocannon({
    url: proxied ? server.url : emulator.url,
    connections: conn,
    duration: seconds,
    requests: proxied ? graphqlRequests(token, op.body) : directRequests(next),
  });
  const times = [];
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await instance;
  const latency = percentiles(times);
  await sleep(100);
  if (proxied) await settle(server);
  // Exporting a run's spans is part of its cost: counted before its CPU is read.
  const spans = server?.sink ? (await server.sink.drained()).spans - spans0 : null;
  const ops1 = proxied ? await serverOps(server) : null;
  const ops = proxied ? ops1.all - ops0.all : result.requests.total;
  const graphqlErrors = proxied ? ops1.failed - ops0.failed : 0;
  const cpu = proxied ? cpuMs(server.pid, ticks) - cpu0 : 0;
  const upstream = await callsSince(emulator, marker);
  return {
    rps: result.requests.average,
    ...latency,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    ops,
    upstreamPerOp: ops > 0 ? upstream.count / ops : null,
    bytesPerCall: upstream.bytesPerCall,
    bytesPerOp: ops > 0 ? (upstream.bytesPerCall * upstream.count) / ops : null,
    cpuMsPerOp: proxied && ops > 0 ? cpu / ops : null,
    peakRssMb: rss ? rss.stop() : null,
    maxConcurrent: upstream.maxConcurrent,
    maxQueued: queue ? queue.stop() : null,
    ...(spans === null ? {} : { spans, spansPerOp: ops > 0 ? spans / ops : null }),
  };
};
