import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningRedis, startRedis } from "../../test/helpers/redis.js";
import { createRedisRateLimitStore } from "./redis.js";
import type { RateLimitStore } from "./store.js";

let redis: RunningRedis;
let store: RateLimitStore;
beforeAll(async () => {
  redis = await startRedis();
  store = createRedisRateLimitStore({ url: redis.url, keyPrefix: "unit:" });
});
afterAll(async () => {
  await store?.close();
  await redis?.close();
});

describe("Redis token bucket", () => {
  it("gives the burst, then says how long until the cost is there again", async () => {
    const rule = { perSecond: 0.5, burst: 3 };
    for (let i = 0; i < 3; i++) expect((await store.take("a", 1, rule)).allowed).toBe(true);
    // 1 token at 0.5 per second: 2 s (rounded up to whole seconds, never below 1).
    expect(await store.take("a", 1, rule)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    // Another key has its own bucket.
    expect((await store.take("b", 3, rule)).allowed).toBe(true);
  });

  it("refuses a cost larger than what is left, keeping what is left", async () => {
    const rule = { perSecond: 0.001, burst: 10 };
    expect((await store.take("c", 7, rule)).allowed).toBe(true);
    expect((await store.take("c", 4, rule)).allowed).toBe(false);
    expect((await store.take("c", 3, rule)).allowed).toBe(true);
  });

  it("prefixes keys and lets them expire when the bucket would be full again", async () => {
    await store.take("d", 1, { perSecond: 1, burst: 5 });
    const ttl = await redis.client.pttl("unit:d");
    // One token short at one per second: about 1 s, plus 1 s of slack.
    expect(ttl).toBeGreaterThan(1000);
    expect(ttl).toBeLessThanOrEqual(2000);
  });
});
