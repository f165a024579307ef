import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningRedis, startRedis } from "./helpers/redis.js";
import { type Stack, startStack } from "./helpers/stack.js";

/**
 * The search quota across replicas: two services over one Cloud Directory (the emulator, 5
 * searches a second) and one redis-server, each allowed UPSTREAM_MAX_SEARCH_RPS=3. The shared
 * outbound bucket sends at most 3 in any second (src/loginradius/outbound-limit.ts), which leaves a
 * margin of 2 for calls that reach the emulator's fixed windows late (a loaded machine, the signed
 * run's recording proxy); two replicas that did not share it would send 6 a second and meet 429s
 * (checked by hand with REDIS_URL left out).
 */
let redis: RunningRedis;
let one: Stack;
let two: Stack;
beforeAll(async () => {
  redis = await startRedis();
  const env = { UPSTREAM_MAX_SEARCH_RPS: "3", UPSTREAM_RETRIES: "0", REDIS_URL: redis.url };
  one = await startStack({ emulator: { searchPerSecond: 5 }, env });
  two = await startStack({
    env,
    target: {
      apiUrl: one.lr.url,
      apiKey: one.lr.emulator.apiKey,
      apiSecret: one.lr.emulator.apiSecret,
    },
  });
});
afterAll(async () => {
  await two?.close();
  await one?.close();
  await redis?.close();
});

describe("UPSTREAM_MAX_SEARCH_RPS with REDIS_URL", () => {
  it("holds for the replicas together: 12 searches through two replicas, no 429", async () => {
    const search = '{ searchAccounts(filter: { roles: { eq: "admin" } }) { totalCount } }';
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).gql(search)),
    );
    for (const res of answers) expect(res.errors).toBeUndefined();
    const calls = (await one.calls()).filter((c) => c.path === "/identity");
    expect(calls).toHaveLength(12);
    expect(calls.filter((c) => c.status === 429)).toEqual([]);
  });
});
