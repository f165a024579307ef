import type { ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAccountsClient } from "../src/accounts/accounts.client.js";
import { readConfig } from "../src/config.js";
import { connectSections, createContext } from "../src/context.js";
import type { Env } from "../src/env.js";
import { bindHttp } from "../src/loginradius/bound-http.js";
import { createLoginRadiusHttp, outboundKey } from "../src/loginradius/http.js";
import { createMemoryRateLimitStore, type RateLimitStore } from "../src/ratelimit/store.js";
import { startEmulator } from "./helpers/emulator.js";
import {
  API_KEY,
  API_SECRET,
  type Hostile,
  json,
  type Service,
  startHostile,
  startService,
  until,
} from "./helpers/hostile.js";
import { TEST_ENV } from "./helpers/stack.js";

/** Load shedding, the breaker, the outbound limit, the request deadline, metrics and health. */
let lr: Hostile;
let service: Service | undefined;
beforeEach(async () => {
  lr = await startHostile();
});
afterEach(async () => {
  await service?.close();
  service = undefined;
  await lr.close();
});

const start = async (env: Env, store?: RateLimitStore) => {
  service = await startService(lr.url, { UPSTREAM_RETRIES: "0", ...env }, store);
  return service;
};
const profileFor = (url: string) => ({ Uid: /account\/([^/?]+)/.exec(url)?.[1] ?? "x" });
const answerProfiles = () => lr.handle((req, res) => json(res, 200, profileFor(req.url ?? "")));
const BATCH = "query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid } }";
const readUid = (s: Service, uid = "u1") => s.gql(`{ accountByUid(uid: "${uid}") { uid } }`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("load shedding", () => {
  it("fails fast with UPSTREAM_UNAVAILABLE (overloaded) when the queue is full", async () => {
    const s = await start({ UPSTREAM_MAX_CONCURRENCY: "1", UPSTREAM_MAX_QUEUE: "1" });
    const held: ServerResponse[] = [];
    lr.handle((_, res) => {
      held.push(res);
    });
    const pending = s.gql(BATCH, { uids: ["a", "b", "c"] });
    await until(() => held.length === 1);
    // One call holds the slot, one waits, the third was refused without waiting.
    expect(
      await s.metrics.registry.getSingleMetricAsString("account_graph_upstream_queue_depth"),
    ).toContain("account_graph_upstream_queue_depth 1");
    answerProfiles();
    for (const res of held) json(res, 200, { Uid: "a" });
    const res = await pending;
    expect(res.data.accountsByUids).toEqual([{ uid: "a" }, { uid: "b" }, null]);
    expect(res.errors?.[0]).toMatchObject({
      path: ["accountsByUids", 2],
      extensions: { code: "UPSTREAM_UNAVAILABLE", reason: "overloaded" },
    });
    expect(lr.seen).toHaveLength(2);
  });

  it("serves the largest accountsByUids (100 UIDs) whole with the default limits", async () => {
    const s = await start({});
    answerProfiles();
    const uids = Array.from({ length: 100 }, (_, i) => `u${i}`);
    const res = await s.gql(BATCH, { uids });
    expect(res.errors).toBeUndefined();
    expect(res.data.accountsByUids.map((a: { uid: string }) => a.uid)).toEqual(uids);
    expect(lr.seen).toHaveLength(100);
  });

  it("fails pending fields with UPSTREAM_TIMEOUT at REQUEST_TIMEOUT_MS, keeping the others", async () => {
    const s = await start({ REQUEST_TIMEOUT_MS: "200", UPSTREAM_TIMEOUT_MS: "10000" });
    lr.handle((req, res) => {
      if (req.url?.includes("/fast")) json(res, 200, { Uid: "fast" });
    });
    const res = await s.gql(
      '{ a: accountByUid(uid: "fast") { uid } b: accountByUid(uid: "slow") { uid } }',
    );
    expect(res.data).toEqual({ a: { uid: "fast" }, b: null });
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [["b"], "UPSTREAM_TIMEOUT"],
    ]);
  });
});

describe("the request deadline and retries", () => {
  it("fails at once, as itself, when the retry's wait would end past the deadline", async () => {
    const s = await start({
      UPSTREAM_RETRIES: "2",
      REQUEST_TIMEOUT_MS: "1000",
      UPSTREAM_MAX_RETRY_AFTER_SECONDS: "5",
    });
    lr.handle((_, res) => {
      res.setHeader("Retry-After", "3");
      json(res, 503, { ErrorCode: 1000 });
    });
    const res = await readUid(s);
    // Waiting 3 s would have outlived the 1 s deadline: an UPSTREAM_TIMEOUT after a pointless
    // wait. LoginRadius's own answer is the better one.
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(lr.seen).toHaveLength(1);
  });

  it("still retries when the wait fits inside the deadline", async () => {
    const s = await start({ UPSTREAM_RETRIES: "2", REQUEST_TIMEOUT_MS: "5000" });
    let calls = 0;
    lr.handle((req, res) => {
      calls++;
      if (calls === 1) {
        res.setHeader("Retry-After", "0");
        json(res, 503, { ErrorCode: 1000 });
      } else json(res, 200, profileFor(req.url ?? ""));
    });
    const res = await readUid(s, "u7");
    expect(res.errors).toBeUndefined();
    expect(res.data.accountByUid).toEqual({ uid: "u7" });
    expect(lr.seen.map((s) => s.url.split("?")[0])).toEqual([
      "/identity/v2/manage/account/u7",
      "/identity/v2/manage/account/u7",
    ]);
  });
});

describe("the circuit breaker", () => {
  const breakerGauge = async (s: Service) =>
    (await s.metrics.registry.getSingleMetricAsString("account_graph_upstream_breaker_state"))
      .split("\n")
      .find((l) => l.startsWith("account_graph_upstream_breaker_state "));

  it("opens after consecutive failures, fails fast, half-opens to probe, then closes", async () => {
    // Open long enough that the round trips after a trip surely land inside it; sleeps go just past.
    const OPEN_MS = 1000;
    const s = await start({
      UPSTREAM_BREAKER_FAILURES: "2",
      UPSTREAM_BREAKER_OPEN_MS: String(OPEN_MS),
    });
    lr.handle((_, res) => json(res, 500, { ErrorCode: 950 }));
    for (let i = 0; i < 2; i++)
      expect((await readUid(s)).errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    const shed = await readUid(s);
    expect(shed.errors?.[0]?.extensions).toEqual({
      code: "UPSTREAM_UNAVAILABLE",
      reason: "circuit_open",
    });
    expect(lr.seen).toHaveLength(2);
    expect(s.app.upstreamHealth?.breakerState()).toBe("open");
    expect(await breakerGauge(s)).toBe("account_graph_upstream_breaker_state 2");

    await sleep(OPEN_MS + 50);
    expect(s.app.upstreamHealth?.breakerState()).toBe("half-open");
    // The probe fails: open again at once, no second call let through.
    expect((await readUid(s)).errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect((await readUid(s)).errors?.[0]?.extensions?.reason).toBe("circuit_open");
    expect(lr.seen).toHaveLength(3);

    await sleep(OPEN_MS + 50);
    answerProfiles();
    expect((await readUid(s)).data.accountByUid).toEqual({ uid: "u1" });
    expect(s.app.upstreamHealth?.breakerState()).toBe("closed");
    expect(await breakerGauge(s)).toBe("account_graph_upstream_breaker_state 0");
    const changes = s.logs.filter((l) => l.from !== undefined).map((l) => `${l.from}>${l.to}`);
    expect(changes).toEqual([
      "closed>open",
      "open>half-open",
      "half-open>open",
      "open>half-open",
      "half-open>closed",
    ]);
  });

  it("does not count business refusals (938) as failures", async () => {
    const s = await start({ UPSTREAM_BREAKER_FAILURES: "2" });
    lr.handle((_, res) => json(res, 403, { ErrorCode: 938, Description: "not found" }));
    for (let i = 0; i < 4; i++) expect((await readUid(s)).data.accountByUid).toBeNull();
    expect(lr.seen).toHaveLength(4);
    expect(s.app.upstreamHealth?.breakerState()).toBe("closed");
  });
});

describe("the outbound rate limit", () => {
  // Issue 20: no burst is saved while idle (a second's worth at once broke LoginRadius's window).
  it("sends one call at once, never a saved burst, and refuses the rest with UPSTREAM_RATE_LIMITED", async () => {
    const s = await start({ UPSTREAM_MAX_RPS: "2", UPSTREAM_MAX_QUEUE_WAIT_MS: "1" });
    answerProfiles();
    const res = await s.gql(BATCH, { uids: ["a", "b", "c", "d"] });
    expect(res.data.accountsByUids.filter(Boolean)).toHaveLength(1);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual([
      "UPSTREAM_RATE_LIMITED",
      "UPSTREAM_RATE_LIMITED",
      "UPSTREAM_RATE_LIMITED",
    ]);
    expect(res.errors?.[0]?.extensions?.retryAfterSeconds).toBe(1);
    expect(lr.seen).toHaveLength(1);
  });

  it("takes its tokens from the store it is given", async () => {
    const keys: string[] = [];
    const memory = createMemoryRateLimitStore();
    const store: RateLimitStore = {
      take: (key, cost, rule) => {
        keys.push(`${key} ${rule.perSecond}`);
        return memory.take(key, cost, rule);
      },
      close: () => memory.close(),
    };
    const s = await start({ UPSTREAM_MAX_RPS: "7" }, store);
    answerProfiles();
    await readUid(s);
    expect(keys).toEqual([`${outboundKey({ apiKey: API_KEY })} 7`]);
    // The site is its API key, hashed: the host it is reached by is not part of it.
    expect(keys[0]).toMatch(/^loginradius:[0-9a-f]{16} 7$/);
    expect(keys[0]).not.toContain(API_KEY);
  });
});

describe("metrics and health", () => {
  it("counts calls, retries and latency per endpoint", async () => {
    const s = await start({ UPSTREAM_RETRIES: "1" });
    let n = 0;
    lr.handle((req, res) =>
      n++ === 0 ? json(res, 503, {}) : json(res, 200, profileFor(req.url ?? "")),
    );
    await readUid(s);
    lr.handle((_, res) => json(res, 200, "[1,2,3]"));
    await readUid(s);
    const endpoint = 'endpoint="GET /identity/v2/manage/account/{uid}"';
    const text = await s.metrics.registry.metrics();
    const sample = (name: string) =>
      Number(/ (\S+)$/.exec(text.split("\n").find((l) => l.startsWith(name)) ?? "")?.[1]);
    expect(sample(`account_graph_upstream_calls_total{${endpoint},outcome="ok"}`)).toBe(1);
    expect(sample(`account_graph_upstream_calls_total{${endpoint},outcome="bad_response"}`)).toBe(
      1,
    );
    expect(sample(`account_graph_upstream_retries_total{${endpoint}}`)).toBe(1);
    expect(sample(`account_graph_upstream_duration_seconds_count{${endpoint}}`)).toBe(2);
    expect(sample("account_graph_upstream_in_flight")).toBe(0);
    expect(sample("account_graph_upstream_queue_depth")).toBe(0);
  });

  it("probes readiness with one authenticated call: 938 is ready, 902 and 5xx are not", async () => {
    const s = await start({});
    const health = s.app.upstreamHealth;
    expect(health?.lastOkAt()).toBeNull();
    lr.handle((_, res) => json(res, 404, { ErrorCode: 938 }));
    expect(await health?.probe()).toBe(true);
    expect(health?.lastOkAt()).toEqual(expect.any(Number));
    expect(lr.seen[0]?.url).toMatch(/^\/identity\/v2\/manage\/account\/[^/?]+\?/);
    lr.handle((_, res) => json(res, 401, { ErrorCode: 902 }));
    expect(await health?.probe()).toBe(false);
    lr.handle((_, res) => json(res, 503, {}));
    expect(await health?.probe()).toBe(false);
  });
});

describe("readiness against the emulator", () => {
  it("is ready with the emulator's credentials and not with a wrong secret", async () => {
    const twin = await startEmulator();
    try {
      const probeWith = (apiSecret: string) =>
        createLoginRadiusHttp({
          ...readConfig(TEST_ENV).upstream,
          apiUrl: twin.url,
          apiKey: twin.emulator.apiKey,
          apiSecret,
        }).health.probe();
      expect(await probeWith(twin.emulator.apiSecret)).toBe(true);
      expect(await probeWith(API_SECRET)).toBe(false);
    } finally {
      await twin.close();
    }
  });
});

describe("the request scope", () => {
  it("forwards the context's request id and counts each attempt in ctx.stats", async () => {
    const http = createLoginRadiusHttp({
      ...readConfig({ ...TEST_ENV, UPSTREAM_RETRIES: "2" }).upstream,
      apiUrl: lr.url,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
    });
    const ctx = createContext(connectSections(http), { requestId: "req-42" });
    let n = 0;
    lr.handle((_, res) => (n++ === 0 ? json(res, 502, {}) : json(res, 200, { Uid: "u1" })));
    expect((await ctx.accounts.byUid("u1", new Set(["Uid"])))?.Uid).toBe("u1");
    expect(ctx.stats.upstreamCalls).toBe(2);
    expect(lr.seen.map((s) => s.headers["x-request-id"])).toEqual(["req-42", "req-42"]);
  });

  it("ends pending calls when the scope's own signal aborts (e.g. a shutdown)", async () => {
    const http = createLoginRadiusHttp({
      ...readConfig(TEST_ENV).upstream,
      apiUrl: lr.url,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
    });
    const stop = new AbortController();
    const client = createAccountsClient(bindHttp(http, http.scope({ signal: stop.signal })));
    lr.handle(() => {
      stop.abort();
    });
    const failed = await client.getByUid("u1").catch((e: unknown) => e);
    expect(failed).toMatchObject({ failure: "timeout" });
  });
});
