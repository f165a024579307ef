import { HTTPError } from "ky";
import { describe, expect, it } from "vitest";
import { retryOptions } from "./retry.js";

const TUNING = { retryLimit: 2, retryBaseDelayMs: 100, maxRetryAfterSeconds: 5 };
const NOW = 1_000_000;

/** ky's HTTPError for an answer with this status and Retry-After. */
const answered = (status: number, retryAfter?: string) =>
  new HTTPError(
    new Response(null, {
      status,
      headers: retryAfter === undefined ? {} : { "retry-after": retryAfter },
    }),
    new Request("http://upstream.invalid/x"),
    {} as never,
  );

/** What the call's retry options decide for this failure, `msLeft` before the deadline. */
const decide = (error: Error, msLeft: number, retryCount = 1) => {
  const options = retryOptions(TUNING, "GET", true, { deadlineAt: NOW + msLeft }, () => NOW);
  return options.shouldRetry?.({ error, retryCount });
};

describe("retries and the request's deadline", () => {
  it("leaves ky to retry when the wait fits before the deadline", () => {
    expect(decide(answered(503, "0"), 1_000)).toBeUndefined();
    expect(decide(answered(503, "2"), 3_000)).toBeUndefined();
    expect(decide(answered(500), 1_000)).toBeUndefined();
  });

  it("refuses a retry whose wait would end past the deadline", () => {
    expect(decide(answered(503, "3"), 1_000)).toBe(false);
    expect(decide(answered(429, "4"), 2_000)).toBe(false);
    // Backoff: 100 ms, then 200, 400... capped at 2 s.
    expect(decide(answered(500), 150, 1)).toBeUndefined();
    expect(decide(answered(500), 150, 2)).toBe(false);
  });

  it("counts an HTTP-date Retry-After as the longest wait allowed", () => {
    const date = new Date(NOW + 60_000).toUTCString();
    expect(decide(answered(503, date), 4_000)).toBe(false);
    expect(decide(answered(503, date), 6_000)).toBeUndefined();
  });

  it("never retries a 429 asking for longer than allowed, nor after the deadline passed", () => {
    expect(decide(answered(429, "60"), 100_000)).toBe(false);
    const ended = {
      aborted: true,
      reason: undefined,
      addEventListener() {},
      removeEventListener() {},
    };
    const options = retryOptions(TUNING, "GET", true, { signal: ended }, () => NOW);
    expect(options.shouldRetry?.({ error: answered(500), retryCount: 1 })).toBe(false);
  });

  it("never retries a 429 whose HTTP date asks for longer than allowed (read as seconds, one rule)", () => {
    const date = new Date(NOW + 60_000).toUTCString();
    expect(decide(answered(429, date), 100_000)).toBe(false);
    expect(decide(answered(429, new Date(NOW + 3_000).toUTCString()), 100_000)).toBeUndefined();
  });

  it("gives calls that are not safe to repeat no retry at all", () => {
    expect(retryOptions(TUNING, "POST", false)).toEqual({ limit: 0 });
  });
});

/** The wait ky sleeps before the retry `shouldRetry` just allowed: its delay, then its jitter. */
const waitAfter = (error: Error, retryCount = 1) => {
  const options = retryOptions(TUNING, "GET", true, { deadlineAt: NOW + 100_000 }, () => NOW);
  expect(options.shouldRetry?.({ error, retryCount })).toBeUndefined();
  const delay = options.delay?.(retryCount) ?? Number.NaN;
  const jitter = options.jitter;
  return { delay, jittered: typeof jitter === "function" ? jitter(delay) : delay };
};

describe("the wait before a retry", () => {
  it("is what Retry-After asks, unjittered, up to the bound; ky reads no header itself", () => {
    expect(waitAfter(answered(503, "2"))).toEqual({ delay: 2_000, jittered: 2_000 });
    expect(waitAfter(answered(503, "60"))).toEqual({ delay: 5_000, jittered: 5_000 });
    expect(waitAfter(answered(429, "0"))).toEqual({ delay: 0, jittered: 0 });
    expect(retryOptions(TUNING, "GET", true).afterStatusCodes).toEqual([]);
  });

  it("is the jittered backoff when Retry-After is absent or not delta-seconds or a date", () => {
    for (const header of [undefined, "1.5", "1e3", "-5", "soon"]) {
      const { delay, jittered } = waitAfter(answered(503, header), 2);
      expect(delay).toBe(200);
      expect(jittered).toBeGreaterThanOrEqual(0);
      expect(jittered).toBeLessThanOrEqual(200);
    }
  });
});
