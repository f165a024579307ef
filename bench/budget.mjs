// The pure half of `npm run bench`: medians, per-round ratios, the budget lines and the table.
// No I/O here, so test/bench-budget.test.ts can check the verdicts from a results object.

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
export const roundRatio = (results, a, b, field, combine) => {
  const left = results.scenarios[a]?.rounds ?? [];
  const right = results.scenarios[b]?.rounds ?? [];
  const per = [];
  for (let i = 0; i < Math.min(left.length, right.length); i++)
    per.push(combine(left[i][field], right[i][field]));
  return median(per);
};

const fmt = (value, digits = 2) =>
  value === null || value === undefined ? "n/a" : Number(value).toFixed(digits);

const line = (id, text, measured, pass) => ({ id, text, measured, pass: Boolean(pass) });

/** Upstream calls per operation over distinct accounts per operation, per facade scenario. */
const callsLine = (results) => {
  const ratios = Object.entries(results.scenarios)
    .filter(([, s]) => s.target === "facade" && s.distinctPerOp > 0)
    .map(([name, s]) => [name, (s.median.upstreamPerOp ?? Number.NaN) / s.distinctPerOp]);
  const pass = ratios.length > 0 && ratios.every(([, r]) => Math.abs(r - 1) < 0.005);
  const measured = ratios.map(([name, r]) => `${name} ${fmt(r)}`).join(", ");
  return line("calls", "upstream calls per operation = distinct accounts (1.00)", measured, pass);
};

/** Lines about the 0 ms upstream: bytes of a 5-field selection, CPU per single-account query. */
const zeroLatencyLines = (results) => {
  const share = roundRatio(results, "byUid", "direct", "bytesPerCall", (a, b) => a / b);
  const cpu = results.scenarios.byUid?.median.cpuMsPerOp ?? null;
  return [
    line(
      "bytes",
      "upstream bytes, 5-field selection <= 15% of the full profile",
      `${fmt(share === null ? null : share * 100, 1)}%`,
      share !== null && share <= 0.15,
    ),
    line(
      "cpu",
      "CPU per single-account query <= 0.5 ms (compiled)",
      `${fmt(cpu, 3)} ms`,
      cpu !== null && cpu <= 0.5,
    ),
  ];
};

/** Lines about the 20 ms upstream: latency added at 10 connections, throughput at 50. */
const latencyLines = (results) => {
  const d50 = roundRatio(results, "facade20@10", "direct20@10", "p50", (a, b) => a - b);
  const d99 = roundRatio(results, "facade20@10", "direct20@10", "p99", (a, b) => a - b);
  const tput = roundRatio(results, "facade20@50", "direct20@50", "rps", (a, b) => a / b);
  return [
    line(
      "p50",
      "10 conn, 20 ms upstream: p50 within 1.5 ms of direct",
      `+${fmt(d50, 1)} ms`,
      d50 !== null && d50 <= 1.5,
    ),
    line(
      "p99",
      "10 conn, 20 ms upstream: p99 within 5 ms of direct",
      `+${fmt(d99, 1)} ms`,
      d99 !== null && d99 <= 5,
    ),
    line(
      "throughput",
      "50 conn, 20 ms upstream: throughput >= 0.7x direct",
      `${fmt(tput)}x`,
      tput !== null && tput >= 0.7,
    ),
  ];
};

/** 200 connections: no errors, a flat tail, and the cap and queue bound held. */
const scalingLine = (results) => {
  const s = results.scenarios["facade20@200"];
  if (!s) return line("scale", "200 conn: no errors, p99 <= 3x p50, queue bound", "not run", false);
  const errors = s.rounds.reduce((sum, r) => sum + (r.errors ?? 0), 0);
  const tail = median(s.rounds.map((r) => r.p99 / r.p50));
  const limits = results.settings.upstream;
  const maxConcurrent = Math.max(...s.rounds.map((r) => r.maxConcurrent ?? 0));
  const maxQueued = Math.max(...s.rounds.map((r) => r.maxQueued ?? 0));
  const bound = maxConcurrent <= limits.maxConcurrency && maxQueued <= limits.maxQueue;
  return line(
    "scale",
    "200 conn: no errors, p99 <= 3x p50, queue bound respected",
    `${errors} errors, p99/p50 ${fmt(tail)}, upstream in flight <= ${maxConcurrent}/${limits.maxConcurrency}, queued <= ${maxQueued}/${limits.maxQueue}`,
    errors === 0 && tail !== null && tail <= 3 && bound,
  );
};

/** Every budget line of issue 12, each with what was measured and PASS/FAIL. */
export const evaluateBudget = (results) => [
  callsLine(results),
  ...zeroLatencyLines(results),
  ...latencyLines(results),
  scalingLine(results),
  line(
    "rss",
    "peak RSS < 200 MB",
    `${fmt(results.peakRssMb, 0)} MB`,
    results.peakRssMb !== null && results.peakRssMb < 200,
  ),
  line(
    "cold",
    "cold start (compiled) < 1 s",
    `${fmt(results.coldStartMs?.median, 0)} ms`,
    results.coldStartMs?.median != null && results.coldStartMs.median < 1000,
  ),
];

const pad = (text, width) => String(text).padEnd(width);
const padStart = (text, width) => String(text).padStart(width);

/** The scenario table (medians over rounds) as Markdown, as printed and pasted in the README. */
export const scenarioTable = (results) => {
  const head = [
    "| scenario | upstream | conn | req/s | p50 ms | p90 ms | p99 ms | errors | calls/op | bytes/op | CPU ms/op | peak RSS MB |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const rows = Object.entries(results.scenarios).map(([name, s]) => {
    const m = s.median;
    const cells = [
      `${name} (${s.label})`,
      `${s.latencyMs} ms`,
      s.connections,
      fmt(m.rps, 0),
      fmt(m.p50, 1),
      fmt(m.p90, 1),
      fmt(m.p99, 1),
      s.rounds.reduce((sum, r) => sum + (r.errors ?? 0), 0),
      s.target === "facade" ? fmt(m.upstreamPerOp) : "-",
      s.target === "facade" ? fmt(m.bytesPerOp, 0) : fmt(m.bytesPerCall, 0),
      s.target === "facade" ? fmt(m.cpuMsPerOp, 3) : "-",
      s.target === "facade" ? fmt(m.peakRssMb, 0) : "-",
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return [...head, ...rows].join("\n");
};

/** The budget as Markdown: one row per line, PASS/FAIL first. */
export const budgetTable = (lines) =>
  [
    "| verdict | budget line | measured |",
    "| --- | --- | --- |",
    ...lines.map((l) => `| ${l.pass ? "PASS" : "FAIL"} | ${l.text} | ${l.measured} |`),
  ].join("\n");

/** A plain-text rendering for the terminal (same content, aligned). */
export const budgetText = (lines) =>
  lines
    .map(
      (l) =>
        `${pad(l.pass ? "PASS" : "FAIL", 5)} ${pad(l.text, 64)} ${padStart("", 0)}${l.measured}`,
    )
    .join("\n");
