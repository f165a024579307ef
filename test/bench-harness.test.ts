import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: plain .mjs modules without types, shared with bench/run.mjs
import { parseVariant } from "../bench/ab.mjs";
// @ts-expect-error: plain .mjs modules without types, shared with bench/run.mjs
import { metricSum, percentiles } from "../bench/load.mjs";
// @ts-expect-error: plain .mjs modules without types, shared with bench/run.mjs
import { createOtlpSink } from "../bench/otlp-sink.mjs";
// @ts-expect-error: plain .mjs modules without types, shared with bench/run.mjs
import { parseCpuMs, parseStatusMb } from "../bench/processes.mjs";
// @ts-expect-error: plain .mjs modules without types, shared with bench/run.mjs
import { createReferenceProxy } from "../bench/reference-proxy.mjs";

// The bench's measuring parts: the reference proxy it judges the service against, and how it
// reads /proc, /metrics and latencies. Its verdicts are in test/bench-budget.test.ts.

describe("the reference proxy (bench/reference-proxy.mjs)", () => {
  const started: Server[] = [];
  afterEach(async () => {
    for (const s of started.splice(0)) {
      s.closeAllConnections();
      await new Promise((done) => s.close(done));
    }
  });
  const listen = async (s: Server) => {
    started.push(s);
    await new Promise<void>((done) => s.listen(0, "127.0.0.1", done));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  };

  it("answers a query with one keep-alive GET carrying `fields`, mapped to five fields", async () => {
    const seen: IncomingMessage[] = [];
    const upstream = await listen(
      createServer((req, res) => {
        seen.push(req);
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({
            Uid: "u1",
            FirstName: "Ada",
            LastName: "Lovelace",
            Email: [
              { Type: "Other", Value: "a@other.example" },
              { Type: "Primary", Value: "ada@example.com" },
            ],
            PhoneId: null,
          }),
        );
      }),
    );
    const proxy = await listen(
      createReferenceProxy({
        upstream,
        apiKey: "key",
        apiSecret: "secret",
        tokenSha256: createHash("sha256").update("t0k").digest("hex"),
      }),
    );
    const post = (token: string) =>
      fetch(`${proxy}/graphql`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ query: "query { accountByUid }", variables: { uid: "u1" } }),
      });
    const answer = await post("t0k");
    expect(await answer.json()).toEqual({
      data: {
        accountByUid: {
          uid: "u1",
          firstName: "Ada",
          lastName: "Lovelace",
          primaryEmail: "ada@example.com",
          phone: null,
        },
      },
    });
    await (await post("t0k")).json();
    expect(seen.map((r) => r.url)).toEqual([
      "/identity/v2/manage/account/u1?apikey=key&fields=Uid,FirstName,LastName,Email,PhoneId",
      "/identity/v2/manage/account/u1?apikey=key&fields=Uid,FirstName,LastName,Email,PhoneId",
    ]);
    const [first, second] = seen as [IncomingMessage, IncomingMessage];
    expect(first.headers["x-loginradius-apisecret"]).toBe("secret");
    // Keep-alive: the second call reuses the first one's connection.
    expect(second.socket).toBe(first.socket);
    expect((await post("wrong")).status).toBe(401);
    expect(seen).toHaveLength(2);
    const metrics = await (await fetch(`${proxy}/metrics`)).text();
    expect(metricSum(metrics, "reference_proxy_operations_total")).toBe(2);
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

describe("the OTLP sink (bench/otlp-sink.mjs)", () => {
  let sink: Server | undefined;
  afterEach(async () => {
    sink?.closeAllConnections();
    await new Promise((done) => sink?.close(done));
  });

  it("answers the SDK's OTLP/HTTP exporter and counts its spans by name", async () => {
    sink = createOtlpSink() as Server;
    await new Promise<void>((done) => sink?.listen(0, "127.0.0.1", done));
    const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${url}/v1/traces` }))],
    });
    const tracer = provider.getTracer("bench-test");
    for (const name of ["query ByUid", "auth", "auth"]) tracer.startSpan(name).end();
    await provider.forceFlush();
    await provider.shutdown();
    const gzipped = await fetch(`${url}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(
        JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ name: "budget" }] }] }] }),
      ),
    });
    expect([gzipped.status, await gzipped.text()]).toEqual([200, "{}"]);
    const other = await fetch(`${url}/v1/traces`, { method: "POST", body: "\x0a\x02" });
    expect(other.status).toBe(200);
    expect(await (await fetch(`${url}/spans`)).json()).toEqual({
      spans: 4,
      exports: 5,
      unreadable: 1,
      names: { "query ByUid": 1, auth: 2, budget: 1 },
    });
  });
});
