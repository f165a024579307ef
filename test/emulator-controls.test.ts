import { describe, expect, it } from "vitest";
import { readEmulatorConfig } from "../src/emulator/config.js";
import {
  ACCOUNT,
  ADA,
  emulatorPerFile,
  GRACE,
  SEEDED_COUNTS,
  startEmulator,
} from "./helpers/emulator.js";

const lr = emulatorPerFile();

const BY_UID = "GET /identity/v2/manage/account/{uid}";

describe("reset", () => {
  it("restores the seed data and clears the log", async () => {
    await lr.call("DELETE", `${ACCOUNT}/${ADA}`);
    await lr.call("PUT", `${ACCOUNT}/${GRACE}`, { body: { FirstName: "G" } });
    const res = await lr.control("POST", "/reset");
    expect(res.body).toEqual({ ok: true, ...SEEDED_COUNTS });
    expect((await lr.call("GET", `${ACCOUNT}/${ADA}`)).status).toBe(200);
    expect((await lr.call("GET", `${ACCOUNT}/${GRACE}`)).body.FirstName).toBe("Grace");
    expect((await lr.control("GET", "/calls")).body.calls).toHaveLength(2);
  });
});

describe("call log", () => {
  it("records method, path, route, query names and fields, never credentials or values", async () => {
    await lr.call("GET", ACCOUNT, {
      auth: "query",
      query: { email: "ada@example.com", fields: "Uid" },
    });
    const { calls } = (await lr.control("GET", "/calls")).body;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: "GET",
      path: ACCOUNT,
      route: "GET /identity/v2/manage/account",
      query: ["apikey", "apisecret", "email", "fields"],
      fields: "Uid",
      status: 200,
      fault: null,
    });
    const text = JSON.stringify(calls);
    expect(text).not.toContain(lr.emulator.apiSecret);
    expect(text).not.toContain("ada@example.com");
  });

  it("records the answer's body bytes, as the benchmark sums them", async () => {
    const full = await lr.call("GET", `${ACCOUNT}/${ADA}`);
    const few = await lr.call("GET", `${ACCOUNT}/${ADA}`, { query: { fields: "Uid,FirstName" } });
    const { calls } = (await lr.control("GET", "/calls")).body;
    expect(calls.map((c: { bytes: number }) => c.bytes)).toEqual([
      Buffer.byteLength(JSON.stringify(full.body)),
      Buffer.byteLength(JSON.stringify(few.body)),
    ]);
    expect(calls[1].bytes).toBeLessThan(calls[0].bytes / 10);
  });

  it("records the bytes of an answer a fault gave instead of the route", async () => {
    await lr.control("POST", "/faults", { kind: "error", status: 503, errorCode: 950, count: 1 });
    await lr.control("POST", "/faults", { kind: "rateLimit", count: 1 });
    const failed = await lr.call("GET", `${ACCOUNT}/${ADA}`);
    const limited = await lr.call("GET", `${ACCOUNT}/${ADA}`);
    expect([failed.status, limited.status]).toEqual([503, 429]);
    const { calls } = (await lr.control("GET", "/calls")).body;
    expect(calls.map((c: { fault: string; bytes: number }) => [c.fault, c.bytes])).toEqual([
      ["503", Buffer.byteLength(JSON.stringify(failed.body))],
      ["429", Buffer.byteLength(JSON.stringify(limited.body))],
    ]);
  });

  it("filters by route", async () => {
    await lr.call("GET", `${ACCOUNT}/${ADA}`);
    await lr.call("GET", `${ACCOUNT}/${ADA}/password`);
    const res = await lr.control("GET", `/calls?route=${encodeURIComponent(BY_UID)}`);
    expect(res.body.calls.map((c: { route: string }) => c.route)).toEqual([BY_UID]);
  });
});

describe("faults", () => {
  it("answers a status and error body for the next N calls, then recovers", async () => {
    await lr.control("POST", "/faults", { kind: "error", status: 503, errorCode: 950, count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await lr.call("GET", `${ACCOUNT}/${ADA}`)).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it("answers 429 with Retry-After", async () => {
    await lr.control("POST", "/faults", { kind: "rateLimit", retryAfter: 7 });
    const res = await lr.call("GET", `${ACCOUNT}/${ADA}`);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.body.ErrorCode).toBe(429);
  });

  it("applies only to the named route", async () => {
    await lr.control("POST", "/faults", {
      kind: "error",
      route: "GET /identity/v2/manage/account/{uid}/password",
      count: 1,
    });
    expect((await lr.call("GET", `${ACCOUNT}/${ADA}`)).status).toBe(200);
    expect((await lr.call("GET", `${ACCOUNT}/${ADA}/password`)).status).toBe(500);
  });

  it("delays a call", async () => {
    await lr.control("POST", "/faults", { kind: "delay", delayMs: 120 });
    const started = performance.now();
    const res = await lr.call("GET", `${ACCOUNT}/${ADA}`);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect((await lr.control("GET", "/calls")).body.calls[0].fault).toBe("delay");
  });

  it("drops the connection", async () => {
    await lr.control("POST", "/faults", { kind: "drop" });
    await expect(lr.call("GET", `${ACCOUNT}/${ADA}`)).rejects.toThrow();
    expect((await lr.call("GET", `${ACCOUNT}/${ADA}`)).status).toBe(200);
  });

  it("sends malformed JSON", async () => {
    await lr.control("POST", "/faults", { kind: "malformed" });
    const res = await lr.call("GET", `${ACCOUNT}/${ADA}`);
    expect(res.status).toBe(200);
    expect(typeof res.body).toBe("string");
    expect(() => JSON.parse(res.body)).toThrow();
  });

  it("with after: true, does the write and then drops the response", async () => {
    await lr.control("POST", "/faults", {
      kind: "drop",
      after: true,
      route: "PUT /identity/v2/manage/account/{uid}",
    });
    await expect(
      lr.call("PUT", `${ACCOUNT}/${ADA}`, { body: { FirstName: "Written" } }),
    ).rejects.toThrow();
    expect((await lr.call("GET", `${ACCOUNT}/${ADA}`)).body.FirstName).toBe("Written");
  });

  it("hits a repeatable fraction of calls with rate", async () => {
    const run = async () => {
      await lr.control("POST", "/reset");
      await lr.control("POST", "/faults", { kind: "error", rate: 0.3 });
      const hits: number[] = [];
      for (let i = 0; i < 40; i++)
        if ((await lr.call("GET", `${ACCOUNT}/${ADA}`)).status === 500) hits.push(i);
      return hits;
    };
    const first = await run();
    expect(first.length).toBeGreaterThan(4);
    expect(first.length).toBeLessThan(24);
    expect(await run()).toEqual(first);
  });

  it("lists and clears faults", async () => {
    await lr.control("POST", "/faults", { kind: "error", count: 5 });
    expect((await lr.control("GET", "/faults")).body.faults).toMatchObject([
      { kind: "error", remaining: 5 },
    ]);
    await lr.control("DELETE", "/faults");
    expect((await lr.call("GET", `${ACCOUNT}/${ADA}`)).status).toBe(200);
  });

  it("rejects a bad fault with every problem and adds nothing", async () => {
    const res = await lr.control("POST", "/faults", { kind: "explode", rate: 2, status: 200 });
    expect(res.status).toBe(400);
    expect(res.body.problems).toHaveLength(3);
    expect((await lr.control("GET", "/faults")).body.faults).toEqual([]);
  });

  it("never serves controls under /identity", async () => {
    const res = await lr.call("POST", "/identity/v2/manage/__emulator/reset", { auth: "none" });
    // An unknown API path: 971 at its documented 400 (issue 18; was 404).
    expect(res.status).toBe(400);
    expect(res.body.ErrorCode).toBe(971);
  });
});

describe("added latency (EMULATOR_LATENCY_MS)", () => {
  it("makes every API call wait, never a control", async () => {
    const slow = await startEmulator(readEmulatorConfig({ EMULATOR_LATENCY_MS: "150" }).options);
    try {
      const started = performance.now();
      const order: string[] = [];
      const api = slow.call("GET", `${ACCOUNT}/${ADA}`).then((res) => {
        order.push("api");
        return res;
      });
      const control = slow.control("GET", "/health").then(() => order.push("control"));
      const [res] = await Promise.all([api, control]);
      expect(res.status).toBe(200);
      expect(res.body.Uid).toBe(ADA);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      expect(order).toEqual(["control", "api"]);
    } finally {
      await slow.close();
    }
  });

  it("is 0 by default and refuses a negative or non-numeric value", () => {
    expect(readEmulatorConfig({}).options.latencyMs).toBe(0);
    expect(() => readEmulatorConfig({ EMULATOR_LATENCY_MS: "-5" })).toThrow(/EMULATOR_LATENCY_MS/);
    expect(() => readEmulatorConfig({ EMULATOR_LATENCY_MS: "fast" })).toThrow(
      /EMULATOR_LATENCY_MS/,
    );
  });
});
