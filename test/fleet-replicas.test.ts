import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADA,
  ALAN,
  GRACE,
  KATHERINE,
  LINUS,
  type RunningEmulator,
  startEmulator,
} from "./helpers/emulator.js";
import { type RunningRedis, startRedis } from "./helpers/redis.js";
import { type ServiceProcess, startServiceProcess } from "./helpers/service-process.js";

/**
 * Issue 20 with real processes: two replicas of src/main.ts, one emulator, one redis-server.
 * Few tests, each doing much: process starts dominate the file's time.
 */
let lr: RunningEmulator;
let redis: RunningRedis;
let replicas: ServiceProcess[] = [];

const ENV = {
  CACHE_TTL_MS: "60000",
  // The quota has its own tests; here it would only stretch 2,000 upstream writes over 40 s.
  UPSTREAM_MAX_RPS: "100000",
  LOG_LEVEL: "warn",
  AUTH_DISABLED: "true",
  // One test caller sends 200 operations at once.
  MAX_INFLIGHT_PER_CALLER: "0",
};

beforeAll(async () => {
  lr = await startEmulator();
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
const gql = async (
  url: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<Answer> => {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return { ...((await res.json()) as object), cache: res.headers.get("x-account-graph-cache") };
};
const calls = async (route: string) =>
  ((await lr.control("GET", "/calls")).body.calls as { route: string | null }[]).filter(
    (c) => c.route === route,
  ).length;
const BY_UID = "GET /identity/v2/manage/account/{uid}";

describe("replicas sharing Redis", () => {
  it("answers 200 concurrent reads of one account with one upstream call, and says in a header what it served", async () => {
    await lr.control("DELETE", "/calls");
    const url = replicas[0]?.url as string;
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        gql(url, `{ accountByUid(uid: "${ALAN}") { uid firstName } }`),
      ),
    );
    expect(answers.every((a) => a.data?.accountByUid?.uid === ALAN)).toBe(true);
    expect(await calls(BY_UID)).toBe(1);
    const again = await gql(
      replicas[1]?.url as string,
      `{ accountByUid(uid: "${ALAN}") { firstName } }`,
    );
    expect(again.cache).toMatch(/^hits=1; misses=0; age-ms=\d+$/);
    const fresh = await gql(url, `{ accountByUid(uid: "${ALAN}") { firstName } }`, {
      "cache-control": "no-cache",
    });
    expect(fresh.cache).toBe("hits=0; misses=1; age-ms=0");
    expect(await calls(BY_UID)).toBe(2);
  });

  it("reads every write through the other replica: 1,000 write-then-read pairs, 0 stale", async () => {
    const lanes = [ADA, ALAN, LINUS, KATHERINE, GRACE];
    let stale = 0;
    let failed = 0;
    await Promise.all(
      lanes.map(async (uid, lane) => {
        for (let i = 0; i < 200; i++) {
          const name = `W${lane}x${i}`;
          const [writer, reader] = i % 2 ? [replicas[0], replicas[1]] : [replicas[1], replicas[0]];
          const wrote = await gql(
            writer?.url as string,
            `mutation { updateAccount(uid: "${uid}", input: { firstName: "${name}" }) { uid } }`,
          );
          if (wrote.errors) failed++;
          const read = await gql(
            reader?.url as string,
            `{ accountByUid(uid: "${uid}") { firstName } }`,
          );
          if (read.data?.accountByUid?.firstName !== name) stale++;
        }
      }),
    );
    expect({ stale, failed }).toEqual({ stale: 0, failed: 0 });
  }, 120_000);

  it("never puts a password hash or a backup code in Redis, nor anything readable without the key", async () => {
    const url = replicas[0]?.url as string;
    const secret = await gql(
      url,
      `{ accountByUid(uid: "${ADA}") { primaryEmail passwordHash backupCodes } }`,
    );
    const hash = secret.data?.accountByUid?.passwordHash as string;
    const codes = (secret.data?.accountByUid?.backupCodes ?? []) as string[];
    const email = secret.data?.accountByUid?.primaryEmail as string;
    expect(hash).toBeTruthy();
    const dump: string[] = [];
    for (const key of await redis.client.keys("*")) {
      dump.push(key);
      const type = await redis.client.type(key);
      if (type === "hash")
        for (const [f, v] of Object.entries(await redis.client.hgetallBuffer(key)))
          dump.push(f, v.toString("latin1"));
      if (type === "string")
        dump.push(((await redis.client.getBuffer(key)) ?? Buffer.alloc(0)).toString("latin1"));
    }
    const everything = dump.join("\n");
    expect(dump.length).toBeGreaterThan(3);
    for (const needle of [hash, ...codes, email, ADA, lr.emulator.apiKey, lr.emulator.apiSecret])
      if (needle) expect(everything).not.toContain(needle);
  });

  it("loses no operation while Redis is killed, and shares again once it is back", async () => {
    const port = new URL(redis.url).port;
    let failed = 0;
    let ops = 0;
    const run = async (rounds: number) => {
      for (let i = 0; i < rounds; i++) {
        const r = replicas[i % 2]?.url as string;
        const res =
          i % 5 === 0
            ? await gql(
                r,
                `mutation { updateAccount(uid: "${LINUS}", input: { middleName: "R${i}" }) { uid } }`,
              )
            : await gql(r, `{ accountByUid(uid: "${LINUS}") { middleName } }`);
        ops++;
        if (res.errors || !res.data) failed++;
      }
    };
    const during = run(300);
    await redis.client.shutdown("NOSAVE").catch(() => {});
    await during;
    await run(50);
    const child = spawn(
      "redis-server",
      ["--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    try {
      // Recovery waits on the clients' reconnect backoff, which a loaded machine stretches: keep
      // operating (every answer must still succeed) until the cache is shared again, for up to 30 s.
      let shared = false;
      for (const end = Date.now() + 30_000; !shared && Date.now() < end; ) {
        await run(4);
        shared = (await redis.client.keys("*cache:*").catch(() => [])).length > 0;
        if (!shared) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect({ failed, ops: ops > 350, shared }).toEqual({ failed: 0, ops: true, shared: true });
      const metrics = await (
        await fetch(String(replicas[0]?.url).replace("/graphql", "/metrics"))
      ).text();
      expect(metrics).toMatch(/account_graph_cache_redis_up 1/);
      expect(replicas[0]?.output()).toMatch(/shared cache \(Redis\) failed/);
    } finally {
      child.kill("SIGTERM");
    }
  }, 60_000);
});
