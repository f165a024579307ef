// The pure half of `npm run bench`: medians, per-round ratios, the budget lines and the verdict.
// No I/O here, so test/bench-budget.test.ts can check the verdicts from a results object.

/**
 * The budget (issue 21), the one place its limits live. Timing lines are ratios to a reference
 * measured in the same run on the same machine (the direct REST call, or the reference proxy of
 * bench/reference-proxy.mjs), so a slower machine or a busier day moves both sides alike; memory
 * and cold start stay absolute. docs/performance.md ("Budget") lists the same table and
 * test/bench-budget.test.ts checks the two are equal: loosening a limit here fails a test.
 */
export const BUDGET = Object.freeze({
  calls: Object.freeze({ op: "=", limit: 1, tolerance: 0.005 }),
  bytes: Object.freeze({ op: "<=", limit: 0.15 }),
  cpu: Object.freeze({ op: "<=", limit: 3 }),
  tracing: Object.freeze({ op: "<=", limit: 1.5 }),
  p50: Object.freeze({ op: "<=", limit: 1.05 }),
  p99: Object.freeze({ op: "<=", limit: 1.2 }),
  throughput: Object.freeze({ op: ">=", limit: 0.8 }),
  scale: Object.freeze({ op: "<=", limit: 3 }),
  rss: Object.freeze({ op: "<", limit: 200 }),
  cold: Object.freeze({ op: "<", limit: 1000 }),
});

/** Exit status of `npm run bench`: distinct for a refusal to judge, and for a bench that broke. */
export const EXIT_CODES = Object.freeze({ pass: 0, fail: 1, error: 2, "not judged": 3 });

/** The median of finite numbers (the mean of the middle two for an even count); null when none. */
export const median = (values) => {
  const sorted = values.filter((v) => typeof v === "number" && Number.isFinite(v));
  sorted.sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The per-round median of every numeric field of a scenario's rounds. */
export const medianOfRounds = (rounds) => {
  const keys = new Set(rounds.flatMap((round) => Object.keys(round)));
  const out = {};
  for (const key of keys) {
    const values = rounds.map((round) => round[key]).filter((v) => typeof v === "number");
    if (values.length > 0) out[key] = median(values);
  }
  return out;
};

/**
 * A ratio taken within each round (both targets measured back to back, interleaved), then the
 * median over rounds: machine noise between rounds cancels instead of adding up.
 */
export const roundRatio = (results, a, b, field, combine = (x, y) => x / y) => {
  const left = results.scenarios[a]?.rounds ?? [];
  const right = results.scenarios[b]?.rounds ?? [];
  const per = [];
  for (let i = 0; i < Math.min(left.length, right.length); i++)
    per.push(combine(left[i][field], right[i][field]));
  return median(per);
};

/** Whether `value` meets line `id`'s limit; a missing measurement never does. */
export const meets = (id, value) => {
  const { op, limit } = BUDGET[id];
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (op === "<=") return value <= limit;
  if (op === ">=") return value >= limit;
  if (op === "<") return value < limit;
  return Math.abs(value - limit) < BUDGET[id].tolerance;
};

export const fmt = (value, digits = 2) =>
  value === null || value === undefined ? "n/a" : Number(value).toFixed(digits);

const line = (id, text, measured, value, pass) => ({ id, text, measured, value, pass });
const { calls, bytes, cpu, tracing, p50, p99, throughput, scale, rss, cold } = BUDGET;

/** Upstream calls per operation over distinct accounts per operation, per facade scenario. */
const callsLine = (results) => {
  const ratios = Object.entries(results.scenarios)
    .filter(([, s]) => s.target === "facade" && s.distinctPerOp > 0)
    .map(([name, s]) => [name, (s.median.upstreamPerOp ?? Number.NaN) / s.distinctPerOp]);
  const worst = ratios.reduce((w, [, r]) => (Math.abs(r - 1) > Math.abs(w - 1) ? r : w), 1);
  return line(
    "calls",
    `upstream calls per operation = distinct accounts (${fmt(calls.limit)})`,
    ratios.map(([name, r]) => `${name} ${fmt(r)}`).join(", "),
    ratios.length > 0 ? worst : null,
    ratios.length > 0 && ratios.every(([, r]) => meets("calls", r)),
  );
};

/** A ratio line: per-round ratio of two scenarios' `field`, with both medians shown. */
const ratioLine = (results, id, text, [a, b], field, unit, digits) => {
  const ratio = roundRatio(results, a, b, field);
  const ma = results.scenarios[a]?.median[field];
  const mb = results.scenarios[b]?.median[field];
  const measured = `${fmt(ratio)}x (${fmt(ma, digits)} vs ${fmt(mb, digits)} ${unit})`;
  return line(id, text, measured, ratio, meets(id, ratio));
};

/** Lines about the 0 ms upstream: bytes of a 5-field selection, CPU per single-account query. */
const zeroLatencyLines = (results) => {
  const share = roundRatio(results, "byUid", "direct", "bytesPerCall");
  return [
    line(
      "bytes",
      `upstream bytes, 5-field selection <= ${fmt(bytes.limit * 100, 0)}% of the full profile`,
      `${fmt(share === null ? null : share * 100, 1)}%`,
      share,
      meets("bytes", share),
    ),
    ratioLine(
      results,
      "cpu",
      `CPU per single-account query <= ${cpu.limit}x the reference proxy's`,
      ["byUid", "reference"],
      "cpuMsPerOp",
      "ms",
      3,
    ),
  ];
};

/**
 * Tracing on against off: CPU per single-account query of the same service with every span
 * sampled and exported (`traced`) and without an endpoint (`byUid`), measured back to back. The
 * latencies on vs off are shown, not judged: at 0 ms upstream they follow the CPU. No span at the
 * sink fails the line whatever the ratio: tracing was not on, so nothing was measured.
 */
const tracingLine = (results) => {
  const text = `tracing on: CPU per single-account query <= ${tracing.limit}x off, spans exported`;
  const ratio = roundRatio(results, "traced", "byUid", "cpuMsPerOp");
  const on = results.scenarios.traced;
  const spans = (on?.rounds ?? []).reduce((sum, r) => sum + (r.spans ?? 0), 0);
  const r = (field) => fmt(roundRatio(results, "traced", "byUid", field));
  const cpuMs = (name) => fmt(results.scenarios[name]?.median.cpuMsPerOp, 3);
  return line(
    "tracing",
    text,
    `${fmt(ratio)}x (${cpuMs("traced")} vs ${cpuMs("byUid")} ms); p50 ${r("p50")}x, p99 ${r("p99")}x; ${spans} spans, ${fmt(on?.median.spansPerOp)} per operation`,
    ratio,
    meets("tracing", ratio) && spans > 0,
  );
};

/** Lines about the 20 ms upstream: latency at 10 connections, throughput at 50, vs direct. */
const latencyLines = (results) => [
  ratioLine(
    results,
    "p50",
    `10 conn, 20 ms upstream: p50 <= ${p50.limit}x direct`,
    ["facade20@10", "direct20@10"],
    "p50",
    "ms",
    1,
  ),
  ratioLine(
    results,
    "p99",
    `10 conn, 20 ms upstream: p99 <= ${p99.limit}x direct`,
    ["facade20@10", "direct20@10"],
    "p99",
    "ms",
    1,
  ),
  ratioLine(
    results,
    "throughput",
    `50 conn, 20 ms upstream: throughput >= ${throughput.limit}x direct`,
    ["facade20@50", "direct20@50"],
    "rps",
    "req/s",
    0,
  ),
];

/** 200 connections: no errors, a flat tail, and the cap and queue bound held. */
const scalingLine = (results) => {
  const text = `200 conn: no errors, p99 <= ${scale.limit}x p50, queue bound respected`;
  const s = results.scenarios["facade20@200"];
  if (!s) return line("scale", text, "not run", null, false);
  const errors = s.rounds.reduce((sum, r) => sum + (r.errors ?? 0), 0);
  const tail = median(s.rounds.map((r) => r.p99 / r.p50));
  const limits = results.settings.upstream;
  const maxConcurrent = Math.max(...s.rounds.map((r) => r.maxConcurrent ?? 0));
  const maxQueued = Math.max(...s.rounds.map((r) => r.maxQueued ?? 0));
  const bound = maxConcurrent <= limits.maxConcurrency && maxQueued <= limits.maxQueue;
  return line(
    "scale",
    text,
    `${errors} errors, p99/p50 ${fmt(tail)}, upstream in flight <= ${maxConcurrent}/${limits.maxConcurrency}, queued <= ${maxQueued}/${limits.maxQueue}`,
    tail,
    errors === 0 && meets("scale", tail) && bound,
  );
};

/** Every budget line, each with what was measured, its value and whether it meets the limit. */
export const evaluateBudget = (results) => [
  callsLine(results),
  ...zeroLatencyLines(results),
  tracingLine(results),
  ...latencyLines(results),
  scalingLine(results),
  line(
    "rss",
    `peak RSS < ${rss.limit} MB`,
    `${fmt(results.peakRssMb, 0)} MB`,
    results.peakRssMb ?? null,
    meets("rss", results.peakRssMb),
  ),
  line(
    "cold",
    `cold start (compiled) < ${cold.limit / 1000} s`,
    `${fmt(results.coldStartMs?.median, 0)} ms`,
    results.coldStartMs?.median ?? null,
    meets("cold", results.coldStartMs?.median),
  ),
];

/**
 * The run's verdict. On a machine whose 1-minute load before the run was above its core count,
 * the other work would be measured as much as the service (ratios included: the load does not
 * hit both sides of a ratio alike), so the bench refuses to judge: every line keeps its figures,
 * none gets a PASS or FAIL.
 */
export const judge = (results) => {
  const lines = evaluateBudget(results);
  const load = results.machine?.loadBefore?.[0];
  const cores = results.machine?.nproc;
  if (!(typeof load === "number" && Number.isInteger(cores) && cores > 0))
    throw new Error("judge: results.machine needs loadBefore and nproc");
  if (load > cores)
    return {
      verdict: "not judged",
      reason: `load ${fmt(load)} above ${cores} cores`,
      lines: lines.map((l) => ({ ...l, pass: null })),
    };
  const failed = lines.filter((l) => !l.pass).map((l) => l.id);
  return {
    verdict: failed.length === 0 ? "pass" : "fail",
    reason: failed.length === 0 ? null : `over budget: ${failed.join(", ")}`,
    lines,
  };
};

/**
 * The reference proxy against the direct call at 20 ms upstream: not judged, printed to show how
 * much of the facade's distance from direct the machine itself allows.
 */
export const referenceNote = (results) => {
  if (!results.scenarios["reference20@10"]) return null;
  const r = (a, b, field) => fmt(roundRatio(results, a, b, field));
  return `reference proxy vs direct, 20 ms upstream: p50 ${r("reference20@10", "direct20@10", "p50")}x, p99 ${r("reference20@10", "direct20@10", "p99")}x at 10 conn; throughput ${r("reference20@50", "direct20@50", "rps")}x at 50 conn`;
};

/** What the OTLP sink received from the traced service over its life (warm-up included). */
export const sinkNote = (results) => {
  const sink = results.tracingSink;
  if (!sink) return null;
  const names = Object.entries(sink.names ?? {})
    .sort(([, a], [, b]) => b - a)
    .map(([name, n]) => `${name} ${n}`)
    .join(", ");
  return `OTLP sink: ${sink.spans} spans in ${sink.exports} exports (${sink.unreadable} unreadable): ${names}`;
};
