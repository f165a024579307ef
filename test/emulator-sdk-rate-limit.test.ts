import { beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT, ADA } from "./helpers/emulator.js";
import { officialSdkAgainstEmulator } from "./helpers/sdk.js";

/**
 * The per-site per-second limit (`EMULATOR_RATE_LIMIT_PER_SECOND`), met by the official SDK the
 * way it meets LoginRadius's: 429, which the Node SDK turns into its own `ErrorCode: 429` error.
 * The emulator's clock is the test's, so the one-second window is exact and no timing is measured.
 */
let clock = Date.parse("2026-03-01T10:00:00.000Z");
const t = officialSdkAgainstEmulator({
  emulator: { rateLimitPerSecond: 3, now: () => new Date(clock) },
});

beforeEach(() => {
  // A fresh window for each test.
  clock += 10_000;
});

describe("EMULATOR_RATE_LIMIT_PER_SECOND=3", () => {
  it("serves three calls in a second, then answers 429 with Retry-After until the next second", async () => {
    for (let i = 0; i < 3; i++)
      expect((await t.sdk.accountApi.getAccountProfileByUid(ADA)).Uid).toBe(ADA);
    await expect(t.sdk.accountApi.getAccountProfileByUid(ADA)).rejects.toMatchObject({
      ErrorCode: 429,
    });
    const raw = await t.lr.call("GET", `${ACCOUNT}/${ADA}`);
    expect(raw.status).toBe(429);
    expect(raw.headers.get("retry-after")).toBe("1");
    expect(raw.body).toEqual({
      Description: "Too many requests in a particular time frame",
      ErrorCode: 429,
      Message: "Too many requests",
      IsProviderError: false,
      ProviderErrorResponse: null,
    });
    clock += 1000;
    expect((await t.sdk.accountApi.getAccountProfileByUid(ADA)).Uid).toBe(ADA);
  });

  it("counts every API call of the site, unknown paths too, but never a control", async () => {
    await t.lr.call("GET", "/identity/v2/manage/nothing");
    await t.lr.call("GET", `${ACCOUNT}/${ADA}`);
    for (let i = 0; i < 5; i++) expect((await t.lr.control("GET", "/health")).status).toBe(200);
    expect((await t.lr.call("GET", `${ACCOUNT}/${ADA}`)).status).toBe(200);
    expect((await t.lr.call("GET", `${ACCOUNT}/${ADA}`)).status).toBe(429);
    const calls = (await t.lr.control("GET", "/calls")).body.calls as { status: number }[];
    expect(calls.at(-1)?.status).toBe(429);
  });

  it("keeps one count per API key: another key's calls do not spend this site's", async () => {
    const other = "11111111-2222-4333-8444-555555555555";
    for (let i = 0; i < 3; i++)
      expect(
        (
          await t.lr.call("GET", `${ACCOUNT}/${ADA}`, {
            auth: "none",
            headers: { "X-LoginRadius-ApiKey": other },
          })
        ).body.ErrorCode,
      ).toBe(901);
    expect((await t.sdk.accountApi.getAccountProfileByUid(ADA)).Uid).toBe(ADA);
  });
});
