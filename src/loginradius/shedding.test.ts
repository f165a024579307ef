import { describe, expect, it, vi } from "vitest";
import { createBreaker } from "./breaker.js";
import { createSemaphore, ShedError } from "./semaphore.js";

describe("the bounded semaphore", () => {
  it("queues up to maxQueue, refuses the next at once, hands slots over in order", async () => {
    const states: string[] = [];
    const sem = createSemaphore({
      max: 1,
      maxQueue: 1,
      maxWaitMs: 60_000,
      onChange: (s) => states.push(`${s.inFlight}/${s.queued}`),
    });
    const first = await sem.acquire();
    const second = sem.acquire();
    await expect(sem.acquire()).rejects.toEqual(new ShedError("queue_full"));
    first();
    first(); // releasing twice frees one slot, not two
    const release = await second;
    expect(sem.inFlight).toBe(1);
    release();
    expect(states).toEqual(["1/0", "1/1", "1/0", "0/0"]);
  });

  it("refuses a waiter after maxWaitMs, and one whose request was aborted", async () => {
    vi.useFakeTimers();
    try {
      const sem = createSemaphore({ max: 1, maxQueue: 10, maxWaitMs: 100 });
      await sem.acquire();
      const late = sem.acquire();
      const controller = new AbortController();
      const aborted = sem.acquire(controller.signal);
      controller.abort();
      await expect(aborted).rejects.toEqual(new ShedError("aborted"));
      vi.advanceTimersByTime(100);
      await expect(late).rejects.toEqual(new ShedError("queue_timeout"));
      expect(sem.queued).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

const clock = () => {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe("the circuit breaker", () => {
  it("opens after the threshold of consecutive failures; a success resets the count", () => {
    const c = clock();
    const b = createBreaker({ failureThreshold: 3, openMs: 1000, now: c.now });
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.state()).toBe("closed");
    b.failure();
    expect(b.state()).toBe("open");
    expect(b.allow()).toBe(false);
  });

  it("ignores late outcomes of calls sent before it opened", () => {
    const c = clock();
    const b = createBreaker({ failureThreshold: 1, openMs: 1000, now: c.now });
    b.failure();
    c.advance(500);
    b.success();
    expect(b.state()).toBe("open");
    b.failure();
    c.advance(500);
    expect(b.state()).toBe("half-open");
  });
});

describe("the circuit breaker, half-open", () => {
  it("half-opens after openMs and lets exactly one probe through", () => {
    const c = clock();
    const changes: string[] = [];
    const b = createBreaker({
      failureThreshold: 1,
      openMs: 1000,
      now: c.now,
      onChange: (from, to) => changes.push(`${from}>${to}`),
    });
    b.failure();
    c.advance(999);
    expect(b.allow()).toBe(false);
    c.advance(1);
    expect(b.allow()).toBe(true);
    expect(b.allow()).toBe(false);
    b.failure();
    expect(b.state()).toBe("open");
    c.advance(1000);
    expect(b.allow()).toBe(true);
    b.release(); // the probe was shed before it was sent: the next caller probes instead
    expect(b.allow()).toBe(true);
    b.success();
    expect(b.state()).toBe("closed");
    expect(changes).toEqual([
      "closed>open",
      "open>half-open",
      "half-open>open",
      "open>half-open",
      "half-open>closed",
    ]);
  });
});
