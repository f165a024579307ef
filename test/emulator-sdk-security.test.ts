import { describe, expect, it } from "vitest";
import { demoReauthToken } from "../src/emulator/security/seed.js";
import { ACCOUNT, ADA, ALAN, MARGARET } from "./helpers/emulator.js";
import { officialSdkAgainstEmulator } from "./helpers/sdk.js";

/**
 * The official `loginradius-sdk` npm package, unchanged, against the Account Security and
 * Multipurpose Tokens sections: every SDK method of those sections under /identity/v2/manage.
 * As in emulator-sdk-contract.test.ts, only the SDK's transport is pointed at 127.0.0.1.
 */
const t = officialSdkAgainstEmulator();

const routesCalled = async (): Promise<string[]> =>
  (await t.lr.control("GET", "/calls")).body.calls.map((c: { route: string }) => c.route);

describe("loginradius-sdk@11.7.0: multiFactorAuthenticationApi", () => {
  it("resets the SMS and app authenticators (one path, told apart by the body)", async () => {
    const mfa = t.sdk.multiFactorAuthenticationApi;
    expect(await mfa.mfaResetSMSAuthenticatorByUid(true, ADA)).toEqual({ IsDeleted: true });
    expect(await mfa.mfaResetAuthenticatorByUid(true, ADA)).toEqual({ IsDeleted: true });
    await expect(mfa.mfaResetAuthenticatorByUid(true, ADA)).rejects.toMatchObject({
      ErrorCode: 1099,
    });
    expect(await routesCalled()).toEqual(Array(3).fill(`DELETE ${ACCOUNT}/2fa/authenticator`));
  });

  it("resets the email OTP and security question authenticators", async () => {
    const mfa = t.sdk.multiFactorAuthenticationApi;
    expect(await mfa.mfaResetEmailOtpAuthenticatorByUid(ALAN)).toEqual({ IsDeleted: true });
    expect(await mfa.mfaResetSecurityQuestionAuthenticatorByUid(MARGARET)).toEqual({
      IsDeleted: true,
    });
    await expect(mfa.mfaResetEmailOtpAuthenticatorByUid("nobody")).rejects.toMatchObject({
      ErrorCode: 938,
    });
  });

  it("gets backup codes once, then resets them", async () => {
    const mfa = t.sdk.multiFactorAuthenticationApi;
    const shown = await mfa.mfaBackupCodeByUid(ALAN);
    expect(shown.BackUpCodes).toHaveLength(10);
    await expect(mfa.mfaBackupCodeByUid(ALAN)).rejects.toMatchObject({ ErrorCode: 1127 });
    const reset = await mfa.mfaResetBackupCodeByUid(ALAN);
    expect(reset.BackUpCodes).toHaveLength(10);
    expect(reset.BackUpCodes).not.toEqual(shown.BackUpCodes);
  });
});

describe("loginradius-sdk@11.7.0: reAuthenticationApi", () => {
  it("validates 2FA, password and PIN step-up tokens", async () => {
    const reauth = t.sdk.reAuthenticationApi;
    const model = (kind: "2fa" | "password" | "pin") => ({
      SecondFactorValidationToken: demoReauthToken(ADA, kind),
    });
    expect(await reauth.verifyMultiFactorOtpReauthentication(model("2fa"), ADA)).toEqual({
      IsValid: true,
    });
    expect(await reauth.verifyMultiFactorPasswordReauthentication(model("password"), ADA)).toEqual({
      IsValid: true,
    });
    expect(await reauth.verifyMultiFactorPINReauthentication(model("pin"), ADA)).toEqual({
      IsValid: true,
    });
    await expect(
      reauth.verifyMultiFactorPINReauthentication(model("2fa"), ADA),
    ).rejects.toMatchObject({ ErrorCode: 1193 });
  });
});

describe("loginradius-sdk@11.7.0: consentManagementApi", () => {
  it("reads consent logs by UID", async () => {
    const logs = await t.sdk.consentManagementApi.getConsentLogsByUid(ADA);
    expect(logs.Uid).toBe(ADA);
    expect(logs.ConsentLogs).toHaveLength(2);
  });
});

describe("loginradius-sdk@11.7.0: multipurpose tokens and SOTT", () => {
  it("generates an email token and an SMS OTP", async () => {
    const email = await t.sdk.accountApi.multipurposeEmailTokenGeneration(
      { Email: "ada@example.com" },
      "forgotpassword",
    );
    expect(email.Token).toMatch(/^[0-9a-f]{32}$/);
    const sms = await t.sdk.accountApi.multipurposeSMSOTPGeneration(
      { Phone: "+14155550101" },
      "smartlogin",
    );
    expect(sms.Token).toMatch(/^[0-9a-f]{32}$/);
    await expect(
      t.sdk.accountApi.multipurposeEmailTokenGeneration({ Email: "ada@example.com" }, "nosuchtype"),
    ).rejects.toMatchObject({ ErrorCode: 1181 });
    const outbox = (await t.lr.control("GET", "/outbox")).body.messages;
    expect(outbox.map((m: { channel: string; kind: string }) => [m.channel, m.kind])).toEqual([
      ["email", "forgotpassword"],
      ["sms", "smartlogin"],
    ]);
  });

  it("generates a SOTT with and without a time difference", async () => {
    const defaulted = await t.sdk.sottApi.generateSott();
    expect(defaulted.Sott).toContain("*");
    const explicit = await t.sdk.sottApi.generateSott(20);
    const minutes = (Date.parse(explicit.ExpiryTime) - Date.now()) / 60_000;
    expect(Math.round(minutes)).toBe(20);
  });
});
