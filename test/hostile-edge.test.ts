import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { createEmulator } from "../src/emulator/app.js";
import { type Listening, listen } from "../src/http/listen.js";
import { createLogger } from "../src/log.js";
import { createMetrics } from "../src/metrics.js";
import { type AppServer, createAppServer } from "../src/server.js";
import { type RunningEmulator, startEmulator } from "./helpers/emulator.js";
import { TEST_ENV } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * The HTTP edge and the emulator's own surface, as a hostile caller meets them: the explorer
 * pages cannot be framed and load only what they need; slow clients are cut at the deadlines and
 * reported in one line per reason; the emulator's controls, data file and faults are bounded.
 */
const TOKEN = "edge-5b2e8d1c9f3a";
const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
/** Node checks deadlines every quarter of the shorter one; the rest is a loaded machine's slack. */
const MARGIN_MS = 3_000;

let lr: RunningEmulator;
let app: AppServer;
let server: Listening;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  lr = await startEmulator();
  const config = readConfig({
    ...TEST_ENV,
    AUTH_TOKENS: authTokensEnv({ [TOKEN]: { name: "uploader", scopes: ["accounts:read"] } }),
    CLIENT_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    CLIENT_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  });
  const destination = new Writable({
    write(chunk, _, done) {
      for (const line of String(chunk).split("\n")) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: "debug", destination });
  app = await createAppServer(config, {
    upstream: { apiUrl: lr.url, apiKey: lr.emulator.apiKey, apiSecret: lr.emulator.apiSecret },
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    audit: nowhere,
  });
  await app.start();
  // As main.ts binds it.
  server = await listen(app.handler, 0, "127.0.0.1", {
    ...config.clientTimeouts,
    logger,
    reportEveryMs: 2_000,
  });
});
afterAll(async () => {
  await server.close();
  await app.stop();
  await lr.close();
});

const nowhere = { write: () => {}, close: () => {} };

const directivesOf = (csp: string) =>
  new Map(
    csp.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe("the explorer pages", () => {
  it("serve the Sandbox page with a CSP of its own sources and no framing", async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("EmbeddedSandbox");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin");
    const csp = directivesOf(res.headers.get("content-security-policy") ?? "");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("frame-src")).toEqual(["https://sandbox.embed.apollographql.com"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    // Hosts: only Apollo's Sandbox script; inline blocks by hash, never 'unsafe-inline'.
    const scripts = csp.get("script-src") ?? [];
    expect(scripts.filter((s) => !s.startsWith("'sha256-"))).toEqual([
      "https://embeddable-sandbox.cdn.apollographql.com",
    ]);
    expect(scripts.length).toBe(2);
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    // One policy, in the header: no per-render nonce left, no <meta> policy beside it.
    expect(html).not.toMatch(/nonce=|http-equiv="Content-Security-Policy"/i);
  });

  it("serve /graphiql with a same-origin CSP and no framing", async () => {
    const res = await fetch(`${server.url}/graphiql`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const csp = directivesOf(res.headers.get("content-security-policy") ?? "");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });
});

/** A raw connection that sends `head` now and then `drip` every 200 ms until the server cuts it. */
const slowClient = (head: string, drip: string) =>
  new Promise<{ cutAfterMs: number; answer: string }>((resolve, reject) => {
    const started = Date.now();
    let answer = "";
    const socket: Socket = connect(Number(new URL(server.url).port), "127.0.0.1", () => {
      socket.write(head);
    });
    const timer = setInterval(() => {
      if (!socket.destroyed && socket.writable) socket.write(drip);
    }, 200);
    socket.on("data", (chunk) => {
      answer += String(chunk);
    });
    socket.on("error", () => {}); // a reset is a cut too
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ cutAfterMs: Date.now() - started, answer });
    });
    setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      reject(new Error("not cut within 15 s"));
    }, 15_000).unref();
  });

const cutLines = () => logs.filter((line) => line.msg === "client connections cut");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

describe("slow clients (slowloris)", () => {
  const CONNECTIONS = 40;

  it("are cut at the headers deadline, many connections reported in one line", async () => {
    const before = cutLines().length;
    const cuts = await Promise.all(
      Array.from({ length: CONNECTIONS }, (_, i) =>
        slowClient(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n`, `X-Slow-${i}: a\r\n`),
      ),
    );
    for (const cut of cuts) {
      expect(cut.cutAfterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
      expect(cut.cutAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + MARGIN_MS);
    }
    expect(median(cuts.map((c) => c.cutAfterMs))).toBeLessThan(HEADERS_TIMEOUT_MS + MARGIN_MS);
    expect(cuts.filter((c) => c.answer.startsWith("HTTP/1.1 408")).length).toBeGreaterThan(0);
    await expect.poll(() => cutLines().length - before, { timeout: 8_000 }).toBe(1);
    expect(cutLines().at(-1)).toMatchObject({
      level: "warn",
      reason: "headers timeout",
      count: CONNECTIONS,
    });
  });

  it("cut an authenticated upload sent a byte at a time at the request deadline", async () => {
    const before = cutLines().length;
    const errorsBefore = logs.filter((line) => line.level === "error").length;
    const head =
      "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
      `Authorization: Bearer ${TOKEN}\r\nContent-Length: 100000\r\n\r\n{"query":"`;
    const cuts = await Promise.all(
      Array.from({ length: CONNECTIONS }, () => slowClient(head, " ")),
    );
    for (const cut of cuts) {
      expect(cut.cutAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
      expect(cut.cutAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + MARGIN_MS);
    }
    // Admitted (a refused token would be a 401 at once), then answered 408 at the deadline.
    expect(cuts.filter((c) => !c.answer.startsWith("HTTP/1.1 408"))).toEqual([]);
    await expect.poll(() => cutLines().length - before, { timeout: 8_000 }).toBe(1);
    expect(cutLines().at(-1)).toMatchObject({ reason: "body timeout", count: CONNECTIONS });
    // The cut is the one line: no "request failed" per aborted body.
    expect(logs.filter((line) => line.level === "error").length).toBe(errorsBefore);
  });

  it("leave the service answering others", async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.status).toBe(200);
  });

  it("deadlines are configurable and checked together", () => {
    expect(() =>
      readConfig({ CLIENT_HEADERS_TIMEOUT_MS: "5000", CLIENT_REQUEST_TIMEOUT_MS: "4000" }),
    ).toThrow(/CLIENT_HEADERS_TIMEOUT_MS must not exceed CLIENT_REQUEST_TIMEOUT_MS/);
    expect(readConfig({}).clientTimeouts).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
    });
  });
});

describe("the emulator's own surface", () => {
  it("answers controls only at their exact paths", async () => {
    expect((await lr.call("GET", "/__emulator/health", { auth: "none" })).status).toBe(200);
    for (const path of [
      "/__emulator/health/",
      "/__emulator/HEALTH",
      "/__EMULATOR/health",
      "/__emulator/health/x",
      "/__emulator//health",
      "/__emulator/healthz",
    ])
      expect((await lr.call("GET", path, { auth: "none" })).status, path).toBe(404);
    for (const path of ["/__emulator/reset/", "/__emulator/Reset", "/__emulator/faults/"])
      expect((await lr.call("POST", path, { auth: "none", body: {} })).status, path).toBe(404);
  });

  it("refuses a fault delay beyond 60 s, and more than 1,000 faults", async () => {
    for (const delayMs of [60_001, 1e15])
      expect(
        (await lr.control("POST", "/faults", { kind: "delay", delayMs })).body.problems,
      ).toEqual([`delayMs must be at most 60000; got ${delayMs}.`]);
    expect((await lr.control("GET", "/faults")).body.faults).toEqual([]);
    expect((await lr.control("POST", "/faults", { kind: "delay", delayMs: 60_000 })).status).toBe(
      200,
    );
    // The table filled directly (999 HTTP calls would only slow the file), then one over.
    for (let i = 1; i < 1_000; i++) lr.emulator.faults.add({ kind: "delay", count: 0 });
    expect((await lr.control("GET", "/faults")).body.faults).toHaveLength(1_000);
    const over = await lr.control("POST", "/faults", { kind: "delay" });
    expect(over.status).toBe(400);
    await lr.control("DELETE", "/faults");
  });

  it("creates its data file 0600, and makes an existing one 0600", () => {
    const dir = mkdtempSync(join(tmpdir(), "edge-journal-"));
    try {
      const fresh = join(dir, "fresh.jsonl");
      createEmulator({ dataFile: fresh, seedCount: 2 });
      expect(statSync(fresh).mode & 0o777).toBe(0o600);
      const old = join(dir, "old.jsonl");
      writeFileSync(old, "", { mode: 0o644 });
      writeFileSync(`${old}.tmp`, "stale", { mode: 0o666 });
      createEmulator({ dataFile: old, seedCount: 2 });
      expect(statSync(old).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
