import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryRateLimitStore, type RateLimitStore } from "../ratelimit/store.js";
import { createOutboundLimit } from "./outbound-limit.js";
import { UpstreamError } from "./upstream-error.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const limitWith = (perSecond: number, maxWaitMs: number, store = createMemoryRateLimitStore()) =>
  createOutboundLimit({ store, key: "lr", perSecond, maxWaitMs });

describe("the outbound rate limit", () => {
  it("allows a second's worth at once, then waits for a token when the wait is short", async () => {
    const limit = limitWith(20, 500);
    for (let i = 0; i < 20; i++) await limit.take("GET /x");
    let done = false;
    const next = limit.take("GET /x").then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(60);
    await next;
    expect(done).toBe(true);
  });

  it("fails fast with rate_limited when the next token is further away than maxWaitMs", async () => {
    const limit = limitWith(1, 100);
    await limit.take("GET /x");
    const refused = await limit.take("GET /x").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UpstreamError);
    expect(refused).toMatchObject({ failure: "rate_limited", status: null, retryAfterSeconds: 1 });
  });

  it("lets calls through when the store fails, reporting it once per 10 s", async () => {
    const reported: unknown[] = [];
    const broken: RateLimitStore = {
      take: () => Promise.reject(new Error("redis down")),
      close: async () => {},
    };
    const limit = createOutboundLimit({
      store: broken,
      key: "lr",
      perSecond: 1,
      maxWaitMs: 1,
      onStoreError: (e) => reported.push(e),
    });
    for (let i = 0; i < 5; i++) await limit.take("GET /x");
    expect(reported).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    await limit.take("GET /x");
    expect(reported).toHaveLength(2);
  });
});
