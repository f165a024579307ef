import {
  constants,
  type PerformanceEntry,
  PerformanceObserver,
  performance,
} from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { exposedGc, youngGcEvery } from "./young-gc.js";

const MIB = 1024 * 1024;

type GcEntry = PerformanceEntry & { detail: { kind: number } };

describe("youngGcEvery", () => {
  it("collects once each time the bytes read since the last collection reach the step", () => {
    let collected = 0;
    const gc = youngGcEvery(100, () => collected++);
    gc.read(60);
    expect(collected).toBe(0);
    gc.read(40);
    expect(collected).toBe(1);
    gc.read(99);
    expect(collected).toBe(1);
    gc.read(1);
    expect(collected).toBe(2);
    gc.read(250); // one collection for one large read, and the count starts again
    gc.read(99);
    expect(collected).toBe(3);
  });
});

describe("exposedGc", () => {
  /** The kinds of the GCs that started between `t0` and `t1` (performance.now()). */
  const gcKindsDuring = async (run: () => void) => {
    const seen: { start: number; kind: number }[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        seen.push({ start: entry.startTime, kind: (entry as GcEntry).detail.kind });
    });
    observer.observe({ entryTypes: ["gc"] });
    const t0 = performance.now();
    run();
    const t1 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    return seen.filter((gc) => gc.start >= t0 && gc.start <= t1).map((gc) => gc.kind);
  };

  it("is V8's gc on this runtime, handed over without a global", () => {
    const gc = exposedGc();
    expect(gc).toBeTypeOf("function");
    expect(exposedGc()).toBe(gc);
    expect("gc" in globalThis).toBe(false);
  });

  it("a minor collection runs when asked, and frees dead buffers outside the heap", async () => {
    const gc = exposedGc();
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 32; i++) Buffer.allocUnsafeSlow(MIB).fill(i);
    expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThanOrEqual(24 * MIB);
    const kinds = await gcKindsDuring(() => gc?.({ type: "minor" }));
    // V8 may also take an incremental marking step meanwhile; never a full collection.
    expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MINOR);
    expect(kinds).not.toContain(constants.NODE_PERFORMANCE_GC_MAJOR);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * MIB);
  });
});
