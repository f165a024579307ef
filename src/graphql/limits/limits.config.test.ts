import { describe, expect, it } from "vitest";
import { readConfig } from "../../config.js";
import { ConfigError } from "../../env.js";

describe("limits configuration", () => {
  it("has safe defaults: APQ off, rate limits on, in memory", () => {
    expect(readConfig({}).limits).toEqual({
      operation: {
        maxDepth: 8,
        maxAliases: 64,
        maxDirectives: 10,
        maxTokens: 2000,
        maxUpstreamCost: 100,
        maxSideEffects: 5,
        maxResultItems: 10_000,
        maxResponseBytes: 4 * 1024 * 1024,
      },
      rateLimit: {
        opsPerSecond: 50,
        opsBurst: 100,
        costPerSecond: 100,
        costBurst: 200,
        itemsPerSecond: 10_000,
        itemsBurst: 20_000,
        maxInflight: 4,
        redisUrl: null,
        redisKeyPrefix: "account-graph:ratelimit:",
      },
      documents: {
        apq: false,
        apqCacheBytes: 4 * 1024 * 1024,
        documentCacheBytes: 8 * 1024 * 1024,
      },
    });
  });

  it("reads every variable", () => {
    const limits = readConfig({
      MAX_DEPTH: "5",
      MAX_ALIASES: "50",
      MAX_DIRECTIVES: "3",
      MAX_TOKENS: "500",
      MAX_UPSTREAM_COST: "20",
      MAX_SIDE_EFFECTS: "1",
      RATE_LIMIT_OPS_PER_SECOND: "0.5",
      RATE_LIMIT_OPS_BURST: "2",
      RATE_LIMIT_COST_PER_SECOND: "0",
      REDIS_URL: "redis://:pw@127.0.0.1:6379/2",
      REDIS_KEY_PREFIX: "ag:",
      APQ: "true",
      APQ_CACHE_BYTES: "65536",
      DOCUMENT_CACHE_BYTES: "131072",
    }).limits;
    expect(limits.operation).toMatchObject({ maxDepth: 5, maxTokens: 500, maxSideEffects: 1 });
    expect(limits.rateLimit).toMatchObject({
      opsPerSecond: 0.5,
      opsBurst: 2,
      costPerSecond: 0,
      costBurst: 20,
      redisKeyPrefix: "ag:",
    });
    expect(limits.documents).toEqual({
      apq: true,
      apqCacheBytes: 65536,
      documentCacheBytes: 131072,
    });
  });
});

describe("limits configuration errors", () => {
  it("lists every bad variable at once, never echoing the Redis URL", () => {
    const secret = "http://user:hunter2@cache.internal:6379";
    let problems: string[] = [];
    try {
      readConfig({
        MAX_DEPTH: "0",
        MAX_TOKENS: "lots",
        RATE_LIMIT_OPS_PER_SECOND: "-1",
        APQ: "yes",
        REDIS_URL: secret,
      });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems.map((p) => p.split(" ")[0])).toEqual([
      "MAX_DEPTH",
      "MAX_TOKENS",
      "RATE_LIMIT_OPS_PER_SECOND",
      "REDIS_URL",
      "APQ",
    ]);
    expect(problems.join("\n")).not.toContain("hunter2");
  });
});
