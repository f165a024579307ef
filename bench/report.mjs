// How `npm run bench` prints a run: the scenario table, the budget and the verdict, as Markdown
// (pasted in docs/performance.md) and as aligned text for the terminal.
import { fmt } from "./budget.mjs";

const mark = (pass) => (pass === null ? "-" : pass ? "PASS" : "FAIL");

/** The scenario table (medians over rounds); CPU and RSS are the server's (facade or reference). */
export const scenarioTable = (results) => {
  const head = [
    "| scenario | upstream | conn | req/s | p50 ms | p90 ms | p99 ms | errors | calls/op | bytes/op | CPU ms/op | peak RSS MB |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const rows = Object.entries(results.scenarios).map(([name, s]) => {
    const m = s.median;
    const server = s.target !== "direct";
    const cells = [
      `${name} (${s.label})`,
      `${s.latencyMs} ms`,
      s.connections,
      fmt(m.rps, 0),
      fmt(m.p50, 1),
      fmt(m.p90, 1),
      fmt(m.p99, 1),
      s.rounds.reduce((sum, r) => sum + (r.errors ?? 0), 0),
      server ? fmt(m.upstreamPerOp) : "-",
      server ? fmt(m.bytesPerOp, 0) : fmt(m.bytesPerCall, 0),
      server ? fmt(m.cpuMsPerOp, 3) : "-",
      server ? fmt(m.peakRssMb, 0) : "-",
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return [...head, ...rows].join("\n");
};

/** The budget as Markdown: one row per line, the verdict first ("-" when not judged). */
export const budgetTable = (lines) =>
  [
    "| verdict | budget line | measured |",
    "| --- | --- | --- |",
    ...lines.map((l) => `| ${mark(l.pass)} | ${l.text} | ${l.measured} |`),
  ].join("\n");

/** A plain-text rendering for the terminal (same content, aligned). */
export const budgetText = (lines) =>
  lines.map((l) => `${mark(l.pass).padEnd(5)} ${l.text.padEnd(64)} ${l.measured}`).join("\n");

/** The run's last word: "PASS", "FAIL: over budget: ..." or "not judged: load X above N cores". */
export const verdictText = ({ verdict, reason }) =>
  verdict === "pass"
    ? "PASS: every line within budget"
    : `${verdict === "fail" ? "FAIL" : verdict}: ${reason}`;

/** The machine's load around the run, as printed and as docs/performance.md quotes it. */
export const loadText = (machine) =>
  `${machine.nproc} cores, load average (1, 5, 15 min) before ${machine.loadBefore.join(", ")}, after ${machine.loadAfter?.join(", ") ?? "n/a"}`;
