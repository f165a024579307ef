import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "../src/emulator/accounts/seed.js";
import { readEmulatorConfig } from "../src/emulator/config.js";
import { ACCOUNT, ADA, startEmulator } from "./helpers/emulator.js";

const tempFile = () => join(mkdtempSync(join(tmpdir(), "lr-emulator-")), "data.jsonl");

describe("persistence (EMULATOR_DATA_FILE)", () => {
  it("keeps every acknowledged write across a restart", async () => {
    const dataFile = tempFile();
    const first = await startEmulator({ dataFile });
    const created = await first.call("POST", ACCOUNT, {
      body: { Email: [{ Type: "Primary", Value: "durable@example.net" }], Password: "Durable-123" },
    });
    await first.call("PUT", `${ACCOUNT}/${ADA}`, { body: { FirstName: "Persisted" } });
    await first.call("DELETE", `${ACCOUNT}/grace-hopper`);
    const token = await first.call("GET", `${ACCOUNT}/access_token`, { query: { uid: ADA } });
    await first.close();

    const second = await startEmulator({ dataFile });
    try {
      expect((await second.call("GET", `${ACCOUNT}/${created.body.Uid}`)).body.Email[0].Value).toBe(
        "durable@example.net",
      );
      expect((await second.call("GET", `${ACCOUNT}/${ADA}`)).body.FirstName).toBe("Persisted");
      expect((await second.call("GET", `${ACCOUNT}/grace-hopper`)).body.ErrorCode).toBe(938);
      const refreshed = await second.call("GET", `${ACCOUNT}/access_token/refresh`, {
        query: { refresh_Token: token.body.refresh_token },
      });
      expect(refreshed.status).toBe(200);
      expect(second.emulator.store.size).toBe(60);
    } finally {
      await second.close();
    }
  });

  it("ignores a torn last line left by a crash mid-write", async () => {
    const dataFile = tempFile();
    const first = await startEmulator({ dataFile });
    await first.call("PUT", `${ACCOUNT}/${ADA}`, { body: { FirstName: "BeforeCrash" } });
    await first.close();
    appendFileSync(dataFile, '{"t":"put","r":{"Uid":"half');
    const second = await startEmulator({ dataFile });
    try {
      expect((await second.call("GET", `${ACCOUNT}/${ADA}`)).body.FirstName).toBe("BeforeCrash");
      expect(readFileSync(dataFile, "utf8")).not.toContain('"half');
    } finally {
      await second.close();
    }
  });

  it("rewrites the file on reset", async () => {
    const dataFile = tempFile();
    const first = await startEmulator({ dataFile });
    await first.call("PUT", `${ACCOUNT}/${ADA}`, { body: { FirstName: "Temporary" } });
    await first.control("POST", "/reset");
    await first.close();
    const second = await startEmulator({ dataFile });
    expect((await second.call("GET", `${ACCOUNT}/${ADA}`)).body.FirstName).toBe("Ada");
    await second.close();
  });
});

describe("seed", () => {
  it("is deterministic and varied", () => {
    const a = demoAccounts(60);
    expect(demoAccounts(60)).toEqual(a);
    expect(a.length).toBeGreaterThanOrEqual(50);
    expect(a.some((r) => r.EmailVerified === false)).toBe(true);
    expect(a.some((r) => (r.Email ?? []).some((e) => e.Type === "Secondary"))).toBe(true);
    expect(a.filter((r) => typeof r.PhoneId === "string").length).toBeGreaterThan(20);
    expect(a.filter((r) => typeof r.UserName === "string").length).toBeGreaterThan(15);
    expect(new Set(a.map((r) => r.Uid)).size).toBe(a.length);
  });

  it("starts empty with EMULATOR_SEED=none", async () => {
    const lr = await startEmulator(readEmulatorConfig({ EMULATOR_SEED: "none" }).options);
    try {
      expect((await lr.control("GET", "/health")).body).toEqual({
        ok: true,
        accounts: 0,
        roles: 0,
        roleContexts: 0,
        customObjectRecords: 0,
        mfaAccounts: 0,
        passkeys: 0,
        consentLogs: 0,
        issuedTokens: 0,
        accessTokens: 0,
        socialLogins: 0,
        webhooks: 0,
      });
      expect((await lr.call("GET", `${ACCOUNT}/${ADA}`)).body.ErrorCode).toBe(938);
    } finally {
      await lr.close();
    }
  });
});

describe("configuration", () => {
  it("lists every bad variable in one error", () => {
    expect(() =>
      readEmulatorConfig({
        EMULATOR_PORT: "http",
        EMULATOR_SEED: "lots",
        EMULATOR_API_KEY: "demo",
        EMULATOR_SEED_COUNT: "-1",
      }),
    ).toThrow(
      /EMULATOR_PORT[\s\S]*EMULATOR_API_KEY[\s\S]*EMULATOR_SEED must[\s\S]*EMULATOR_SEED_COUNT/,
    );
  });

  it("never echoes a secret's value", () => {
    try {
      readEmulatorConfig({ EMULATOR_API_SECRET: "my-real-secret" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain("my-real-secret");
      expect(String(error)).toContain("EMULATOR_API_SECRET");
    }
  });
});
