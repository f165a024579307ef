import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { accountsClientDouble } from "../src/accounts/accounts.client.double.js";
import { readConfig } from "../src/config.js";
import { connectDoubles } from "../src/context.js";
import { createHealthRoutes, PROBE_CACHE_MS } from "../src/http/health-routes.js";
import { type Listening, listen } from "../src/http/listen.js";
import { createLogger } from "../src/log.js";
import type { UpstreamHealth } from "../src/loginradius/health.js";
import { createMetrics } from "../src/metrics.js";
import { type AppServer, createAppServer } from "../src/server.js";
import { ADA } from "./helpers/emulator.js";
import { graphqlUrlOf, jsonLines, type LogLine } from "./helpers/service-lines.js";
import { type Stack, startStack, TEST_ENV } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

// Operations hardening (issue 16): a gone log reader, who may read /metrics and /readyz and fill
// its label slots, the demo emulator in production, JSON log lines with request ids, and
// readiness changes logged once.

const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(LOGINRADIUS_|EMULATOR|npm_|VITEST)/.test(k) && k !== "NODE_ENV" && k !== "TEST",
  ),
);
const spawned: ChildProcess[] = [];
afterEach(() => {
  for (const child of spawned.splice(0)) child.kill("SIGKILL");
});

/** `src/main.ts` as `npm start` runs it, its stdout and stderr read as JSON lines. */
const startMain = (env: Record<string, string>) => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...CLEAN_ENV, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.push(child);
  return { child, stdout: jsonLines(child.stdout), stderr: jsonLines(child.stderr) };
};

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

/** A GET with a Host header of the test's choosing (fetch would set its own). */
const get = (
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname, headers, setHost: false },
      (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });

describe("SIGTERM with a log reader that is gone", () => {
  // The bound the issue asks for; the drain itself has nothing in flight here.
  const GRACE_MS = 1_000;

  it.each(["stderr", "stdout"] as const)(
    "exits 0 within SHUTDOWN_GRACE_MS + 1 s when %s's reader closed first",
    async (stream) => {
      const service = startMain({ SHUTDOWN_GRACE_MS: String(GRACE_MS) });
      const url = graphqlUrlOf(await service.stderr.next(/ready at/));
      service.child[stream]?.destroy();
      // Lines written into the broken pipe: the operation line (stderr), the audit line (stdout).
      await post(url, {
        query: `mutation { deleteAccount(uid: "${ADA}", reason: "closing the pipe") { deleted } }`,
      });
      await post(url, { query: `{ accountByUid(uid: "${ADA}") { firstName } }` });
      const exited = once(service.child, "exit");
      const signalled = performance.now();
      service.child.kill("SIGTERM");
      const ended = await Promise.race([
        exited.then(([code]) => ({ code, ms: performance.now() - signalled })),
        new Promise<null>((done) => setTimeout(() => done(null), GRACE_MS + 5_000)),
      ]);
      expect(ended).not.toBeNull();
      expect(ended?.code).toBe(0);
      expect(ended?.ms).toBeLessThan(GRACE_MS + 1_000);
    },
    60_000,
  );
});

const METRICS_TOKEN = "metrics-token-0123456789abcdef-0123456789";
const READER = "reader-token-0123456789";
const WRITER = "writer-token-0123456789";
const AUTH_TOKENS = authTokensEnv({
  [READER]: { name: "dashboard", scopes: ["accounts:read"] },
  [WRITER]: { name: "provisioner", scopes: ["accounts:write"] },
});

describe("/metrics and /readyz: who may ask, and for which Host", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { METRICS_TOKEN, AUTH_TOKENS } });
  });
  afterAll(() => stack.close());
  const metrics = () => `${stack.url}/metrics`;
  const here = () => new URL(stack.url).host;

  it("refuses /metrics without the token or with a wrong one, even from loopback", async () => {
    expect((await get(metrics(), { host: here() })).status).toBe(401);
    const wrong = await get(metrics(), { host: here(), authorization: `Bearer ${READER}` });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain("account_graph_");
    const right = await get(metrics(), { host: here(), authorization: `Bearer ${METRICS_TOKEN}` });
    expect(right.status).toBe(200);
    expect(right.body).toContain("account_graph_operations_total");
  });

  it("refuses /metrics and /readyz for a Host name not allowed; a pod IP is answered", async () => {
    const auth = { authorization: `Bearer ${METRICS_TOKEN}` };
    expect((await get(metrics(), { host: "attacker.example", ...auth })).status).toBe(421);
    expect((await get(`${stack.url}/readyz`, { host: "attacker.example" })).status).toBe(421);
    // What the kubelet and an in-cluster Prometheus send: the pod's IP and port.
    expect((await get(metrics(), { host: "10.12.0.7:4000", ...auth })).status).toBe(200);
    expect((await get(`${stack.url}/readyz`, { host: "10.12.0.7:4000" })).status).toBe(200);
    expect((await get(`${stack.url}/healthz`, { host: "attacker.example" })).status).toBe(200);
  });

  it("without METRICS_TOKEN answers /metrics to loopback peers only", async () => {
    const routes = createHealthRoutes({
      health: { lastOkAt: () => Date.now(), breakerState: () => "closed", probe: async () => true },
      metrics: createMetrics({ defaultMetrics: false }),
      readyMaxAgeMs: 30_000,
    });
    const answer = { status: 0 };
    const res = {
      writeHead: (status: number) => {
        answer.status = status;
        return res;
      },
      end: () => res,
    };
    const from = (remoteAddress: string) =>
      ({ headers: {}, socket: { remoteAddress } }) as unknown as Parameters<
        typeof routes.handle
      >[2];
    await routes.handle("/metrics", res as never, from("10.12.0.9"));
    expect(answer.status).toBe(403);
    await routes.handle("/metrics", res as never, from("::ffff:127.0.0.1"));
    expect(answer.status).toBe(200);
  });

  it("keeps label slots for authenticated readers: 250 names from a write-only token take none", async () => {
    const scrape = async () =>
      (await get(metrics(), { host: here(), authorization: `Bearer ${METRICS_TOKEN}` })).body;
    for (let i = 0; i < 250; i++)
      await post(
        `${stack.url}/graphql`,
        { query: `query Flood${i} { accountByUid(uid: "${ADA}") { uid } }` },
        { authorization: `Bearer ${WRITER}` },
      );
    const read = await post(
      `${stack.url}/graphql`,
      { query: `query Dashboard { accountByUid(uid: "${ADA}") { firstName } }` },
      { authorization: `Bearer ${READER}` },
    );
    expect(read.status).toBe(200);
    const text = await scrape();
    expect(text).not.toMatch(/operation="Flood\d+"/);
    expect(text).toMatch(
      /account_graph_operations_total\{operation="other",type="query"[^}]*\} 25\d/,
    );
    expect(text).toContain('account_graph_operations_total{operation="Dashboard",type="query"');
  }, 60_000);
});

describe("start-up without LoginRadius credentials", () => {
  it.each([
    [{ NODE_ENV: "production" }, /with NODE_ENV=production/],
    [{ HOST: "0.0.0.0" }, /HOST=0\.0\.0\.0 is not a loopback address/],
  ])("refuses %j unless EMULATOR=true", (env, why) => {
    expect(() => readConfig(env)).toThrow(why);
    expect(() => readConfig(env)).toThrow(/EMULATOR=true/);
    expect(readConfig({ ...env, EMULATOR: "true" }).upstream.target).toBeNull();
  });

  it("refuses EMULATOR=true beside real credentials", () => {
    const real = {
      LOGINRADIUS_API_KEY: "11111111-2222-4333-8444-555555555555",
      LOGINRADIUS_API_SECRET: "66666666-7777-4888-9999-000000000000",
      AUTH_DISABLED: "true",
    };
    expect(() => readConfig({ ...real, EMULATOR: "true" })).toThrow(/EMULATOR=true contradicts/);
  });

  it("npm start with NODE_ENV=production exits 1 with one JSON line; with EMULATOR=true it serves", async () => {
    const refused = startMain({ NODE_ENV: "production" });
    const [code] = await once(refused.child, "close");
    expect(code).toBe(1);
    expect(refused.stderr.raw.length).toBeGreaterThan(0);
    expect(refused.stderr.raw.every((line) => line.startsWith("{"))).toBe(true);
    expect(refused.stderr.parsed[0]).toMatchObject({ level: "fatal" });
    expect(refused.stderr.parsed[0]?.msg).toContain("EMULATOR=true");
    expect(refused.stdout.raw).toEqual([]);

    const demo = startMain({ NODE_ENV: "production", EMULATOR: "true" });
    const url = graphqlUrlOf(await demo.stderr.next(/ready at/));
    expect((await fetch(url.replace("/graphql", "/readyz"))).status).toBe(200);
  }, 60_000);
});

/** A logger whose lines the test reads back, parsed. */
const capture = () => {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ destination: sink }) };
};

describe("every log line is JSON, with the request id where there is one", () => {
  let server: Listening;
  let app: AppServer;
  const log = capture();
  beforeAll(async () => {
    const config = readConfig(TEST_ENV);
    const failing = new Error("socket hang up", { cause: new Error("connect ECONNRESET") });
    app = await createAppServer(config, {
      connect: connectDoubles({
        accounts: accountsClientDouble({ getByUid: () => Promise.reject(failing) }),
      }),
      logger: log.logger,
      metrics: createMetrics({ defaultMetrics: false }),
      audit: { write: () => {}, close: () => {} },
    });
    await app.start();
    server = await listen(app.handler, 0);
  });
  afterAll(() => server.close());

  it("logs an unexpected error once, with the request id, the field and its cause", async () => {
    const res = await post(`${server.url}/graphql`, {
      query: `{ accountByUid(uid: "${ADA}") { firstName } }`,
    });
    const requestId = res.headers.get("x-request-id");
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
      "Internal server error.",
    );
    const unexpected = log.lines.filter((l) => l.msg === "unexpected error");
    expect(unexpected).toHaveLength(1);
    expect(unexpected[0]).toMatchObject({
      level: "error",
      requestId,
      path: "accountByUid",
      errorName: "Error",
      errorMessage: "socket hang up",
      causes: [{ errorName: "Error", errorMessage: "connect ECONNRESET" }],
    });
    expect(unexpected[0]?.stack?.length).toBeGreaterThan(0);
  });

  it("runs Apollo with the pino logger, not its plain-text default", () => {
    // What Apollo itself says (start-up, plugin warnings) goes where the service's lines go.
    app.apollo.logger.warn("a warning of Apollo's own");
    expect(log.lines.at(-1)).toMatchObject({
      level: "warn",
      component: "apollo",
      msg: "a warning of Apollo's own",
    });
  });

  it("writes only JSON lines on stdout and stderr in a run with a multi-operation document", async () => {
    const service = startMain({});
    const url = graphqlUrlOf(await service.stderr.next(/ready at/));
    const documents = [
      // Two operations and no operationName; then an unknown one.
      { query: "query A { __typename } query B { __typename }" },
      { query: "query A { __typename } query B { __typename }", operationName: "C" },
      { query: "subscription S { __typename }" },
      { query: `mutation { deleteAccount(uid: "${ADA}", reason: "json lines") { deleted } }` },
      { query: "{ nope }" },
    ];
    for (const body of documents) await post(url, body);
    const exited = once(service.child, "close");
    service.child.kill("SIGTERM");
    await exited;
    const all = [...service.stdout.raw, ...service.stderr.raw];
    expect(all.filter((line) => !line.startsWith("{"))).toEqual([]);
    const lines = [...service.stdout.parsed, ...service.stderr.parsed];
    expect(lines).toHaveLength(all.length);
    // Lines about a request (its operation line, its audit line, every error) say which one.
    const aboutRequests = lines.filter(
      (l) => l.msg === "operation" || l.audit === true || l.level === "error",
    );
    expect(aboutRequests.length).toBeGreaterThanOrEqual(documents.length);
    for (const line of aboutRequests) expect(line.requestId).toEqual(expect.any(String));
  }, 60_000);
});

describe("readiness changes in the log", () => {
  it("logs ready -> not ready once with the reason, and back once, however often it is probed", async () => {
    const log = capture();
    let now = 1_000_000;
    let up = true;
    const health: UpstreamHealth = {
      lastOkAt: () => null,
      breakerState: () => "closed",
      probe: async () => up,
      lastProbeFailure: () => (up ? null : "LoginRadius GET /x failed: unavailable"),
    };
    const routes = createHealthRoutes({
      health,
      metrics: createMetrics({ defaultMetrics: false }),
      readyMaxAgeMs: 30_000,
      logger: log.logger,
      now: () => now,
    });
    const server = await listen((req, res) => {
      void routes.handle(req.url ?? "/", res, req);
    }, 0);
    try {
      const probe = async () => (await fetch(`${server.url}/readyz`)).status;
      expect(await probe()).toBe(200);
      up = false;
      for (let i = 0; i < 5; i++) {
        now += PROBE_CACHE_MS + 1;
        expect(await probe()).toBe(503);
      }
      up = true;
      for (let i = 0; i < 3; i++) {
        now += PROBE_CACHE_MS + 1;
        expect(await probe()).toBe(200);
      }
    } finally {
      await server.close();
    }
    expect(log.lines.map((l) => [l.level, l.msg])).toEqual([
      ["warn", "not ready: /readyz answers 503"],
      ["info", "ready again: every readiness check passes"],
    ]);
    expect(log.lines[0]?.failed).toEqual({
      upstream: "LoginRadius did not answer a probe (LoginRadius GET /x failed: unavailable)",
    });
  });
});
