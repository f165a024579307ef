import {
  type ClientRequest,
  createServer,
  request,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "graphql";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJwtVerifier } from "../src/graphql/auth/jwt.js";
import { createDocumentCaches } from "../src/graphql/limits/documents.js";
import { GRAPHQL_BODY_BUDGET, MAX_BODY_BYTES } from "../src/http/read-body.js";
import { createMemoryRateLimitStore } from "../src/ratelimit/store.js";
import { type MeasuredProcess, startMeasuredProcess } from "./helpers/measured-process.js";
import { startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

const MB = 1024 * 1024;

/** `{ __typename }`, made unique by a comment, padded with spaces to `bytes`. */
const padded = (i: number, bytes: number) => `{ __typename } # ${i}\n`.padEnd(bytes, " ");

/** `count` requests, `workers` at a time; the statuses and error codes seen, counted. */
const flood = async (count: number, workers: number, send: (i: number) => Promise<string>) => {
  const seen = new Map<string, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) {
        const outcome = await send(next++);
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
      }
    }),
  );
  return Object.fromEntries(seen);
};

describe("a token with no scope against the service process (npm start's heap flags)", () => {
  const TOKEN = "no-scope-probe-token";
  const post = async (query: string) => {
    const res = await fetch(service.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return `${res.status} ${body.errors?.[0]?.extensions?.code ?? "ok"}`;
  };

  let service: MeasuredProcess;
  /** RSS once warm, taken once: every flood is held to it + 100 MB, not to the last one's peak. */
  let baseline: number | undefined;
  const warmBaseline = async (): Promise<number> => {
    if (baseline === undefined) {
      for (let i = 0; i < 10; i++) expect(await post("{ __typename }")).toBe("200 ok");
      baseline = await service.rss();
    }
    return baseline;
  };
  beforeAll(async () => {
    service = await startMeasuredProcess({
      AUTH_TOKENS: authTokensEnv({ [TOKEN]: { name: "probe", scopes: [] } }),
    });
  }, 60_000);
  afterAll(() => service?.kill());

  it("a cold process refuses list literals nested 5,000 deep, typed, before parsing", async () => {
    const nested = `${"[".repeat(5000)}"x"${"]".repeat(5000)}`;
    const res = await fetch(service.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query: `{ accountsByUids(uids: ${nested}) { uid } }` }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(body.errors[0]?.extensions).toEqual({ code: "MAX_NESTING_EXCEEDED" });
    expect(body.errors[0]?.message).not.toMatch(/call stack/i);
    expect(await post("{ __typename }")).toBe("200 ok");
  });

  it("1,000 distinct 1 MB documents: each refused before parsing, RSS within +100 MB", async () => {
    const before = await warmBaseline();
    let peak = await service.rss();
    const outcomes = await flood(1000, 4, async (i) => {
      const outcome = await post(padded(i, 1_000_000));
      if (i % 50 === 0) peak = Math.max(peak, await service.rss());
      return outcome;
    });
    peak = Math.max(peak, await service.rss());
    expect(outcomes).toEqual({ "413 QUERY_TOO_LARGE": 1000 });
    expect(service.alive()).toBe(true);
    expect(await post("{ __typename }")).toBe("200 ok");
    console.info(`1 MB flood: RSS ${(before / MB) | 0} MB -> peak ${(peak / MB) | 0} MB`);
    expect(peak - before).toBeLessThan(100 * MB);
  }, 180_000);

  it("2,500 distinct 60 KB documents (under the limit): the cache holds its bytes, not every document", async () => {
    const before = await warmBaseline();
    let peak = await service.rss();
    const outcomes = await flood(2500, 4, async (i) => {
      const outcome = await post(padded(1000 + i, 60_000));
      if (i % 100 === 0) peak = Math.max(peak, await service.rss());
      return outcome.startsWith("429") ? "429" : outcome;
    });
    peak = Math.max(peak, await service.rss());
    // Parsed and validated (the rate limit refuses only after that): 150 MB of source. Each is
    // sent once, so none enters the document cache (it admits a document seen twice).
    for (const outcome of Object.keys(outcomes)) expect(["200 ok", "429"]).toContain(outcome);
    expect(service.alive()).toBe(true);
    console.info(`60 KB flood: RSS ${(before / MB) | 0} MB -> peak ${(peak / MB) | 0} MB`);
    expect(peak - before).toBeLessThan(100 * MB);
  }, 180_000);
});

describe("the parsed-document cache counts the source text each AST keeps", () => {
  it("1 MiB of cache holds at most 1 MiB of 60 KB sources", async () => {
    const { documentStore } = createDocumentCaches({
      apq: false,
      apqCacheBytes: MB,
      documentCacheBytes: MB,
      maxQueryBytes: 64 * 1024,
    });
    // Each sent twice: the cache admits a document on its second sighting.
    for (let i = 0; i < 200; i++)
      for (const _ of [1, 2]) await documentStore.set(`d${i}`, parse(padded(i, 60_000)));
    const held = documentStore.keys().length;
    expect(held).toBeGreaterThan(0);
    expect(held * 60_000).toBeLessThanOrEqual(MB);
    // The most recent stays: an LRU, not a cache that refuses once full.
    expect(await documentStore.get("d199")).toBeDefined();
  });
});

describe("request bodies held at once are bounded in bytes", () => {
  /** Resolves once `check` holds, polling; the test's timeout ends it otherwise. */
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it("64 unfinished 1 MB uploads fill the budget: the next request is 503 SERVER_BUSY, then served once they go", async () => {
    const stack = await startStack();
    const held: ClientRequest[] = [];
    try {
      const target = new URL(`${stack.url}/graphql`);
      // Each just under the per-body limit, declared longer so it never ends; one at a time, each
      // wholly read before the next, so the budget ends exactly this full: 64 MiB less 6,400 bytes.
      // (Sent all at once, an upload whose next chunk overflows is dropped and releases its bytes,
      // which is the budget working, but leaves a room that depends on arrival order.)
      const size = MAX_BODY_BYTES - 100;
      for (let i = 0; i < 64; i++) {
        const req = request(target, {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": String(size + 100) },
        });
        req.on("error", () => {});
        const before = GRAPHQL_BODY_BUDGET.held;
        req.write(`{"query":"{ __typename } #${i}`.padEnd(size, " "));
        held.push(req);
        await until(() => GRAPHQL_BODY_BUDGET.held === before + size);
      }
      expect(GRAPHQL_BODY_BUDGET.held).toBe(64 * size);
      const padding = { pad: "x".repeat(200_000) };
      const busy = await stack.gql("{ __typename }", padding);
      expect(busy.status).toBe(503);
      expect(busy.errors?.[0]?.extensions).toEqual({ code: "SERVER_BUSY" });
      for (const req of held) req.destroy();
      await until(() => GRAPHQL_BODY_BUDGET.held === 0);
      expect((await stack.gql("{ __typename }", padding)).data).toEqual({ __typename: "Query" });
    } finally {
      for (const req of held) req.destroy();
      await stack.close();
    }
  }, 60_000);
});

describe("rate-limit buckets in memory are bounded in number", () => {
  const rule = { perSecond: 1, burst: 1 };
  it("10,000 newer keys evict the oldest bucket; fewer leave it (and its debt) in place", async () => {
    const store = createMemoryRateLimitStore(() => 0);
    expect((await store.take("jwt:victim", 1, rule)).allowed).toBe(true);
    for (let i = 0; i < 9_000; i++) await store.take(`jwt:caller-${i}`, 1, rule);
    expect((await store.take("jwt:victim", 1, rule)).allowed).toBe(false);
    // A hostile stream of distinct names: the map keeps the 10,000 most recent keys only.
    for (let i = 0; i < 10_000; i++) await store.take(`jwt:stream-${i}`, 1, rule);
    expect((await store.take("jwt:victim", 1, rule)).allowed).toBe(true);
  });
});

/** An identity provider whose JWKS answer each test sets; counts the bytes it got out. */
const idp = {
  server: undefined as Server | undefined,
  url: "",
  answer: (_res: ServerResponse) => {},
};

const streamPadded = (res: ServerResponse, key: JWK, total: number) => {
  const state = { written: 0 };
  res.writeHead(200, { "content-type": "application/json" });
  res.write(`{"keys":[${JSON.stringify(key)}],"padding":"`);
  const chunk = Buffer.alloc(64 * 1024, "a");
  const pump = () => {
    while (state.written < total && !res.destroyed) {
      state.written += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end('"}');
  };
  pump();
  return state;
};

describe("JWKS answers are bounded in bytes, keys and time", () => {
  const ISSUER = "https://idp.test/";
  const AUDIENCE = "account-graph";
  let key: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwk: JWK;
  beforeAll(async () => {
    key = await generateKeyPair("ES256", { extractable: true });
    jwk = { ...(await exportJWK(key.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    idp.server = createServer((_, res) => idp.answer(res));
    await new Promise<void>((resolve) => idp.server?.listen(0, "127.0.0.1", resolve));
    idp.url = `http://127.0.0.1:${(idp.server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(async () => {
    idp.server?.closeAllConnections();
    await new Promise((resolve) => idp.server?.close(resolve));
  });

  const token = () =>
    new SignJWT({ scope: "accounts:read" })
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject("crm-backend")
      .setExpirationTime("5m")
      .sign(key.privateKey);

  const askWithJwks = async () => {
    const stack = await startStack({
      env: { AUTH_JWKS_URL: idp.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE },
    });
    try {
      return await stack.gql("{ __typename }", {}, { token: await token() });
    } finally {
      await stack.close();
    }
  };

  it("a 20 MB key set is cut off early: 503 AUTH_UNAVAILABLE, most of it never read", async () => {
    let sent = { written: 0 };
    idp.answer = (res) => {
      sent = streamPadded(res, jwk, 20 * MB);
    };
    const res = await askWithJwks();
    expect(res.status).toBe(503);
    expect(res.errors?.[0]?.extensions).toEqual({ code: "AUTH_UNAVAILABLE" });
    expect(sent.written).toBeLessThan(5 * MB);
  });

  it("5,000 keys (under the byte cap) are refused: 503 AUTH_UNAVAILABLE", async () => {
    const filler = Array.from({ length: 5000 }, (_, i) => ({
      kty: "oct",
      k: "AAAA",
      kid: `o${i}`,
    }));
    idp.answer = (res) => {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ keys: [...filler, jwk] }));
    };
    const res = await askWithJwks();
    expect(res.status).toBe(503);
    expect(res.errors?.[0]?.extensions).toEqual({ code: "AUTH_UNAVAILABLE" });
  });

  it("a key set dripped one byte at a time is cut at the whole-body deadline", async () => {
    const timers = new Set<NodeJS.Timeout>();
    idp.answer = (res) => {
      res.writeHead(200, { "content-type": "application/json" }).write('{"keys":[');
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 50);
      timers.add(timer);
    };
    const verify = createJwtVerifier({
      jwksUrl: idp.url,
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["ES256"],
      jwksCooldownMs: 0,
      knownScopes: ["accounts:read"],
      jwksBounds: { maxBytes: 256 * 1024, maxKeys: 100, deadlineMs: 500 },
    });
    const started = Date.now();
    const result = await verify(await token());
    const elapsed = Date.now() - started;
    for (const timer of timers) clearInterval(timer);
    expect(result).toMatchObject({ ok: false, reason: "unavailable" });
    // The deadline is 500 ms; jose's own 5 s timeout must not be what ended it.
    expect(elapsed).toBeLessThan(3000);
  });
});
