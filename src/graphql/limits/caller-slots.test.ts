import { describe, expect, it } from "vitest";
import { CallerSlots } from "./caller-slots.js";

const tick = () => new Promise((r) => setImmediate(r));

describe("CallerSlots", () => {
  it("runs at most `max` per caller, the rest in order, other callers untouched", async () => {
    const slots = new CallerSlots(2, 10);
    const order: string[] = [];
    const a1 = await slots.acquire("a");
    const a2 = await slots.acquire("a");
    const a3 = slots.acquire("a").then((release) => {
      order.push("a3");
      return release;
    });
    const a4 = slots.acquire("a").then((release) => {
      order.push("a4");
      return release;
    });
    const b1 = await slots.acquire("b");
    expect(b1).not.toBeNull();
    await tick();
    expect(order).toEqual([]);
    a1?.();
    a1?.(); // a second release of the same slot frees nothing more
    await tick();
    expect(order).toEqual(["a3"]);
    a2?.();
    await tick();
    expect(order).toEqual(["a3", "a4"]);
    (await a3)?.();
    (await a4)?.();
    b1?.();
    expect(slots.callers).toBe(0);
  });

  it("refuses at once when too many already wait", async () => {
    const slots = new CallerSlots(1, 1);
    const running = await slots.acquire("a");
    const waiting = slots.acquire("a");
    expect(await slots.acquire("a")).toBeNull();
    running?.();
    const next = await waiting;
    expect(next).not.toBeNull();
    next?.();
    expect(slots.callers).toBe(0);
  });
});
