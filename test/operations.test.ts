import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { ADA, GRACE } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

// biome-ignore lint/suspicious/noExplicitAny: log lines are arbitrary JSON
const lines: any[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split("\n")) if (line) lines.push(JSON.parse(line));
    done();
  },
});

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ logger: createLogger({ destination: sink }) });
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.reset();
  lines.length = 0;
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

/** Prometheus text format -> `name{labels}` -> value (metrics add up across tests: compare deltas). */
const scrape = async (): Promise<Map<string, number>> => {
  const res = await fetch(`${stack.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
};

describe("operation log", () => {
  it("writes one line per operation: request id, caller, name, type, duration, upstream calls, codes", async () => {
    const res = await post(
      {
        query: `query TwoPeople { a: accountByUid(uid: "${ADA}") { firstName } g: accountByUid(uid: "${GRACE}") { firstName } }`,
      },
      { "x-request-id": "req-ops-1" },
    );
    expect(res.status).toBe(200);
    const operations = lines.filter((l) => l.msg === "operation");
    expect(operations).toHaveLength(1);
    expect(operations[0]).toMatchObject({
      level: "info",
      // The service's own id (answered in X-Request-Id); the caller's is kept beside it.
      requestId: res.headers.get("x-request-id"),
      clientRequestId: "req-ops-1",
      // A caller is named by kind and name: a JWT whose sub is a token's name is not that token.
      caller: "anonymous",
      callerKind: "anonymous",
      operationName: "TwoPeople",
      operationType: "query",
      errorCodes: [],
    });
    expect(typeof operations[0].durationMs).toBe("number");
    expect(typeof operations[0].upstreamCalls).toBe("number");
  });

  it("logs refused operations with their codes and never the query's arguments", async () => {
    await post({ query: `query Broken { accountByUid(uid: "secret-looking-uid") { nope } }` });
    const operations = lines.filter((l) => l.msg === "operation");
    expect(operations).toHaveLength(1);
    expect(operations[0]).toMatchObject({
      operationName: "Broken",
      operationType: "query",
      errorCodes: ["GRAPHQL_VALIDATION_FAILED"],
    });
    expect(JSON.stringify(lines)).not.toContain("secret-looking-uid");
  });
});

describe("/metrics", () => {
  it("counts operations by name and outcome, error codes, durations and loader batch sizes", async () => {
    const before = await scrape();
    await post({
      query: `query Pair { a: accountByUid(uid: "${ADA}") { firstName } g: accountByUid(uid: "${GRACE}") { firstName } }`,
    });
    await post({ query: `query Pair { accountByUid(uid: "${ADA}") { nope } }` });
    const after = await scrape();
    const m = { get: (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0) };
    // Caller auth is off here: an anonymous caller's names never take a label slot (issue 16;
    // named labels for authenticated readers: test/hostile-ops.test.ts).
    expect(
      m.get('account_graph_operations_total{operation="other",type="query",outcome="ok"}'),
    ).toBe(1);
    expect(
      m.get('account_graph_operations_total{operation="other",type="query",outcome="error"}'),
    ).toBe(1);
    expect(m.get('account_graph_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(m.get('account_graph_operation_duration_seconds_count{type="query"}')).toBe(2);
    // Both UIDs of one query go to the loader in one batch.
    expect(m.get('account_graph_loader_batch_size_count{loader="byUid"}')).toBe(1);
    expect(m.get('account_graph_loader_batch_size_sum{loader="byUid"}')).toBe(2);
  });

  it("keeps operation labels bounded: names that are not GraphQL names count as other", async () => {
    const before = await scrape();
    await post({ query: `{ accountByUid(uid: "${ADA}") { firstName } }` });
    await post({
      query: `query X { accountByUid(uid: "${ADA}") { firstName } }`,
      operationName: "X; DROP",
    });
    const m = await scrape();
    const anonymous =
      'account_graph_operations_total{operation="anonymous",type="query",outcome="ok"}';
    expect((m.get(anonymous) ?? 0) - (before.get(anonymous) ?? 0)).toBe(1);
    expect([...m.keys()].some((k) => k.includes("DROP"))).toBe(false);
  });
});

describe("/healthz and /readyz", () => {
  it("is alive, and ready once LoginRadius answers a probe", async () => {
    expect(await (await fetch(`${stack.url}/healthz`)).json()).toEqual({ ok: true });
    const res = await fetch(`${stack.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ready: true,
      checks: { draining: { ok: true }, breaker: { ok: true }, upstream: { ok: true } },
      warnings: [],
    });
  });

  it("is not ready when LoginRadius cannot be reached", async () => {
    const down = await startStack({ target: { apiUrl: "http://127.0.0.1:9" } });
    try {
      const res = await fetch(`${down.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ready: false, checks: { upstream: { ok: false } } });
      expect((await fetch(`${down.url}/healthz`)).status).toBe(200);
    } finally {
      await down.close();
    }
  });
});

describe("operations configuration", () => {
  it("reads log, readiness and shutdown settings with defaults", () => {
    expect(readConfig({}).ops).toEqual({
      logLevel: "info",
      logFormat: "json",
      shutdownGraceMs: 10_000,
      shutdownDelayMs: 0,
      readyMaxAgeMs: 30_000,
      metricsToken: null,
    });
    expect(() => readConfig({ LOG_FORMAT: "xml", SHUTDOWN_GRACE_MS: "-1" })).toThrow(
      /LOG_FORMAT must be one of json, pretty[\s\S]*SHUTDOWN_GRACE_MS/,
    );
  });

  it.each([
    "https://user:pw@api.example",
    "https://api.example/#frag",
    "https://api.example/?",
    "https://api.example/?apisecret=x",
  ])("refuses LOGINRADIUS_API_URL %s without echoing it", (url) => {
    let message = "";
    try {
      readConfig({ LOGINRADIUS_API_URL: url });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("LOGINRADIUS_API_URL must be an http(s) URL");
    expect(message).not.toContain(url);
  });
});
