import { describe, expect, it } from "vitest";
// @ts-expect-error: plain .mjs modules without types, shared with bench/run.mjs
import { FLEET_BUDGET, fleetLines, judge } from "../bench/budget.mjs";

interface Line {
  id: string;
  pass: boolean | null;
  measured: string;
}

/** Fleet figures within every limit: 0.02 calls per read, p50 4 ms vs 23 ms, 50 a second, 180 ms. */
const fleet = () => ({
  steady: { reads: 5000, writes: 250, errors: 0, upstreamReads: 100, callsPerRead: 0.02, p50: 4 },
  directP50: 23,
  visible: { changes: 40, p50: 40, p99: 180 },
  quota: { maxPerSecond: 50, slidingMax: 50, firstWindow: 49 },
});
type Fleet = ReturnType<typeof fleet>;

const verdicts = (f: unknown) =>
  Object.fromEntries((fleetLines(f) as Line[]).map((l) => [l.id, l.pass]));
const failing = (change: (f: Fleet) => void) => {
  const f = fleet();
  change(f);
  return Object.entries(verdicts(f))
    .filter(([, pass]) => !pass)
    .map(([id]) => id);
};

describe("the fleet scenario's lines in the bench's verdict", () => {
  it("pass at their limits", () => {
    expect(verdicts(fleet())).toEqual({
      fleetCalls: true,
      fleetP50: true,
      fleetQuota: true,
      fleetVisible: true,
    });
    expect(FLEET_BUDGET.quota.limit).toBe(50);
  });

  it("each fails past its limit, alone", () => {
    expect(failing((f) => (f.steady.callsPerRead = 0.051))).toEqual(["fleetCalls"]);
    expect(failing((f) => (f.steady.errors = 1))).toEqual(["fleetCalls"]);
    expect(failing((f) => (f.steady.p50 = 23))).toEqual(["fleetP50"]);
    expect(failing((f) => (f.quota.slidingMax = 51))).toEqual(["fleetQuota"]);
    expect(failing((f) => (f.quota.maxPerSecond = 97))).toEqual(["fleetQuota"]);
    expect(failing((f) => (f.quota.firstWindow = 51))).toEqual(["fleetQuota"]);
    expect(failing((f) => (f.visible.p99 = 1001))).toEqual(["fleetVisible"]);
  });

  it("fails every line when the scenario broke, and adds none when it did not run", () => {
    expect(Object.values(verdicts(null))).toEqual([false, false, false, false]);
    expect(fleetLines(undefined)).toEqual([]);
  });

  it("are part of the run's verdict: a failing fleet line fails the run, naming it", () => {
    const results = {
      machine: { nproc: 2, loadBefore: [1, 1, 1] },
      settings: { upstream: { maxConcurrency: 64, maxQueue: 256 } },
      scenarios: {},
      fleet: { ...fleet(), quota: { maxPerSecond: 97, slidingMax: 97, firstWindow: 97 } },
    };
    const judged = judge(results) as { reason: string; lines: Line[] };
    expect(judged.lines.find((l) => l.id === "fleetQuota")?.pass).toBe(false);
    expect(judged.reason).toContain("fleetQuota");
  });
});
