// The emulator and the compiled service as separate processes, and what /proc says about them.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { NODE_FLAGS } from "../scripts/node-flags.mjs";

/** The emulator's demo credentials (src/emulator/app.ts), used by the service as if real. */
export const DEMO_API_KEY = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
export const DEMO_API_SECRET = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";

/** Clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
export const clockTicks = () => {
  const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const ticks = Number(out.stdout?.trim());
  return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
};

/** User + system CPU time in ms from the text of /proc/<pid>/stat (fields 14 and 15). */
export const parseCpuMs = (statText, ticksPerSecond) => {
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = statText.slice(statText.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
};

/** A `Key:   123 kB` line of /proc/<pid>/status, in MB; null when absent. */
export const parseStatusMb = (statusText, key) => {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(statusText);
  return match ? Number(match[1]) / 1024 : null;
};

export const cpuMs = (pid, ticks) => parseCpuMs(readFileSync(`/proc/${pid}/stat`, "utf8"), ticks);
export const statusMb = (pid, key) =>
  parseStatusMb(readFileSync(`/proc/${pid}/status`, "utf8"), key);

/** Samples VmRSS every 50 ms until stopped; `stop()` returns the highest sample in MB. */
export const sampleRss = (pid) => {
  let peak = statusMb(pid, "VmRSS") ?? 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, statusMb(pid, "VmRSS") ?? 0);
    } catch {
      // the process ended; the peak so far stands
    }
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
};

/** A port free on 127.0.0.1 now (bound and released), so the URL is known before spawning. */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Polls `probe` every 5 ms until it returns true (errors count as not yet), for up to `ms`. */
const until = async (probe, ms, what) => {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    try {
      if (await probe()) return;
    } catch {
      // not listening yet
    }
    await sleep(5);
  }
  throw new Error(`${what} did not come up within ${ms} ms`);
};

/** SIGTERM, then SIGKILL if it has not exited within 5 s. Resolves once it has exited. */
const stopper = (child) => () =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });

/** The processes started here and not yet exited, for `killStarted`. */
const started = new Set();

const spawnNode = (root, entry, env, log, nodeArgs = []) => {
  const child = spawn(process.execPath, [...nodeArgs, join(root, entry)], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", log, log],
  });
  started.add(child);
  child.once("exit", () => started.delete(child));
  return child;
};

/** SIGKILL to every process started here that is still running (a bench that failed midway). */
export const killStarted = () => {
  for (const child of started) child.kill("SIGKILL");
};

/** The compiled emulator (dist/emulator/main.js) with `seedCount` accounts and added latency. */
export const startEmulator = async ({ root, seedCount, latencyMs, log, extraEnv = {} }) => {
  const port = await freePort();
  const child = spawnNode(
    root,
    "dist/emulator/main.js",
    {
      EMULATOR_PORT: String(port),
      EMULATOR_SEED_COUNT: String(seedCount),
      EMULATOR_LATENCY_MS: String(latencyMs),
      ...extraEnv,
    },
    log,
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await until(async () => (await fetch(`${url}/__emulator/health`)).ok, 30_000, "the emulator");
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return { url, pid: child.pid, stop: stopper(child) };
};

/**
 * The compiled service (dist/main.js, with the production V8 flags and any `nodeArgs`) pointed
 * at the emulator as if it were LoginRadius. Cold
 * start is spawn to the first correct GraphQL answer (`probe` resolving true).
 */
export const startService = async ({ root, env, log, probe, nodeArgs }) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const args = [...NODE_FLAGS, ...(nodeArgs ?? [])];
  const child = spawnNode(root, "dist/main.js", { ...env, PORT: String(port) }, log, args);
  try {
    await until(() => probe(url), 30_000, "the service");
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    pid: child.pid,
    coldStartMs: performance.now() - started,
    metricsPrefix: "account_graph_",
    stop: stopper(child),
  };
};

/**
 * The reference proxy (bench/reference-proxy.mjs) in front of the emulator, with the service's V8
 * flags, so the two differ only by what they do per request. Up once `probe(url)` resolves true.
 */
export const startReference = async ({ root, env, log, probe }) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnNode(
    root,
    "bench/reference-proxy.mjs",
    { ...env, REFERENCE_PORT: String(port) },
    log,
    NODE_FLAGS,
  );
  try {
    await until(() => probe(url), 30_000, "the reference proxy");
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return { url, pid: child.pid, metricsPrefix: "reference_proxy_", stop: stopper(child) };
};

/**
 * The OTLP/HTTP sink (bench/otlp-sink.mjs) the traced service exports to. `counts()` is what it
 * received so far; `drained()` waits until no span has arrived for 1.5 s (the service's batch
 * processor sends every 1 s), so a run's CPU includes exporting its spans, then gives the counts.
 */
export const startSink = async ({ root, log }) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnNode(root, "bench/otlp-sink.mjs", { OTLP_SINK_PORT: String(port) }, log);
  const counts = async () => (await fetch(`${url}/spans`)).json();
  try {
    await until(async () => (await counts()).spans === 0, 30_000, "the OTLP sink");
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const drained = async () => {
    const deadline = performance.now() + 15_000;
    let last = await counts();
    let still = performance.now();
    while (performance.now() < deadline && performance.now() - still < 1_500) {
      await sleep(250);
      const now = await counts();
      if (now.spans !== last.spans || now.exports !== last.exports) still = performance.now();
      last = now;
    }
    return last;
  };
  return { url, pid: child.pid, counts, drained, stop: stopper(child) };
};
