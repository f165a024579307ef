// Search (issue 19) in `npm run bench`: what batched UID reads cost upstream with and without
// search, and read-after-write freshness with the emulator's index lag on. Separate processes,
// as the rest of the bench: the emulator (2,500 accounts, lag 1 s, no search limit) and the
// compiled service twice (BATCH_VIA_SEARCH_MIN as configured, and 0: one profile call per UID).
import { seededUid } from "./load.mjs";
import { startEmulator, startService } from "./processes.mjs";
import { graphql, probe, serviceEnv } from "./service.mjs";

/** Runs `fn` over the items one after another (measurements must not overlap). */
const sequence = async (items, fn) => {
  const out = [];
  for (const item of items) out.push(await fn(item));
  return out;
};

const UIDS = Array.from({ length: 100 }, (_, i) => seededUid(100 + i));
const PAIRS = 1000;
const CHAINS = 10;

/** Upstream calls the emulator received while `act` ran (its call log, read before and after). */
const callsDuring = async (emulator, act) => {
  const count = async () =>
    (await (await fetch(`${emulator.url}/__emulator/calls`)).json()).calls.length;
  await fetch(`${emulator.url}/__emulator/calls`, { method: "DELETE" });
  const answer = await act();
  return { calls: await count(), answer };
};

const byUids = (url) =>
  graphql(url, "query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid } }", { uids: UIDS });
const entities = (url) =>
  graphql(
    url,
    "query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { uid } } }",
    {
      r: UIDS.map((uid) => ({ __typename: "Account", uid })),
    },
  );

/** `CHAINS` writers side by side, each writing its own accounts and reading ten right after. */
const freshness = async (url) => {
  let stale = 0;
  let failed = 0;
  const chain = async (c) => {
    const mine = UIDS.slice(c * 5, c * 5 + 5);
    const others = UIDS.slice(50 + c, 59 + c);
    for (let i = 0; i < PAIRS / CHAINS; i++) {
      const uid = mine[i % mine.length];
      const name = `Fresh${c}x${i}`;
      const write = await graphql(
        url,
        "mutation($uid: ID!, $name: String!) { updateAccount(uid: $uid, input: { firstName: $name }) { uid } }",
        { uid, name },
      );
      if (write.errors) failed++;
      const read = await graphql(
        url,
        "query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid firstName } }",
        { uids: [...others, uid] },
      );
      if (read.data?.accountsByUids?.[9]?.firstName !== name) stale++;
    }
  };
  await Promise.all(Array.from({ length: CHAINS }, (_, c) => chain(c)));
  return { pairs: PAIRS, stale, failedWrites: failed };
};

/** Median wall time of `runs` reads of `n` distinct UIDs, in ms. */
const latency = async (url, n, runs = 15) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const uids = UIDS.slice((i * n) % (100 - n), ((i * n) % (100 - n)) + n);
    const started = performance.now();
    await graphql(url, "query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid } }", { uids });
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(runs / 2)] * 10) / 10;
};

/** The search lines of the bench: `{ lines, figures }` for the report and bench/results.json. */
export const searchBench = async (env) => {
  const emulator = await startEmulator({
    ...env,
    seedCount: 2500,
    // A network stand-in, so batch latency compares round trips as it would against LoginRadius.
    latencyMs: 20,
    extraEnv: { EMULATOR_SEARCH_LAG_MS: "1000", EMULATOR_SEARCH_RATE_LIMIT_PER_SECOND: "0" },
  });
  const base = { ...serviceEnv(emulator.url), UPSTREAM_MAX_SEARCH_RPS: "10000" };
  const viaSearch = await startService({ ...env, env: base, probe });
  const perUid = await startService({ ...env, env: { ...base, BATCH_VIA_SEARCH_MIN: "0" }, probe });
  // The control: batched reads through search without the freshness rule.
  const unguarded = await startService({
    ...env,
    env: { ...base, SEARCH_INDEX_LAG_MS: "0" },
    probe,
  });
  try {
    const figures = {
      accountsByUids100: {
        viaSearch: (await callsDuring(emulator, () => byUids(viaSearch.url))).calls,
        perUid: (await callsDuring(emulator, () => byUids(perUid.url))).calls,
      },
      entities100: {
        viaSearch: (await callsDuring(emulator, () => entities(viaSearch.url))).calls,
        perUid: (await callsDuring(emulator, () => entities(perUid.url))).calls,
      },
      freshness: await freshness(viaSearch.url),
      unguarded: await freshness(unguarded.url),
      // Latency of small batches both ways (the threshold's other half is quota: docs/finding-accounts.md).
      medianMs: Object.fromEntries(
        await sequence([2, 3, 5, 10], async (n) => [
          n,
          { viaSearch: await latency(viaSearch.url, n), perUid: await latency(perUid.url, n) },
        ]),
      ),
    };
    const { accountsByUids100: a, entities100: e, freshness: f } = figures;
    const lines = [
      `accountsByUids, 100 distinct UIDs: ${a.viaSearch} upstream calls (one per UID: ${a.perUid}) ${a.viaSearch <= 2 ? "PASS" : "FAIL"}`,
      `_entities, 100 representations: ${e.viaSearch} upstream calls (one per UID: ${e.perUid}) ${e.viaSearch <= 2 ? "PASS" : "FAIL"}`,
      `${f.pairs} write-then-bulk-read pairs, index lag 1 s: ${f.stale} stale ${f.stale === 0 && f.failedWrites === 0 ? "PASS" : "FAIL"} (control, SEARCH_INDEX_LAG_MS=0: ${figures.unguarded.stale} stale)`,
      `accountsByUids median ms by distinct UIDs (via search / one call each): ${Object.entries(
        figures.medianMs,
      )
        .map(([n, m]) => `${n}: ${m.viaSearch}/${m.perUid}`)
        .join(", ")}`,
    ];
    console.log(`\nSearch (bench/search.mjs):\n${lines.map((l) => `  ${l}`).join("\n")}`);
    return { lines, figures };
  } finally {
    await Promise.all([viaSearch.stop(), perUid.stop(), unguarded.stop()]);
    await emulator.stop();
  }
};
