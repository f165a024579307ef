import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, ADA, GRACE, type RunningEmulator, startEmulator } from "./helpers/emulator.js";
import { type RunningRedis, startRedis } from "./helpers/redis.js";
import { type ServiceProcess, startServiceProcess } from "./helpers/service-process.js";

/**
 * Freshness from LoginRadius webhooks, with real processes: an emulator, a real redis-server and
 * two service replicas sharing it. Every event is subscribed to replica A only (as behind one
 * load balancer, one replica gets each delivery); replica B learns through Redis. A change made
 * directly on the emulator (as the Admin Console would) reaches both replicas' readers once its
 * webhook is delivered, and within CACHE_TTL_MS when webhooks are dropped.
 */
const TTL_MS = 4_000;
let lr: RunningEmulator;
let redis: RunningRedis;
let a: ServiceProcess;
let b: ServiceProcess;

const hookUrl = (service: ServiceProcess) =>
  service.url.replace(/\/graphql$/, "/webhooks/loginradius");

beforeAll(async () => {
  redis = await startRedis();
  lr = await startEmulator();
  const env = {
    REDIS_URL: redis.url,
    CACHE_TTL_MS: String(TTL_MS),
    AUTH_DISABLED: "true",
    LOG_LEVEL: "warn",
  };
  [a, b] = await Promise.all([startServiceProcess(lr, env), startServiceProcess(lr, env)]);
  const events = (await lr.call("GET", "/v2/manage/webhooks/events")).body.Data as string[];
  for (const Event of events)
    await lr.call("POST", "/v2/manage/webhooks", { body: { Event, TargetUrl: hookUrl(a) } });
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  await lr?.close();
  await redis?.close();
});

const firstName = async (service: ServiceProcess, uid: string): Promise<string | null> => {
  const res = await fetch(service.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "query($uid: ID!) { accountByUid(uid: $uid) { firstName } }",
      variables: { uid },
    }),
  });
  const body = (await res.json()) as {
    data?: { accountByUid: { firstName: string | null } | null };
  };
  return body.data?.accountByUid?.firstName ?? null;
};

const both = (uid: string) => Promise.all([firstName(a, uid), firstName(b, uid)]);

const changeDirectly = (uid: string, name: string) =>
  lr.call("PUT", `${ACCOUNT}/${uid}`, { body: { FirstName: name } });

/** Polls until both replicas read `name`; the milliseconds it took (a hang fails after 10 s). */
const visibleAfter = async (uid: string, name: string, since: number): Promise<number> => {
  for (;;) {
    const names = await both(uid);
    if (names.every((n) => n === name)) return Date.now() - since;
    if (Date.now() - since > 10_000) throw new Error(`still ${JSON.stringify(names)} after 10 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

const upstreamReads = async (uid: string) =>
  ((await lr.control("GET", "/calls")).body.calls as { method: string; path: string }[]).filter(
    (c) => c.method === "GET" && c.path.endsWith(`/account/${uid}`),
  ).length;

describe("webhook freshness across two replicas", () => {
  it("a direct change is read through both replicas once its webhook arrives, well inside the TTL", async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      await both(ADA);
      await lr.control("DELETE", "/calls");
      // Both replicas now serve Ada from the cache: no upstream read.
      await both(ADA);
      expect(await upstreamReads(ADA)).toBe(0);
      const t0 = Date.now();
      expect((await changeDirectly(ADA, `Ada-${i}`)).status).toBe(200);
      latencies.push(await visibleAfter(ADA, `Ada-${i}`, t0));
    }
    latencies.sort((x, y) => x - y);
    const p99 = latencies[Math.ceil(latencies.length * 0.99) - 1] as number;
    // The figure the issue asks for (1 s p99) is reported, not asserted (speed belongs in the
    // bench); asserted: every change arrived by its webhook, long before the TTL would have.
    process.stdout.write(
      `webhook freshness over 20 changes: p50 ${latencies[10]} ms, p99 ${p99} ms\n`,
    );
    expect(p99).toBeLessThan(TTL_MS);
    const log = (await lr.control("GET", "/webhooks")).body.deliveries as { results: number[] }[];
    expect(log.every((d) => d.results.every((status) => status === 200))).toBe(true);
  }, 120_000);

  it("with webhooks dropped, a direct change stays cached until CACHE_TTL_MS, then is read", async () => {
    await both(GRACE);
    await lr.control("POST", "/webhooks/faults", { drop: 100 });
    const t0 = Date.now();
    await changeDirectly(GRACE, "Unannounced");
    const stale = await both(GRACE);
    const elapsed = Date.now() - t0;
    if (elapsed < TTL_MS) expect(stale).not.toContain("Unannounced");
    await new Promise((r) => setTimeout(r, Math.max(0, TTL_MS - (Date.now() - t0)) + 50));
    expect(await both(GRACE)).toEqual(["Unannounced", "Unannounced"]);
    await lr.control("POST", "/webhooks/faults", { drop: 0 });
  }, 30_000);

  it("a forged, replayed or duplicated webhook changes nothing", async () => {
    await both(ADA);
    const before = await both(ADA);
    await lr.control("DELETE", "/calls");
    const body = JSON.stringify({
      HookId: "x",
      EventName: "UpdateProfile",
      Time: new Date().toISOString(),
      Data: { Uid: ADA },
    });
    const post = (service: ServiceProcess, signature: string) =>
      fetch(hookUrl(service), {
        method: "POST",
        headers: { "content-type": "application/json", signature },
        body,
      });
    const forged = await post(a, createHmac("sha256", "not-the-secret").update(body).digest("hex"));
    expect(forged.status).toBe(401);
    expect(await both(ADA)).toEqual(before);
    expect(await upstreamReads(ADA)).toBe(0);
    // A real delivery, captured: the first one drops Ada's entries (a read then misses once)...
    const signature = createHmac("sha256", lr.emulator.apiSecret).update(body).digest("hex");
    expect((await post(a, signature)).status).toBe(200);
    await both(ADA);
    await lr.control("DELETE", "/calls");
    // ...and sent again to either replica it is a duplicate: nothing dropped, no upstream read.
    for (const service of [a, b, a])
      expect(await (await post(service, signature)).json()).toEqual({
        ok: true,
        verdict: "duplicate",
      });
    expect(await both(ADA)).toEqual(before);
    expect(await upstreamReads(ADA)).toBe(0);
  }, 30_000);
});
