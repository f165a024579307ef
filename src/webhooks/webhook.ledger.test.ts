import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningRedis, startRedis } from "../../test/helpers/redis.js";
import { silentLogger } from "../log.js";
import { createMemoryLedger, createRedisLedger, type DeliveryLedger } from "./webhook.ledger.js";

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.close());

/** One replica's ledger over the shared Redis; `failures` counts answers from memory. */
const replica = (url: string) => {
  const failures = { count: 0 };
  const ledger = createRedisLedger(
    { url, keyPrefix: "test:webhook:", timeoutMs: 250 },
    createMemoryLedger(),
    silentLogger,
    () => failures.count++,
  );
  return { ledger, failures };
};

describe("the webhook ledger", () => {
  it("sees a delivery once across two replicas sharing Redis, and keeps it no longer than asked", async () => {
    const [a, b] = [replica(redis.url), replica(redis.url)];
    expect(await a.ledger.first("sig-1", 60_000)).toBe(true);
    expect(await b.ledger.first("sig-1", 60_000)).toBe(false);
    expect(await a.ledger.first("sig-1", 60_000)).toBe(false);
    const ttl = await redis.client.pttl("test:webhook:seen:sig-1");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(a.failures.count + b.failures.count).toBe(0);
    await Promise.all([a.ledger.close(), b.ledger.close()]);
  });

  it("records the newest event time per account across replicas", async () => {
    const [a, b] = [replica(redis.url), replica(redis.url)];
    expect(await a.ledger.newest("ada", 2_000, 60_000)).toBe(true);
    expect(await b.ledger.newest("ada", 1_000, 60_000)).toBe(false);
    expect(await b.ledger.newest("ada", 2_000, 60_000)).toBe(false);
    expect(await b.ledger.newest("ada", 3_000, 60_000)).toBe(true);
    await Promise.all([a.ledger.close(), b.ledger.close()]);
  });

  it("answers from this process when Redis is unreachable: a miss, never an error", async () => {
    const down = replica("redis://127.0.0.1:1");
    expect(await down.ledger.first("sig-2", 60_000)).toBe(true);
    expect(await down.ledger.first("sig-2", 60_000)).toBe(false);
    expect(down.failures.count).toBe(2);
    await down.ledger.close();
  });

  it("in memory: bounded, and an expired key is new again", async () => {
    let now = 0;
    const ledger: DeliveryLedger = createMemoryLedger(() => now, 2);
    expect(await ledger.first("a", 100)).toBe(true);
    expect(await ledger.first("b", 100)).toBe(true);
    expect(await ledger.first("c", 100)).toBe(true);
    // "a" was the oldest of three with room for two.
    expect(await ledger.first("a", 100)).toBe(true);
    expect(await ledger.first("c", 100)).toBe(false);
    now = 101;
    expect(await ledger.first("c", 100)).toBe(true);
  });
});
