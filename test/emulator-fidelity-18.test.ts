import { describe, expect, it } from "vitest";
import { readEmulatorConfig } from "../src/emulator/config.js";
import { ACCOUNT, ADA, MARGARET } from "./helpers/emulator.js";
import { officialSdkAgainstEmulator } from "./helpers/sdk.js";

/**
 * Issue 18, the emulator's last differences from LoginRadius, each through the official
 * `loginradius-sdk` (unchanged; only its transport points at 127.0.0.1) where the SDK has a
 * method, and as raw HTTP where it has none (form bodies, unknown paths, the passkey MFA reset).
 */
const t = officialSdkAgainstEmulator();
const PASSKEY_MFA = "/identity/v2/auth/account/2fa/authenticator/passkey";

describe("refresh-token rotation", () => {
  it("a refresh answers a new refresh token and the used one stops working (1217)", async () => {
    const first = await t.sdk.accountApi.getAccessTokenByUid(ADA);
    const second = await t.sdk.accountApi.refreshAccessTokenByRefreshToken(first.refresh_token);
    expect(second.refresh_token).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    await expect(
      t.sdk.accountApi.refreshAccessTokenByRefreshToken(first.refresh_token),
    ).rejects.toMatchObject({
      ErrorCode: 1217,
      Description: "LoginRadius refresh token is invalid.",
    });
    // The new one works, once, and rotates again.
    const third = await t.sdk.accountApi.refreshAccessTokenByRefreshToken(second.refresh_token);
    expect(third.refresh_token).not.toBe(second.refresh_token);
    // A revoke-all ends the rotated chain too.
    await t.sdk.accountApi.revokeAllRefreshToken(ADA);
    await expect(
      t.sdk.accountApi.refreshAccessTokenByRefreshToken(third.refresh_token),
    ).rejects.toMatchObject({ ErrorCode: 1217 });
  });
});

describe("EmailVerified of a new account", () => {
  it("is true unless the create body says otherwise (AccountCreateModel: default true)", async () => {
    const made = await t.sdk.accountApi.createAccount({
      Email: [{ Type: "Primary", Value: "verified-default@example.net" }],
      Password: "Another-Pass-77",
    });
    expect(made.EmailVerified).toBe(true);
    expect(made.PhoneIdVerified).toBe(false);
    const unverified = await t.sdk.accountApi.createAccount({
      Email: [{ Type: "Primary", Value: "unverified@example.net" }],
      Password: "Another-Pass-77",
      EmailVerified: false,
    });
    expect(unverified.EmailVerified).toBe(false);
    const read = await t.sdk.accountApi.getAccountProfileByUid(made.Uid);
    expect(read.EmailVerified).toBe(true);
  });
});

describe("removing a phone ID", () => {
  it("the account update with PhoneId null and nullSupport=true clears it; the phone is free", async () => {
    const before = await t.sdk.accountApi.getAccountProfileByUid(ADA);
    expect(before.PhoneId).toBe("+14155550101");
    const after = await t.sdk.accountApi.updateAccountByUid({ PhoneId: null }, ADA, "", true);
    expect(after.PhoneId).toBeNull();
    expect(after.PhoneIdVerified).toBe(false);
    await expect(t.sdk.accountApi.getAccountProfileByPhone("+14155550101")).rejects.toMatchObject({
      ErrorCode: expect.any(Number),
    });
    // Without nullSupport the null is ignored, as for every other field.
    const kept = await t.sdk.accountApi.updatePhoneIDByUid("+14155550101", ADA);
    expect(kept.PhoneId).toBe("+14155550101");
    const ignored = await t.sdk.accountApi.updateAccountByUid({ PhoneId: null }, ADA);
    expect(ignored.PhoneId).toBe("+14155550101");
  });
});

describe("1340's text", () => {
  it("is the code table's: removing an email the profile lacks", async () => {
    await expect(t.sdk.accountApi.removeEmail("nobody@example.net", ADA)).rejects.toMatchObject({
      ErrorCode: 1340,
      Message: "Email address does not exist in the profile",
      Description:
        "The request cannot be processed as the email address does not exist in the user's profile.",
    });
  });
});

describe("form-encoded bodies (1083's text accepts them)", () => {
  it("updates an account from an application/x-www-form-urlencoded body", async () => {
    const res = await t.lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      raw: "FirstName=Augusta&LastName=King",
      headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ FirstName: "Augusta", LastName: "King" });
    const read = await t.sdk.accountApi.getAccountProfileByUid(ADA);
    expect(read.FirstName).toBe("Augusta");
  });

  it("answers a form body that is not what the route needs as it would a JSON one", async () => {
    const res = await t.lr.call("PUT", `${ACCOUNT}/${ADA}/password`, {
      raw: "password=abc",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.body.ErrorCode).toBe(1134);
  });

  it("still refuses any other Content-Type with 1083 and its documented text", async () => {
    const res = await t.lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      raw: "FirstName: Eve",
      headers: { "Content-Type": "text/plain" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      ErrorCode: 1083,
      Description:
        "Please use a valid content type header, either application/JSON or application/x-www-form-urlencoded.",
    });
  });
});

describe("unknown paths", () => {
  it("are 971 at the code table's 400 (not 404), with its texts; a wrong method stays 405", async () => {
    const res = await t.lr.call("GET", "/identity/v2/manage/nothing/here");
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      Description: "The current request is invalid, please use a valid request.",
      ErrorCode: 971,
      Message: "Invalid request",
      IsProviderError: false,
      ProviderErrorResponse: null,
    });
    const wrong = await t.lr.call("POST", `${ACCOUNT}/${ADA}/password`, { body: {} });
    expect(wrong.status).toBe(405);
  });
});

describe("passkey second-factor reset by UID (docs: Account Reset MFA Passkey Authenticator)", () => {
  it("resets it at the documented path with key, secret and uid; again is 1328", async () => {
    const res = await t.lr.call("DELETE", PASSKEY_MFA, { query: { uid: MARGARET } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ IsDeleted: true });
    const again = await t.lr.call("DELETE", PASSKEY_MFA, { query: { uid: MARGARET } });
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({
      ErrorCode: 1328,
      Message: "Passkey as two factor authentication is not configured for this profile",
    });
    // Margaret's other factors are untouched: the SDK's email OTP reset still finds one.
    expect(
      await t.sdk.multiFactorAuthenticationApi.mfaResetEmailOtpAuthenticatorByUid(MARGARET),
    ).toEqual({ IsDeleted: true });
  });

  it("an account without one is 1328, no uid 1134, and no credentials 922", async () => {
    expect((await t.lr.call("DELETE", PASSKEY_MFA, { query: { uid: ADA } })).body.ErrorCode).toBe(
      1328,
    );
    expect((await t.lr.call("DELETE", PASSKEY_MFA)).body.ErrorCode).toBe(1134);
    const anonymous = await t.lr.call("DELETE", PASSKEY_MFA, {
      query: { uid: MARGARET },
      auth: "none",
    });
    expect(anonymous.body.ErrorCode).toBe(922);
  });
});

describe("EMULATOR_RATE_LIMIT_PER_SECOND", () => {
  it("is off by default and read as a bounded whole number", () => {
    expect(readEmulatorConfig({}).options.rateLimitPerSecond).toBeUndefined();
    expect(readEmulatorConfig({ EMULATOR_RATE_LIMIT_PER_SECOND: "0" }).options).not.toHaveProperty(
      "rateLimitPerSecond",
    );
    expect(
      readEmulatorConfig({ EMULATOR_RATE_LIMIT_PER_SECOND: "50" }).options.rateLimitPerSecond,
    ).toBe(50);
    expect(() => readEmulatorConfig({ EMULATOR_RATE_LIMIT_PER_SECOND: "-1" })).toThrow(
      /EMULATOR_RATE_LIMIT_PER_SECOND/,
    );
    expect(() => readEmulatorConfig({ EMULATOR_RATE_LIMIT_PER_SECOND: "many" })).toThrow(
      /EMULATOR_RATE_LIMIT_PER_SECOND/,
    );
  });

  it("without it, a burst is never 429", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => t.lr.call("GET", `${ACCOUNT}/${ADA}`)),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});
