import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryRateLimitStore } from "../ratelimit/store.js";
import { createOutboundLimit, localBackoff, type QuotaWait } from "./outbound-limit.js";
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
  it("saves no burst while idle: after a quiet spell one call goes at once, the next waits its token", async () => {
    const limit = limitWith(20, 500);
    await vi.advanceTimersByTimeAsync(10_000);
    await limit.take("GET /x");
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

  it("never lets more than perSecond through in any second, the first after idling included", async () => {
    const limit = limitWith(50, 60_000);
    await vi.advanceTimersByTimeAsync(5_000);
    const start = Date.now();
    const at: number[] = [];
    const all = Promise.all(
      Array.from({ length: 120 }, () => limit.take("GET /x").then(() => at.push(Date.now()))),
    );
    await vi.advanceTimersByTimeAsync(4_000);
    await all;
    expect(at).toHaveLength(120);
    for (const t of at)
      expect(at.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(50);
    expect(at.filter((t) => t < start + 1000).length).toBeLessThanOrEqual(50);
  });

  it("fails fast with rate_limited when the next token is further away than maxWaitMs", async () => {
    const limit = limitWith(1, 100);
    await limit.take("GET /x");
    const refused = await limit.take("GET /x").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UpstreamError);
    expect(refused).toMatchObject({ failure: "rate_limited", status: null, retryAfterSeconds: 1 });
  });
});

describe("the fleet's quota", () => {
  it("holds every call after a 429 until the one-second window resets, and says why it waited", async () => {
    const backoff = localBackoff();
    const waits: QuotaWait[] = [];
    const limit = createOutboundLimit({
      store: createMemoryRateLimitStore(),
      key: "lr",
      perSecond: 100,
      maxWaitMs: 5_000,
      backoff,
      onWait: (reason) => waits.push(reason),
    });
    // A longer Retry-After is the call's own (retried or reported): the fleet waits one window.
    limit.tooMany(30);
    const started = Date.now();
    let sent = 0;
    const call = limit.take("GET /x").then(() => sent++);
    await vi.advanceTimersByTimeAsync(900);
    expect(sent).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    await call;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(waits).toEqual(["backoff"]);
  });

  it("refuses at once what could not be sent before the 429's window resets", async () => {
    const limit = limitWith(100, 500);
    limit.tooMany(3);
    const refused = await limit.take("GET /x").catch((e: unknown) => e);
    expect(refused).toMatchObject({ failure: "rate_limited", retryAfterSeconds: 1 });
  });

  it("lets writes and single reads go before bulk reads when tokens are short", async () => {
    const limit = limitWith(10, 5_000);
    await limit.take("GET /x");
    const order: string[] = [];
    const bulk = limit.take("GET /bulk", undefined, true).then(() => order.push("bulk"));
    const single = limit.take("PUT /x").then(() => order.push("write"));
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all([bulk, single]);
    expect(order).toEqual(["write", "bulk"]);
  });
});
