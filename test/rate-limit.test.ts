import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADA } from "./helpers/emulator.js";
import { type RunningRedis, startRedis } from "./helpers/redis.js";
import { type Stack, startStack } from "./helpers/stack.js";

const QUERY = `{ accountByUid(uid: "${ADA}") { uid } }`;

/** A raw POST: the tests read the status and Retry-After. */
const post = async (s: Stack, query: string, variables?: Record<string, unknown>) => {
  const res = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    // biome-ignore lint/suspicious/noExplicitAny: response shapes vary
    body: (await res.json()) as any,
  };
};

/** Refill so slow that no test run sees a token come back: the assertions do not race a clock. */
const SLOW = "0.0001";

const expectLimited = async (res: Awaited<ReturnType<typeof post>>) => {
  expect(res.status).toBe(429);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors[0].extensions.code).toBe("RATE_LIMITED");
  const seconds = Number(res.retryAfter);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(res.body.errors[0].extensions.retryAfterSeconds).toBe(seconds);
};

describe("per-caller rate limit in memory", () => {
  it("operations per second: the burst, then 429 with Retry-After and no upstream call", async () => {
    const s = await startStack({
      env: { RATE_LIMIT_OPS_PER_SECOND: SLOW, RATE_LIMIT_OPS_BURST: "3" },
    });
    try {
      for (let i = 0; i < 3; i++) expect((await post(s, QUERY)).status).toBe(200);
      await s.reset();
      await expectLimited(await post(s, QUERY));
      expect(await s.calls()).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("upstream cost per second: an operation whose cost is not there is refused", async () => {
    const s = await startStack({
      env: { RATE_LIMIT_COST_PER_SECOND: SLOW, RATE_LIMIT_COST_BURST: "100" },
    });
    const batch = (from: number) => Array.from({ length: 60 }, (_, i) => `u-${from + i}`);
    const q = "query($u: [ID!]!) { accountsByUids(uids: $u) { uid } }";
    try {
      expect((await post(s, q, { u: batch(0) })).status).toBe(200);
      await s.reset();
      await expectLimited(await post(s, q, { u: batch(100) }));
      expect(await s.calls()).toEqual([]);
      // 40 calls are left: a cheaper operation still fits.
      expect((await post(s, q, { u: batch(200).slice(0, 40) })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("rejects a cost burst smaller than the largest allowed operation", async () => {
    await expect(
      startStack({ env: { RATE_LIMIT_COST_PER_SECOND: "100", RATE_LIMIT_COST_BURST: "50" } }),
    ).rejects.toThrow(/RATE_LIMIT_COST_BURST \(50\) must be at least MAX_UPSTREAM_COST \(100\)/);
  });
});

describe("per-caller rate limit in Redis", () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis?.close());

  it("two service instances sharing one Redis share one budget", async () => {
    const env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: "test-shared:",
      RATE_LIMIT_OPS_PER_SECOND: SLOW,
      RATE_LIMIT_OPS_BURST: "3",
      RATE_LIMIT_COST_PER_SECOND: "100",
    };
    const [a, b] = await Promise.all([startStack({ env }), startStack({ env })]);
    try {
      expect((await post(a, QUERY)).status).toBe(200);
      expect((await post(b, QUERY)).status).toBe(200);
      expect((await post(a, QUERY)).status).toBe(200);
      await expectLimited(await post(b, QUERY));
      await expectLimited(await post(a, QUERY));
      // Keys carry the prefix and expire once the bucket would be full again. The outbound limit
      // towards LoginRadius draws from the same store: one bucket per site (its API key's digest,
      // whichever URL reaches it), here one: both emulators are the demo site.
      const keys = (await redis.client.keys("test-shared:*")).sort();
      expect(keys.filter((k) => !k.startsWith("test-shared:loginradius:"))).toEqual([
        "test-shared:cost:anonymous",
        "test-shared:ops:anonymous",
      ]);
      expect(keys.filter((k) => /^test-shared:loginradius:[0-9a-f]{16}$/.test(k))).toHaveLength(1);
      expect(await redis.client.pttl("test-shared:ops:anonymous")).toBeGreaterThan(0);
      expect(await redis.client.pttl("test-shared:cost:anonymous")).toBeGreaterThan(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("when Redis is unreachable, limits per process instead of failing or opening", async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: "warn" },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const down = await startRedis();
    const url = down.url;
    await down.close();
    const s = await startStack({
      env: { REDIS_URL: url, RATE_LIMIT_OPS_PER_SECOND: SLOW, RATE_LIMIT_OPS_BURST: "2" },
      logger,
    });
    try {
      expect((await post(s, QUERY)).status).toBe(200);
      expect((await post(s, QUERY)).status).toBe(200);
      await expectLimited(await post(s, QUERY));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("limiting per process");
      expect(lines[0]).not.toContain(url);
    } finally {
      await s.close();
    }
  });
});
