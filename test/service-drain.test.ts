import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ADA, ALAN, GRACE } from "./helpers/emulator.js";
import { jsonLines } from "./helpers/service-lines.js";

// No NODE_ENV=test (vitest sets it): Apollo skips its own signal handlers under test, and these
// tests must show that the service, not that default, keeps them off.
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(LOGINRADIUS_|EMULATOR_|npm_|VITEST)/.test(k) && k !== "NODE_ENV" && k !== "TEST",
  ),
);
const ENV = { PORT: "0", SHUTDOWN_DELAY_MS: "300", SHUTDOWN_GRACE_MS: "8000" };

/** Every live descendant of `pid` (from /proc), so a test can see what a signal left behind. */
const descendants = (pid: number): number[] => {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents)
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
  };
  walk(pid);
  return found;
};
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
};

const spawned: ChildProcess[] = [];
let leftovers: number[] = [];
afterEach(() => {
  for (const child of spawned.splice(0)) child.kill("SIGKILL");
  for (const pid of leftovers.splice(0)) if (alive(pid)) process.kill(pid, "SIGKILL");
});

const start = (command: string, args: string[]) => {
  const child = spawn(command, args, {
    env: { ...CLEAN_ENV, ...ENV },
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.push(child);
  // The service's log lines (pino JSON on stderr), by message.
  const lines = jsonLines(child.stderr);
  const next = async () => (await lines.next()).msg;
  return { child, next };
};

/**
 * Three queries held 1, 2 and 3 s by the emulator; SIGTERM once all three reached it. Returns
 * their statuses, the /readyz status seen during the drain and the exit code.
 */
const drainThree = async (service: ReturnType<typeof start>, signalled: ChildProcess) => {
  let line = await service.next();
  while (!line.startsWith("No LOGINRADIUS")) line = await service.next();
  const emulator = /emulator at (http:\/\/[\d.:]+)/.exec(line)?.[1] as string;
  const base = /ready at (http:\/\/[^ ]+)\/graphql/.exec(await service.next())?.[1] as string;
  const metrics = await (await fetch(`${base}/metrics`)).text();
  expect(metrics).toContain("process_cpu_user_seconds_total");
  expect(metrics).toContain("nodejs_eventloop_lag_seconds");
  const uids = [ADA, GRACE, ALAN];
  for (const [i, uid] of uids.entries())
    await fetch(`${emulator}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        kind: "delay",
        path: `/identity/v2/manage/account/${uid}`,
        delayMs: 1000 * (i + 1),
      }),
    });
  const answers = uids.map((uid) =>
    fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ accountByUid(uid: "${uid}") { uid } }` }),
    }).then(async (res) => ({
      status: res.status,
      body: (await res.json()) as { data: { accountByUid: { uid: string } } },
    })),
  );
  const arrived = async () =>
    ((await (await fetch(`${emulator}/__emulator/calls`)).json()) as { calls: unknown[] }).calls
      .length;
  while ((await arrived()) < 3) await new Promise((done) => setTimeout(done, 20));

  const exited = once(signalled, "exit");
  signalled.kill("SIGTERM");
  let ready = 200;
  for (let i = 0; i < 50 && ready !== 503; i++) {
    ready = (await fetch(`${base}/readyz`)).status;
    if (ready !== 503) await new Promise((done) => setTimeout(done, 5));
  }
  const results = await Promise.all(answers);
  const [code] = await exited;
  return { results, ready, code };
};

describe("SIGTERM drain", () => {
  it("answers the three in-flight requests, says 503 on /readyz meanwhile, exits 0", async () => {
    const service = start(process.execPath, ["--import", "tsx", "src/main.ts"]);
    const { results, ready, code } = await drainThree(service, service.child);
    expect(ready).toBe(503);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.data.accountByUid.uid)).toEqual([ADA, GRACE, ALAN]);
    expect(code).toBe(0);
  });

  it("works the same through npm start, which leaves no process behind", async () => {
    const service = start("npm", ["start", "--silent"]);
    // npm start builds dist/ first when it is stale; the service line shows the tree is up.
    const { results, ready, code } = await drainThree(
      {
        child: service.child,
        next: async () => {
          const line = await service.next();
          leftovers = descendants(service.child.pid as number);
          return line;
        },
      },
      service.child,
    );
    expect(leftovers.length).toBeGreaterThan(0);
    expect(ready).toBe(503);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(code).toBe(0);
    expect(leftovers.filter(alive)).toEqual([]);
  }, 90_000);
});

describe("start-up failures", () => {
  it("says in one line that the port is taken, and exits 1", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await once(taken, "listening");
    const { port } = taken.address() as { port: number };
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        env: { ...CLEAN_ENV, PORT: String(port) },
        stdio: ["ignore", "ignore", "pipe"],
      });
      spawned.push(child);
      const lines = jsonLines(child.stderr);
      const [code] = await once(child, "close");
      expect(code).toBe(1);
      const failure = lines.parsed.find((l) => l.level === "fatal");
      expect(failure?.msg).toBe(
        `PORT ${port} on 127.0.0.1 is already in use; set PORT to another port.`,
      );
      expect(lines.raw.every((l) => l.startsWith("{"))).toBe(true);
    } finally {
      taken.close();
    }
  });
});
