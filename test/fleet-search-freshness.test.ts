import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "./helpers/emulator.js";
import { type RunningRedis, startRedis } from "./helpers/redis.js";
import { type ServiceProcess, startServiceProcess } from "./helpers/service-process.js";

/**
 * Issue 19 item 3 across a fleet: an account any replica wrote within the search index's lag is
 * read with a profile call on every replica, never from the (lagging) index. Real processes: one
 * emulator with its index lag on, one redis-server, two replicas of src/main.ts.
 */
let lr: RunningEmulator;
let redis: RunningRedis;
let replicas: ServiceProcess[] = [];

const ENV = {
  CACHE_TTL_MS: "60000",
  UPSTREAM_MAX_RPS: "100000",
  UPSTREAM_MAX_SEARCH_RPS: "10000",
  BATCH_VIA_SEARCH_MIN: "3",
  SEARCH_INDEX_LAG_MS: "5000",
  LOG_LEVEL: "warn",
  AUTH_DISABLED: "true",
  MAX_INFLIGHT_PER_CALLER: "0",
};

beforeAll(async () => {
  lr = await startEmulator({ searchLagMs: 1500, searchPerSecond: 0 });
  redis = await startRedis();
  replicas = await Promise.all(
    [1, 2].map(() => startServiceProcess(lr, { ...ENV, REDIS_URL: redis.url })),
  );
}, 60_000);
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.kill()));
  await redis.close();
  await lr.close();
});

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
type Answer = any;
const gql = async (url: string, query: string, variables: object = {}): Promise<Answer> => {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
};
const searches = async () =>
  ((await lr.control("GET", "/calls")).body.calls as { path: string }[]).filter(
    (c) => c.path === "/identity",
  ).length;

describe("read-after-write through another replica's batched reads", () => {
  it("write through A, bulk read through B within the index lag: 200 pairs, the pre-write profile never", {
    timeout: 90_000,
  }, async () => {
    const [a, b] = replicas.map((r) => r.url) as [string, string];
    const found = await gql(
      b,
      "{ searchAccounts(filter: {}, first: 60) { edges { node { uid } } } }",
    );
    const pool: string[] = found.data.searchAccounts.edges.map(
      (e: { node: { uid: string } }) => e.node.uid,
    );
    expect(pool).toHaveLength(60);
    await lr.control("DELETE", "/calls");
    let stale = 0;
    // Ten chains side by side, each writing its own accounts through A and reading through B.
    const chain = async (c: number) => {
      const mine = pool.slice(c * 6, c * 6 + 6);
      for (let i = 0; i < 20; i++) {
        const uid = mine[i % mine.length] as string;
        const name = `Fleet${c}x${i}`;
        const write = await gql(
          a,
          "mutation($uid: ID!, $name: String!) { updateAccount(uid: $uid, input: { firstName: $name }) { uid } }",
          { uid, name },
        );
        expect(write.errors).toBeUndefined();
        const others = pool.filter((u) => u !== uid).slice(c, c + 9);
        const read = await gql(
          b,
          "query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid firstName } }",
          { uids: [...others, uid] },
        );
        expect(read.errors).toBeUndefined();
        if (read.data.accountsByUids[9].firstName !== name) stale++;
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, c) => chain(c)));
    expect(stale).toBe(0);
    // The bulk reads did go through search (else this would prove nothing).
    expect(await searches()).toBeGreaterThan(0);
  });
});
