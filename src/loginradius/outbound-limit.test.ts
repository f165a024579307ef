import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryRateLimitStore } from "../ratelimit/store.js";
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
});
