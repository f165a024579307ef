import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { ADA } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * OpenTelemetry: a real OTLP/HTTP receiver (a node:http server here) gets the service's spans, a
 * request's span continues the caller's traceparent, each LoginRadius attempt is a child of it,
 * and no attribute holds a secret, a token or a person's data.
 */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  status?: { code?: number };
  attributes?: { key: string; value: Record<string, unknown> }[];
}

const TOKEN = "support-tool-token-4f7a1c9e";
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_ID = "00f067aa0ba902b7";
const SERVER = 2;
const CLIENT = 3;

let receiver: Server;
const bodies: string[] = [];
let stack: Stack;

const spans = (): OtlpSpan[] =>
  bodies.flatMap((text) =>
    (JSON.parse(text).resourceSpans ?? []).flatMap(
      (rs: { scopeSpans?: { spans?: OtlpSpan[] }[] }) =>
        (rs.scopeSpans ?? []).flatMap((ss) => ss.spans ?? []),
    ),
  );

const attr = (span: OtlpSpan | undefined, key: string): unknown => {
  const value = span?.attributes?.find((a) => a.key === key)?.value;
  if (!value) return undefined;
  if ("arrayValue" in value)
    return ((value.arrayValue as { values?: Record<string, unknown>[] }).values ?? []).map(
      (v) => Object.values(v)[0],
    );
  const scalar = Object.values(value)[0];
  return typeof scalar === "string" && /^\d+$/.test(scalar) && "intValue" in value
    ? Number(scalar)
    : scalar;
};

/** Spans arrive in batches (the SDK's batch processor): wait, boundedly, for the trace's root. */
const waitForRoot = async (): Promise<OtlpSpan> => {
  for (let i = 0; i < 100; i++) {
    const root = spans().find((s) => s.traceId === TRACE_ID && s.kind === SERVER);
    if (root) return root;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the request's span never reached the receiver");
};

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => {
      if (req.url === "/v1/traces") bodies.push(text);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  stack = await startStack({
    upstream: { retryBaseDelayMs: 20 },
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_SERVICE_NAME: "account-graph-test",
      AUTH_TOKENS: authTokensEnv({
        [TOKEN]: { name: "support", scopes: ["accounts:read", "roles:read"] },
      }),
    },
  });
});
afterAll(async () => {
  await stack.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe("OpenTelemetry traces over OTLP/HTTP", () => {
  it("exports a request's span with its auth step and one child per LoginRadius attempt", async () => {
    await stack.lr.control("POST", "/faults", {
      kind: "error",
      status: 503,
      count: 1,
      route: "GET /identity/v2/manage/account/{uid}",
    });
    const res = await stack.gql(
      `query Card($uid: ID!) { accountByUid(uid: $uid) { uid primaryEmail roleContexts { context } } }`,
      { uid: ADA },
      { token: TOKEN, headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` } },
    );
    expect(res.errors).toBeUndefined();
    const root = await waitForRoot();
    expect(root.parentSpanId).toBe(PARENT_ID);
    expect(root.name).toBe("query Card");
    expect(attr(root, "graphql.operation.name")).toBe("Card");
    expect(attr(root, "graphql.operation.type")).toBe("query");
    expect(attr(root, "account_graph.caller.kind")).toBe("token");
    expect(attr(root, "account_graph.outcome")).toBe("ok");
    expect(attr(root, "account_graph.upstream_calls")).toBe(3);
    expect(attr(root, "http.response.status_code")).toBe(200);

    const children = spans().filter((s) => s.parentSpanId === root.spanId);
    expect(children.find((s) => s.name === "auth")).toBeDefined();
    const attempts = children.filter((s) => s.kind === CLIENT);
    const profile = attempts
      .filter((s) => attr(s, "url.template") === "/identity/v2/manage/account/{uid}")
      .sort(
        (a, b) => Number(attr(a, "loginradius.attempt")) - Number(attr(b, "loginradius.attempt")),
      );
    expect(profile.map((s) => attr(s, "http.response.status_code"))).toEqual([503, 200]);
    expect(profile[0]?.status?.code).toBe(2); // ERROR
    expect(attr(profile[0], "loginradius.queue_wait_ms")).toBeTypeOf("number");
    expect(attr(profile[1], "loginradius.attempt")).toBe(2);
    expect(attr(profile[1], "loginradius.retry_wait_ms")).toBeGreaterThan(0);
    expect(
      attempts.filter((s) => attr(s, "url.template") !== "/identity/v2/manage/account/{uid}"),
    ).toHaveLength(1);
  });

  it("puts no secret, key, token, email or identifier in any span", async () => {
    await waitForRoot();
    const everything = bodies.join("\n");
    expect(everything).toContain("account-graph-test");
    for (const secret of [
      stack.lr.emulator.apiSecret,
      stack.lr.emulator.apiKey,
      TOKEN,
      ADA,
      "ada@",
      "@example.com",
      "apiKey=",
    ])
      expect(everything).not.toContain(secret);
  });
});

describe("tracing configuration", () => {
  it("is off without an OTLP endpoint, or when disabled", () => {
    expect(readConfig({}).tracing).toBeNull();
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" };
    expect(readConfig({ ...endpoint, OTEL_SDK_DISABLED: "true" }).tracing).toBeNull();
    expect(readConfig({ ...endpoint, OTEL_TRACES_EXPORTER: "none" }).tracing).toBeNull();
    expect(readConfig(endpoint).tracing).toMatchObject({
      url: "http://127.0.0.1:4318/v1/traces",
      serviceName: "account-graph",
      sampler: "parentbased_always_on",
    });
  });

  it("reads the standard sampler and header variables, and refuses bad ones", () => {
    const config = readConfig({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://collector.internal/v1/traces",
      OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
      OTEL_TRACES_SAMPLER_ARG: "0.25",
      OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=abc%3D",
    }).tracing;
    expect(config).toMatchObject({ sampler: "parentbased_traceidratio", ratio: 0.25 });
    expect(config?.headers).toEqual({ "x-api-key": "abc=" });
    expect(() =>
      readConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "ftp://x", OTEL_TRACES_SAMPLER_ARG: "2" }),
    ).toThrow(/OTEL_TRACES_SAMPLER_ARG[\s\S]*OTEL_EXPORTER_OTLP/);
  });
});
