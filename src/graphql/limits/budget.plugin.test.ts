import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { createMemoryRateLimitStore } from "../../ratelimit/store.js";
import { admitCaller } from "./budget.plugin.js";
import type { RateLimitConfig } from "./limits.config.js";

const config: RateLimitConfig = {
  opsPerSecond: 1,
  opsBurst: 2,
  costPerSecond: 10,
  costBurst: 100,
  itemsPerSecond: 1000,
  itemsBurst: 5000,
  maxInflight: 0,
  redisUrl: null,
  redisKeyPrefix: "",
};

const refusal = async (promise: Promise<void>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphQLError) return error.extensions;
    throw error;
  }
  return null;
};

describe("admitCaller", () => {
  it("keeps one budget per caller name", async () => {
    const store = createMemoryRateLimitStore(() => 0);
    await admitCaller(store, config, "billing", 0);
    await admitCaller(store, config, "billing", 0);
    expect(await refusal(admitCaller(store, config, "billing", 0))).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 1,
      http: { status: 429 },
    });
    expect(await refusal(admitCaller(store, config, "support", 0))).toBeNull();
  });

  it("charges the operation's upstream cost, and says when it will be there", async () => {
    const store = createMemoryRateLimitStore(() => 0);
    await admitCaller(store, { ...config, opsPerSecond: 0 }, "crm", 95);
    const refused = await refusal(admitCaller(store, { ...config, opsPerSecond: 0 }, "crm", 50));
    // 5 left, 45 more needed at 10 per second: 4.5 s, rounded up.
    expect(refused).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 5 });
    const http = refused?.http as { headers: Map<string, string> } | undefined;
    expect(http?.headers.get("retry-after")).toBe("5");
  });

  it("charges the answer's items, however little they cost upstream", async () => {
    const store = createMemoryRateLimitStore(() => 0);
    const items = { ...config, opsPerSecond: 0 };
    await admitCaller(store, items, "crm", 1, 4000);
    // 1000 left, 2000 more needed at 1000 per second: 2 s.
    expect(await refusal(admitCaller(store, items, "crm", 1, 3000))).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 2,
    });
    expect(await refusal(admitCaller(store, items, "support", 1, 3000))).toBeNull();
  });

  it("limits nothing when every rate is 0", async () => {
    const store = createMemoryRateLimitStore(() => 0);
    const off = { ...config, opsPerSecond: 0, costPerSecond: 0, itemsPerSecond: 0 };
    for (let i = 0; i < 100; i++) await admitCaller(store, off, "bulk", 1000, 100_000);
  });
});
