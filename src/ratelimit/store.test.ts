import { describe, expect, it } from "vitest";
import { createMemoryRateLimitStore } from "./store.js";

describe("memory rate-limit store", () => {
  it("allows up to the burst, refuses with Retry-After, refills over time", async () => {
    let t = 0;
    const store = createMemoryRateLimitStore(() => t);
    const rule = { perSecond: 2, burst: 3 };
    for (let i = 0; i < 3; i++) expect((await store.take("a", 1, rule)).allowed).toBe(true);
    expect(await store.take("a", 1, rule)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect((await store.take("b", 1, rule)).allowed).toBe(true);
    t = 500;
    expect((await store.take("a", 1, rule)).allowed).toBe(true);
    expect((await store.take("a", 1, rule)).allowed).toBe(false);
  });

  it("refuses a cost larger than the burst", async () => {
    const store = createMemoryRateLimitStore(() => 0);
    const d = await store.take("a", 10, { perSecond: 1, burst: 5 });
    expect(d.allowed).toBe(false);
  });

  it("sweeps each idle bucket by its own rule, not by the rule of the call that sweeps", async () => {
    let t = 0;
    const store = createMemoryRateLimitStore(() => t);
    const callers = { perSecond: 100, burst: 200 };
    t = 9_990;
    expect((await store.take("cost:c", 150, callers)).allowed).toBe(true);
    t = 10_000;
    // A take under another rule triggers the sweep; "cost:c" holds ~51 tokens, far from full.
    await store.take("loginradius:x", 1, { perSecond: 50, burst: 50 });
    expect((await store.take("cost:c", 190, callers)).allowed).toBe(false);
  });
});
