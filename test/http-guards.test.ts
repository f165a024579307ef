import { request } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { ADA } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

const READ = JSON.stringify({ query: `{ accountByUid(uid: "${ADA}") { firstName } }` });

/** A raw request, so the test controls the Host header (fetch does not let it). */
const raw = (
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; path?: string },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: options.path ?? "/graphql",
        method: options.method ?? "POST",
        headers: { "content-type": "application/json", ...options.headers },
        setHost: options.headers?.host === undefined,
      },
      (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });

describe("Host check (ALLOWED_HOSTS, default: the bound address and loopback names)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.reset());

  it("answers 421 to a foreign Host (DNS rebinding), before any work", async () => {
    const res = await raw(stack.url, { headers: { host: "attacker.example" }, body: READ });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body).errors[0].extensions).toEqual({ code: "MISDIRECTED_REQUEST" });
    expect(await stack.calls()).toEqual([]);
  });

  it.each(["localhost:4000", "127.0.0.1", "[::1]:80", "LOCALHOST"])(
    "serves Host %s",
    async (host) => {
      const res = await raw(stack.url, { headers: { host }, body: READ });
      expect(res.status).toBe(200);
    },
  );

  it("checks the Host before routing, on every route but /healthz", async () => {
    const foreign = { method: "GET", headers: { host: "attacker.example" } };
    for (const path of ["/graphql", "/graphiql", "/", "/nowhere", "/readyz", "/metrics"])
      expect((await raw(stack.url, { ...foreign, path })).status, path).toBe(421);
    expect((await raw(stack.url, { ...foreign, path: "/healthz" })).status).toBe(200);
    // Probes reach pods by IP: an IP literal passes on the probe routes only.
    const byIp = { method: "GET", headers: { host: "10.0.0.7:4000" } };
    expect((await raw(stack.url, { ...byIp, path: "/readyz" })).status).not.toBe(421);
    expect((await raw(stack.url, { ...byIp, path: "/graphql" })).status).toBe(421);
  });

  it("answers 400 to a malformed Host", async () => {
    const res = await raw(stack.url, { headers: { host: "a b@c" }, body: READ });
    expect(res.status).toBe(400);
  });

  it("takes a configured list, with or without a port", () => {
    const { allowedHosts } = readConfig({ ALLOWED_HOSTS: "graph.internal, api.example.com:443" });
    expect(allowedHosts).toEqual([
      { host: "graph.internal", port: null },
      { host: "api.example.com", port: "443" },
    ]);
    expect(readConfig({ HOST: "::", EMULATOR: "true" }).allowedHosts[0]).toEqual({
      host: "[::]",
      port: null,
    });
    expect(() => readConfig({ ALLOWED_HOSTS: "http://x/" })).toThrow(/ALLOWED_HOSTS/);
  });
});

describe("a configured ALLOWED_HOSTS", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { ALLOWED_HOSTS: "graph.internal:8080" } });
  });
  afterAll(() => stack.close());

  it("serves only that host and port", async () => {
    expect(
      (await raw(stack.url, { headers: { host: "graph.internal:8080" }, body: READ })).status,
    ).toBe(200);
    expect(
      (await raw(stack.url, { headers: { host: "graph.internal:8081" }, body: READ })).status,
    ).toBe(421);
    expect((await raw(stack.url, { headers: { host: "localhost" }, body: READ })).status).toBe(421);
  });
});

describe("CORS and CSRF", () => {
  let off: Stack;
  let on: Stack;
  beforeAll(async () => {
    off = await startStack();
    on = await startStack({ env: { CORS_ORIGINS: "https://admin.example.com" } });
  });
  afterAll(async () => {
    await off.close();
    await on.close();
  });

  const preflight = (stack: Stack, origin: string) =>
    fetch(`${stack.url}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });

  it("is off by default: no CORS headers for any origin", async () => {
    const res = await preflight(off, "https://admin.example.com");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const post = await off.gql(
      `{ accountByUid(uid: "${ADA}") { uid } }`,
      {},
      {
        headers: { origin: "https://admin.example.com" },
      },
    );
    expect(post.status).toBe(200);
  });

  it("reflects a listed origin, answers its preflight, and varies on Origin", async () => {
    const res = await preflight(on, "https://admin.example.com");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://admin.example.com");
    expect(res.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("vary")).toContain("Origin");
  });

  it("gives an unlisted origin nothing", async () => {
    const res = await preflight(on, "https://evil.example");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("keeps Apollo's CSRF prevention: a simple cross-site request is refused before execution", async () => {
    const res = await fetch(`${off.url}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("CSRF");
  });
});

describe("schema exposure (introspection and the Sandbox page)", () => {
  it("is on with the emulator and off with real LoginRadius unless GRAPHQL_INTROSPECTION=true", () => {
    const real = {
      LOGINRADIUS_API_KEY: "11111111-2222-4333-8444-555555555555",
      LOGINRADIUS_API_SECRET: "66666666-7777-4888-9999-000000000000",
      AUTH_DISABLED: "true",
    };
    expect(readConfig({}).introspection).toBe(true);
    expect(readConfig(real).introspection).toBe(false);
    expect(readConfig({ ...real, GRAPHQL_INTROSPECTION: "true" }).introspection).toBe(true);
    expect(readConfig({ GRAPHQL_INTROSPECTION: "false" }).introspection).toBe(false);
  });

  describe("when off", () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ env: { GRAPHQL_INTROSPECTION: "false" } });
    });
    afterAll(() => stack.close());

    it("refuses introspection", async () => {
      const res = await stack.gql("{ __schema { mutationType { fields { name } } } }");
      expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(JSON.stringify(res)).not.toContain("issueAccessToken");
    });

    it("serves no Sandbox page", async () => {
      const res = await fetch(`${stack.url}/graphql`, { headers: { accept: "text/html" } });
      expect(await res.text()).not.toContain("<html");
    });
  });

  describe("when on", () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ env: { AUTH_TOKENS: "{}" } });
    });
    afterAll(() => stack.close());

    it("serves the Sandbox page to a browser without credentials, but no operation", async () => {
      const page = await fetch(`${stack.url}/graphql`, { headers: { accept: "text/html" } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<html");
      const res = await stack.gql("{ __typename }");
      expect(res.status).toBe(401);
    });
  });
});
