import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type RunningRedis, startRedis } from "../../test/helpers/redis.js";
import { silentLogger } from "../log.js";
import type { BoundScope, CallInput, Endpoint, LoginRadiusHttp } from "../loginradius/http.js";
import { createReadCache } from "./read-cache.js";
import { createSealer } from "./seal.js";
import { createSharedCache, type PeerMessage, type SharedCache } from "./shared-cache.js";

const Profile = z.object({ Uid: z.string(), Email: z.string(), N: z.number() });
const READ: Endpoint = {
  method: "GET",
  path: "/account/{uid}",
  retry: true,
  schema: Profile,
  cache: "profile",
};
const WRITE: Endpoint = { method: "PUT", path: "/account/{uid}", retry: true, schema: Profile };

/** One LoginRadius for every replica: counts calls; a write bumps the account's N. */
const versions = new Map<string, number>();
let upstreamCalls = 0;
const http: LoginRadiusHttp = {
  call: (async (endpoint: Endpoint, input: CallInput) => {
    const uid = input.params?.uid ?? "?";
    upstreamCalls++;
    if (endpoint.method !== "GET") versions.set(uid, (versions.get(uid) ?? 0) + 1);
    const N = versions.get(uid) ?? 0;
    await new Promise((r) => setTimeout(r, 1));
    return { Uid: uid, Email: `${uid}@secret-mail.test`, N, PasswordHash: undefined };
  }) as LoginRadiusHttp["call"],
  scope: (scope) =>
    ({
      ...scope,
      signal: new AbortController().signal,
      deadlineAt: Date.now() + 10_000,
      end() {},
    }) as BoundScope,
  health: {} as LoginRadiusHttp["health"],
};

const KEY = randomBytes(32);
let redis: RunningRedis;
const shareds: SharedCache[] = [];

/** A replica: its own process cache over the shared Redis, drops from peers applied to it. */
const replica = () => {
  let cache: ReturnType<typeof createReadCache> | undefined;
  const sealer = createSealer(KEY);
  const shared = createSharedCache({
    url: redis.url,
    prefix: "test:cache:site:",
    sealer,
    nameKey: KEY,
    ttlMs: 60_000,
    onMessage: (m) => {
      if (m.kind === "drop") cache?.dropLocal(m.owners, m.parts);
    },
    onHealth: () => {},
  });
  shareds.push(shared);
  cache = createReadCache({
    ttlMs: 60_000,
    maxBytes: 1_000_000,
    coalesce: true,
    shared,
    sealer,
    logger: silentLogger,
  });
  return cache.wrap(http);
};
const read = async (r: LoginRadiusHttp, uid: string) =>
  (await r.call(READ, { params: { uid } }, {})) as z.infer<typeof Profile>;
const write = (r: LoginRadiusHttp, uid: string) => r.call(WRITE, { params: { uid }, body: {} }, {});

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const shared of shareds) await shared.close();
  await redis.close();
});

describe("the shared cache (Redis)", () => {
  it("lets a replica serve what another read, and a write through one is seen by the other at once", async () => {
    const [a, b] = [replica(), replica()];
    await read(a, "warm");
    await new Promise((r) => setTimeout(r, 50));
    const before = upstreamCalls;
    expect((await read(a, "s1")).N).toBe(0);
    expect((await read(b, "s1")).N).toBe(0);
    expect(upstreamCalls - before).toBe(1);
    let stale = 0;
    for (let i = 1; i <= 200; i++) {
      await write(i % 2 ? a : b, "s1");
      if ((await read(i % 2 ? b : a, "s1")).N !== i) stale++;
      if ((await read(i % 2 ? a : b, "s1")).N !== i) stale++;
    }
    expect(stale).toBe(0);
  });
});

describe("what Redis holds", () => {
  it("keeps no account data readable in Redis: names keyed, values sealed under the key", async () => {
    const a = replica();
    await read(a, "scan-me");
    await new Promise((r) => setTimeout(r, 20));
    const keys = await redis.client.keys("*");
    expect(keys.length).toBeGreaterThan(0);
    const wrong = createSealer(randomBytes(32));
    let sealedValues = 0;
    let ours = 0;
    for (const key of keys) {
      expect(key).not.toContain("scan-me");
      if ((await redis.client.type(key)) !== "hash") continue;
      const entries = await redis.client.hgetallBuffer(key);
      for (const [field, value] of Object.entries(entries)) {
        sealedValues++;
        expect(field).not.toContain("scan-me");
        expect(value.toString("latin1")).not.toMatch(/scan-me|secret-mail/);
        expect(wrong.open(value, field)).toBeNull();
        expect(createSealer(KEY).open(value, field)).not.toBeNull();
        if (createSealer(KEY).open(value, field)?.includes("scan-me")) ours++;
      }
    }
    expect(sealedValues).toBeGreaterThan(0);
    expect(ours).toBe(1);
  });
});

describe("messages between replicas", () => {
  it("tells every other replica of a LoginRadius 429, sealed, and not the sender itself", async () => {
    const heard: PeerMessage[][] = [[], []];
    const peers = [0, 1].map((i) => {
      const shared = createSharedCache({
        url: redis.url,
        prefix: "test:cache:site:",
        sealer: createSealer(KEY),
        nameKey: KEY,
        ttlMs: 60_000,
        onMessage: (m) => heard[i]?.push(m),
        onHealth: () => {},
      });
      shareds.push(shared);
      return shared;
    });
    await Promise.all(peers.map((p) => p.read("warm")));
    await new Promise((r) => setTimeout(r, 100));
    await peers[0]?.announce({ kind: "backoff", until: 123 });
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([[], [{ kind: "backoff", until: 123 }]]);
  });
});

describe("Redis failures", () => {
  it("answers every read with Redis killed (misses, not errors) and shares again once it is back", async () => {
    const a = replica();
    const b = replica();
    await read(a, "k1");
    const port = new URL(redis.url).port;
    await redis.client.shutdown("NOSAVE").catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    let failed = 0;
    for (let i = 0; i < 50; i++) {
      await write(a, "k1").catch(() => failed++);
      const seen = await read(b, "k1").catch(() => null);
      if (seen === null) failed++;
    }
    expect(failed).toBe(0);
    const child = spawn(
      "redis-server",
      ["--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    try {
      let back = false;
      for (let i = 0; i < 100 && !back; i++) {
        await new Promise((r) => setTimeout(r, 100));
        await write(a, "k1");
        back = (await redis.client.keys("test:cache:*")).length > 0;
      }
      expect(back).toBe(true);
      // b may serve its own copy for DEGRADED_MAX_AGE_MS (1 s) until it is reconnected.
      let current = false;
      for (let i = 0; i < 40 && !current; i++) {
        await new Promise((r) => setTimeout(r, 100));
        current = (await read(b, "k1")).N === versions.get("k1");
      }
      expect(current).toBe(true);
      const before = upstreamCalls;
      expect((await read(b, "k1")).N).toBe(versions.get("k1"));
      expect((await read(a, "k1")).N).toBe(versions.get("k1"));
      expect(upstreamCalls - before).toBe(0);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
