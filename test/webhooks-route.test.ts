import { createHmac } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CacheInvalidator } from "../src/cache/invalidation.js";
import { readConfig } from "../src/config.js";
import { type Listening, listen } from "../src/http/listen.js";
import { silentLogger } from "../src/log.js";
import { createMetrics, type Metrics } from "../src/metrics.js";
import { type AppServer, createAppServer } from "../src/server.js";
import { type RunningEmulator, startEmulator } from "./helpers/emulator.js";
import { TEST_ENV } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * `POST /webhooks/loginradius` through HTTP: it needs no GraphQL token (auth is on here), and
 * the route's own limits (method, Host, body size, rate) refuse before any work, counted.
 */
let lr: RunningEmulator;
let app: AppServer;
let server: Listening;
let metrics: Metrics;
const dropped: string[] = [];
const invalidator: CacheInvalidator = {
  invalidate: async (uids) => {
    dropped.push(...uids);
  },
};

beforeAll(async () => {
  lr = await startEmulator();
  metrics = createMetrics({ defaultMetrics: false });
  const config = readConfig({
    ...TEST_ENV,
    AUTH_TOKENS: authTokensEnv({ "reader-token": { name: "reader", scopes: ["accounts:read"] } }),
    WEBHOOK_MAX_BODY_BYTES: "2048",
    WEBHOOK_RATE_LIMIT_PER_SECOND: "1000",
  });
  app = await createAppServer(config, {
    upstream: { apiUrl: lr.url, apiKey: lr.emulator.apiKey, apiSecret: lr.emulator.apiSecret },
    logger: silentLogger,
    metrics,
    invalidator,
  });
  await app.start();
  server = await listen(app.handler, 0);
});
afterAll(async () => {
  await server.close();
  await app.stop();
  await lr.close();
});
beforeEach(() => {
  dropped.length = 0;
});

const post = (body: string, headers: Record<string, string> = {}, method = "POST") =>
  fetch(`${server.url}/webhooks/loginradius`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(method === "POST" ? { body } : {}),
  });

type ErrorBody = { errors: { extensions: { code: string } }[] };

/** node:http, not fetch: fetch sends the Host of the URL whatever the headers say. */
const statusFor = (body: string, headers: Record<string, string>): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/webhooks/loginradius`,
      { method: "POST", headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end(body);
  });

const signed = (event: string, uid: string) => {
  const body = JSON.stringify({
    HookId: "h1",
    EventName: event,
    Time: new Date().toISOString(),
    Data: { Uid: uid },
  });
  const signature = createHmac("sha256", lr.emulator.apiSecret).update(body).digest("hex");
  return { body, signature };
};

const verdicts = async () =>
  Object.fromEntries(
    (await metrics.webhookEvents.get()).values.map((v) => [
      `${v.labels.event}/${v.labels.verdict}`,
      v.value,
    ]),
  );

describe("POST /webhooks/loginradius", () => {
  it("takes a signed delivery without a GraphQL token, while /graphql wants one", async () => {
    const { body, signature } = signed("DeleteAccount", "ada");
    const res = await post(body, { signature });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, verdict: "accepted" });
    expect(dropped).toEqual(["ada"]);
    const graphql = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(graphql.status).toBe(401);
  });

  it("a forged delivery is 401 UNAUTHENTICATED and changes nothing", async () => {
    const { body } = signed("DeleteAccount", "ada");
    const res = await post(body, { signature: "0".repeat(64) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as ErrorBody).errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(dropped).toEqual([]);
    expect((await verdicts())["none/forged"]).toBeGreaterThan(0);
  });

  it("the same delivery twice changes things once", async () => {
    const { body, signature } = signed("UpdateProfile", "grace");
    await post(body, { signature });
    const again = await post(body, { signature });
    expect(await again.json()).toEqual({ ok: true, verdict: "duplicate" });
    expect(dropped).toEqual(["grace"]);
  });

  it("refuses another method (405), another Host (421) and a body over the limit (413)", async () => {
    const { body, signature } = signed("DeleteAccount", "ada");
    expect((await post("", {}, "GET")).status).toBe(405);
    expect(await statusFor(body, { signature, host: "attacker.example" })).toBe(421);
    const big = await post(JSON.stringify({ pad: "x".repeat(4096) }), { signature });
    expect(big.status).toBe(413);
    expect(((await big.json()) as ErrorBody).errors[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
    expect(dropped).toEqual([]);
    expect((await verdicts())["none/too_large"]).toBe(1);
  });
});

describe("the webhook rate limit", () => {
  it("answers 429 with Retry-After past WEBHOOK_RATE_LIMIT_PER_SECOND, counted", async () => {
    const config = readConfig({ ...TEST_ENV, WEBHOOK_RATE_LIMIT_PER_SECOND: "2" });
    const own = createMetrics({ defaultMetrics: false });
    const limited = await createAppServer(config, {
      upstream: { apiUrl: lr.url, apiKey: lr.emulator.apiKey, apiSecret: lr.emulator.apiSecret },
      logger: silentLogger,
      metrics: own,
      invalidator,
    });
    await limited.start();
    const listening = await listen(limited.handler, 0);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const { body, signature } = signed("DeleteAccount", `u${i}`);
        const res = await fetch(`${listening.url}/webhooks/loginradius`, {
          method: "POST",
          headers: { signature },
          body,
        });
        statuses.push(res.status);
        if (res.status === 429)
          expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      }
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(statuses).toContain(429);
      const counted = (await own.webhookEvents.get()).values.find(
        (v) => v.labels.verdict === "rate_limited",
      );
      expect(counted?.value).toBeGreaterThan(0);
    } finally {
      await listening.close();
      await limited.stop();
    }
  });
});
