import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import { createMetrics } from "../src/metrics.js";
import * as server from "../src/server.js";
import { TEST_ENV } from "./helpers/stack.js";

const KEY = "11111111-2222-4333-8444-555555555555";
const SECRET = "66666666-7777-4888-9999-000000000000";
const runtime = () => ({ logger: silentLogger, metrics: createMetrics({ defaultMetrics: false }) });
const target = { apiUrl: "http://127.0.0.1:9", apiKey: KEY, apiSecret: SECRET };

describe("LoginRadius in the configuration: one reader, one place", () => {
  it("puts where, who and how in config.upstream", () => {
    const config = readConfig({
      LOGINRADIUS_API_KEY: KEY,
      LOGINRADIUS_API_SECRET: SECRET,
      LOGINRADIUS_API_URL: "http://127.0.0.1:9",
      AUTH_DISABLED: "true",
      UPSTREAM_MAX_CONCURRENCY: "8",
    });
    expect(config.upstream).toMatchObject({ target, maxConcurrency: 8, retryLimit: 2 });
    expect(Object.keys(config)).not.toContain("loginradius");
    expect(readConfig(TEST_ENV).upstream).toMatchObject({ target: null, maxConcurrency: 16 });
  });
});

describe("createAppServer, the one factory", () => {
  it("is the only way to make the service: server.ts exports no other factory", () => {
    expect(Object.keys(server).filter((name) => /^(create|make|build)/.test(name))).toEqual([
      "createAppServer",
    ]);
  });

  it("takes LoginRadius's target from the config or the runtime, exactly once", async () => {
    const none = server.createAppServer(readConfig(TEST_ENV), runtime());
    await expect(none).rejects.toThrow(/target in the config or the runtime, once/);
    const configured = readConfig({
      LOGINRADIUS_API_KEY: KEY,
      LOGINRADIUS_API_SECRET: SECRET,
      AUTH_DISABLED: "true",
    });
    const both = server.createAppServer(configured, { ...runtime(), upstream: target });
    await expect(both).rejects.toThrow(/once/);
    const app = await server.createAppServer(readConfig(TEST_ENV), {
      ...runtime(),
      upstream: target,
      audit: { write: () => {}, close: () => {} },
    });
    expect(app.upstreamHealth).toBeDefined();
    await app.start();
    await app.stop();
  });
});
