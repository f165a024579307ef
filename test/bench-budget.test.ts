import { describe, expect, it } from "vitest";
// @ts-expect-error: plain .mjs modules without types, shared with bench/run.mjs
import { parseVariant } from "../bench/ab.mjs";
// @ts-expect-error: plain .mjs modules without types, shared with bench/run.mjs
import { evaluateBudget, median, medianOfRounds } from "../bench/budget.mjs";
// @ts-expect-error: plain .mjs modules without types, shared with bench/run.mjs
import { metricSum, percentiles } from "../bench/load.mjs";
// @ts-expect-error: plain .mjs modules without types, shared with bench/run.mjs
import { parseCpuMs, parseStatusMb } from "../bench/processes.mjs";

type Round = Record<string, number>;
interface Budget {
  id: string;
  pass: boolean;
  measured: string;
}

const facade = (distinctPerOp: number, rounds: Round[], latencyMs = 0) => ({
  target: "facade",
  latencyMs,
  distinctPerOp,
  rounds,
  median: medianOfRounds(rounds),
});
const direct = (rounds: Round[], latencyMs = 0) => ({
  target: "direct",
  latencyMs,
  distinctPerOp: 0,
  rounds,
  median: medianOfRounds(rounds),
});

/** A run that meets every line of issue 12's budget. */
const passing = () => ({
  settings: { upstream: { maxConcurrency: 64, maxQueue: 256 } },
  coldStartMs: { median: 640 },
  peakRssMb: 150,
  scenarios: {
    direct: direct([{ bytesPerCall: 3000 }, { bytesPerCall: 3000 }, { bytesPerCall: 3000 }]),
    byUid: facade(1, [
      { upstreamPerOp: 1, bytesPerCall: 210, cpuMsPerOp: 0.4 },
      { upstreamPerOp: 1, bytesPerCall: 210, cpuMsPerOp: 0.45 },
      { upstreamPerOp: 1, bytesPerCall: 210, cpuMsPerOp: 0.9 },
    ]),
    aliases: facade(20, [{ upstreamPerOp: 20 }]),
    "direct20@10": direct([{ p50: 21, p99: 30 }], 20),
    "facade20@10": facade(1, [{ upstreamPerOp: 1, p50: 22, p99: 34 }], 20),
    "direct20@50": direct([{ rps: 2000 }], 20),
    "facade20@50": facade(1, [{ upstreamPerOp: 1, rps: 1500 }], 20),
    "facade20@200": facade(
      1,
      [{ upstreamPerOp: 1, p50: 40, p99: 100, errors: 0, maxConcurrent: 64, maxQueued: 136 }],
      20,
    ),
  },
});

const verdicts = (results: unknown) =>
  Object.fromEntries((evaluateBudget(results) as Budget[]).map((l) => [l.id, l.pass]));

describe("bench budget evaluation", () => {
  it("passes every line for a run within budget, taking medians over rounds", () => {
    expect(median([0.9, 0.4, 0.45])).toBe(0.45);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(verdicts(passing())).toEqual({
      calls: true,
      bytes: true,
      cpu: true,
      p50: true,
      p99: true,
      throughput: true,
      scale: true,
      rss: true,
      cold: true,
    });
  });

  it("fails the calls line when any scenario spends more calls than accounts touched", () => {
    const results = passing();
    results.scenarios.aliases = facade(20, [{ upstreamPerOp: 50 }]);
    const line = (evaluateBudget(results) as Budget[]).find((l) => l.id === "calls");
    expect(line?.pass).toBe(false);
    expect(line?.measured).toContain("aliases 2.50");
  });

  it("takes latency and throughput ratios within each round, then the median", () => {
    const results = passing();
    // Round 2 is slow for both targets: within the round the facade still keeps up.
    results.scenarios["direct20@50"] = direct([{ rps: 2000 }, { rps: 1000 }, { rps: 2000 }], 20);
    results.scenarios["facade20@50"] = facade(
      1,
      [{ rps: 1300 }, { rps: 750 }, { rps: 1500 }].map((r) => ({ ...r, upstreamPerOp: 1 })),
      20,
    );
    // Per round 0.65, 0.75, 0.75: median 0.75. A ratio of medians would say 1300 / 2000 = 0.65.
    const line = (evaluateBudget(results) as Budget[]).find((l) => l.id === "throughput");
    expect(line).toMatchObject({ pass: true, measured: "0.75x" });
  });

  it("fails the 200-connection line on errors, a long tail or a broken queue bound", () => {
    const tail = passing();
    tail.scenarios["facade20@200"] = facade(
      1,
      [{ upstreamPerOp: 1, p50: 40, p99: 130, errors: 0, maxConcurrent: 10, maxQueued: 0 }],
      20,
    );
    expect(verdicts(tail).scale).toBe(false);
    const bound = passing();
    bound.scenarios["facade20@200"] = facade(
      1,
      [{ upstreamPerOp: 1, p50: 40, p99: 50, errors: 0, maxConcurrent: 65, maxQueued: 0 }],
      20,
    );
    expect(verdicts(bound).scale).toBe(false);
  });

  it("fails CPU, RSS and cold start over their limits", () => {
    const results = passing();
    results.peakRssMb = 200;
    results.coldStartMs = { median: 1000 };
    results.scenarios.byUid = facade(1, [{ upstreamPerOp: 1, bytesPerCall: 600, cpuMsPerOp: 0.6 }]);
    expect(verdicts(results)).toMatchObject({ bytes: false, cpu: false, rss: false, cold: false });
  });
});

describe("bench /proc and /metrics parsing", () => {
  it("reads utime + stime after the command name, even one with spaces and parentheses", () => {
    const stat = "4242 (node (main) x) S 1 4242 4242 0 -1 4194304 9000 0 0 0 150 50 0 0 20 0 11";
    expect(parseCpuMs(stat, 100)).toBe(2000);
  });

  it("reads VmRSS and VmHWM in MB", () => {
    const status = "Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";
    expect(parseStatusMb(status, "VmHWM")).toBe(200);
    expect(parseStatusMb(status, "VmRSS")).toBe(100);
    expect(parseStatusMb(status, "VmSwap")).toBeNull();
  });

  it("sums a Prometheus metric over its label sets, ignoring similar names", () => {
    const text = [
      "# TYPE account_graph_operations_total counter",
      'account_graph_operations_total{operation="ByUid",type="query",outcome="ok"} 40',
      'account_graph_operations_total{operation="Many",type="query",outcome="error"} 2',
      "account_graph_operations_total_other 99",
    ].join("\n");
    expect(metricSum(text, "account_graph_operations_total")).toBe(42);
    expect(metricSum(text, "account_graph_operations_total", 'outcome="error"')).toBe(2);
  });
});

describe("latency percentiles", () => {
  it("keeps fractions of a millisecond (autocannon's histogram has whole ones)", () => {
    const times = Array.from({ length: 100 }, (_, i) => 21 + i / 100);
    expect(percentiles(times)).toEqual({ p50: 21.49, p90: 21.89, p99: 21.98 });
    expect(percentiles([22.345])).toEqual({ p50: 22.35, p90: 22.35, p99: 22.35 });
    expect(percentiles([])).toEqual({ p50: null, p90: null, p99: null });
  });
});

describe("an A/B variant (bench/ab.mjs)", () => {
  it("splits Node flags, service settings and another checkout", () => {
    expect(parseVariant("")).toEqual({ flags: [], env: {}, root: undefined });
    expect(parseVariant("LOG_LEVEL=warn --v8-pool-size=1 ROOT=/tmp/base UPSTREAM_X=a=b")).toEqual({
      flags: ["--v8-pool-size=1"],
      env: { LOG_LEVEL: "warn", UPSTREAM_X: "a=b" },
      root: "/tmp/base",
    });
  });
});
