import { afterEach, describe, expect, it } from "vitest";
import type { UpstreamHealth } from "../loginradius/health.js";
import { createMetrics } from "../metrics.js";
import { createHealthRoutes, PROBE_CACHE_MS } from "./health-routes.js";
import { type Listening, listen } from "./listen.js";

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** An UpstreamHealth double whose answers the test sets, counting probes. */
const fakeHealth = () => {
  const state = {
    lastOkAt: null as number | null,
    breaker: "closed" as ReturnType<UpstreamHealth["breakerState"]>,
    probeOk: true,
    probes: 0,
  };
  const health: UpstreamHealth = {
    lastOkAt: () => state.lastOkAt,
    breakerState: () => state.breaker,
    probe: async () => {
      state.probes++;
      return state.probeOk;
    },
  };
  return { state, health };
};

const serve = async (options: { health: UpstreamHealth; now: () => number }) => {
  const routes = createHealthRoutes({
    ...options,
    metrics: createMetrics({ defaultMetrics: false }),
    readyMaxAgeMs: 30_000,
    warnings: () => ["caller auth is disabled"],
  });
  server = await listen((req, res) => {
    void routes.handle(req.url ?? "/", res, req).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  }, 0);
  const url = server.url;
  const ready = async () => {
    const res = await fetch(`${url}/readyz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { routes, ready };
};

describe("/readyz", () => {
  it("is ready without a probe after a recent good answer, and says the warnings", async () => {
    const { state, health } = fakeHealth();
    state.lastOkAt = 1_000_000 - 5_000;
    const { ready } = await serve({ health, now: () => 1_000_000 });
    expect(await ready()).toEqual({
      status: 200,
      body: {
        ready: true,
        checks: {
          draining: { ok: true, detail: "serving" },
          breaker: { ok: true, detail: "closed" },
          upstream: { ok: true, detail: "good answer 5 s ago" },
        },
        warnings: ["caller auth is disabled"],
      },
    });
    expect(state.probes).toBe(0);
  });

  it("probes when the last good answer is old, and reuses the probe result for a while", async () => {
    const { state, health } = fakeHealth();
    let now = 1_000_000;
    const { ready } = await serve({ health, now: () => now });
    state.probeOk = false;
    expect((await ready()).status).toBe(503);
    state.probeOk = true;
    expect((await ready()).status).toBe(503);
    expect(state.probes).toBe(1);
    now += PROBE_CACHE_MS;
    expect((await ready()).status).toBe(200);
    expect(state.probes).toBe(2);
  });

  it("is 503 with the breaker open, without probing", async () => {
    const { state, health } = fakeHealth();
    state.breaker = "open";
    const { ready } = await serve({ health, now: () => 0 });
    const res = await ready();
    expect(res.status).toBe(503);
    expect(res.body.checks).toEqual({
      draining: { ok: true, detail: "serving" },
      breaker: { ok: false, detail: "open" },
    });
    expect(state.probes).toBe(0);
  });

  it("is 503 from the moment draining starts, whatever the upstream", async () => {
    const { state, health } = fakeHealth();
    state.lastOkAt = 0;
    const { routes, ready } = await serve({ health, now: () => 0 });
    expect((await ready()).status).toBe(200);
    routes.drain();
    const res = await ready();
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ ready: false, checks: { draining: { ok: false } } });
  });
});
