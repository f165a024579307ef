import { describe, expect, it } from "vitest";
import { demoReauthToken } from "../src/emulator/security/seed.js";
import {
  ACCOUNT,
  ADA,
  ALAN,
  emulatorPerFile,
  GRACE,
  KATHERINE,
  MARGARET,
} from "./helpers/emulator.js";

const lr = emulatorPerFile();

const AUTH = `${ACCOUNT}/2fa/authenticator`;

describe("MFA resets by UID", () => {
  it("resets the SMS OTP authenticator, then the app; a second reset is 'not configured'", async () => {
    const sms = await lr.call("DELETE", AUTH, {
      query: { uid: ADA },
      body: { otpauthenticator: true },
    });
    expect(sms.status).toBe(200);
    expect(sms.body).toEqual({ IsDeleted: true });
    const again = await lr.call("DELETE", AUTH, {
      query: { uid: ADA },
      body: { otpauthenticator: true },
    });
    expect(again.body).toMatchObject({
      ErrorCode: 1101,
      Message: "Two factor authentication is not configured for this profile",
    });
    const app = await lr.call("DELETE", AUTH, {
      query: { uid: ADA },
      body: { authenticator: true },
    });
    expect(app.body).toEqual({ IsDeleted: true });
    // With no second factor left, backup codes went too.
    const codes = await lr.call("GET", `${ACCOUNT}/2fa/backupcode/reset`, { query: { uid: ADA } });
    expect(codes.body.ErrorCode).toBe(1101);
  });

  it("resets both when the body names both (each must be configured)", async () => {
    const both = { otpauthenticator: true, authenticator: true };
    const res = await lr.call("DELETE", AUTH, { query: { uid: ADA }, body: both });
    expect(res.body).toEqual({ IsDeleted: true });
    expect(lr.emulator.stores.security.get(ADA)?.enabled).toEqual([]);
    const alanHasNoSms = await lr.call("DELETE", AUTH, { query: { uid: ALAN }, body: both });
    expect(alanHasNoSms.body.ErrorCode).toBe(1101);
    expect(lr.emulator.stores.security.get(ALAN)?.enabled).toEqual(["email"]);
  });

  it("answers 1099 for an authenticator app that is not configured", async () => {
    const res = await lr.call("DELETE", AUTH, {
      query: { uid: ALAN },
      body: { authenticator: true },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      ErrorCode: 1099,
      Message: "Two-factor authenticator is not configured",
    });
  });

  it("rejects a body naming neither authenticator (1121), a missing body (1081), uid (1134), account (938)", async () => {
    const neither = await lr.call("DELETE", AUTH, { query: { uid: ADA }, body: {} });
    expect(neither.status).toBe(403);
    expect(neither.body.ErrorCode).toBe(1121);
    expect((await lr.call("DELETE", AUTH, { query: { uid: ADA } })).body.ErrorCode).toBe(1081);
    const noUid = await lr.call("DELETE", AUTH, { body: { authenticator: true } });
    expect(noUid.body.ErrorCode).toBe(1134);
    expect(noUid.body.Errors).toEqual([{ FieldName: "uid", ErrorMessage: "uid is required." }]);
    const nobody = await lr.call("DELETE", AUTH, {
      query: { uid: "nobody" },
      body: { authenticator: true },
    });
    expect(nobody.body).toMatchObject({ ErrorCode: 938, Message: "User does not exist" });
  });

  it("resets email OTP, security question and Duo by query UID, in any path casing", async () => {
    const email = await lr.call("DELETE", `${ACCOUNT}/2FA/authenticator/otp/email`, {
      query: { uid: ALAN },
    });
    expect(email.body).toEqual({ IsDeleted: true });
    expect(
      (await lr.call("DELETE", `${AUTH}/otp/email`, { query: { uid: ALAN } })).body.ErrorCode,
    ).toBe(1101);
    const question = `${AUTH}/securityquestionanswer`;
    expect((await lr.call("DELETE", question, { query: { uid: MARGARET } })).body).toEqual({
      IsDeleted: true,
    });
    expect((await lr.call("DELETE", question, { query: { uid: ADA } })).body.ErrorCode).toBe(1101);
    const duo = `${ACCOUNT}/2FA/authenticator/duo`;
    expect((await lr.call("DELETE", duo, { query: { uid: MARGARET } })).body).toEqual({
      IsDeleted: true,
    });
    const notDuo = await lr.call("DELETE", duo, { query: { uid: ADA } });
    expect(notDuo.body).toMatchObject({ ErrorCode: 1334 });
    expect((await lr.call("DELETE", duo, {})).body.ErrorCode).toBe(1134);
    expect((await lr.call("DELETE", duo, { query: { uid: "nobody" } })).body.ErrorCode).toBe(938);
  });

  it("resets push by UID in the path", async () => {
    const push = (uid: string) => lr.call("DELETE", `${ACCOUNT}/2FA/authenticator/push/${uid}`);
    expect((await push(KATHERINE)).body).toEqual({ IsDeleted: true });
    expect((await push(KATHERINE)).body.ErrorCode).toBe(1313);
    expect((await push(ADA)).body.ErrorCode).toBe(1313);
    expect((await push("nobody")).body.ErrorCode).toBe(938);
  });
});

describe("backup codes by UID", () => {
  const GET = `${ACCOUNT}/2fa/backupcode`;
  const RESET = `${ACCOUNT}/2fa/backupcode/reset`;
  const CODE = /^[0-9a-z]{5}-[0-9a-z]{5}$/;

  it("shows codes once (then 1127), and a reset always mints ten new ones", async () => {
    const first = await lr.call("GET", GET, { query: { uid: ALAN } });
    expect(first.status).toBe(200);
    expect(first.body.BackUpCodes).toHaveLength(10);
    for (const c of first.body.BackUpCodes) expect(c).toMatch(CODE);
    const second = await lr.call("GET", GET, { query: { uid: ALAN } });
    expect(second.body).toMatchObject({
      ErrorCode: 1127,
      Message: "Two factor authentication backup code is already generated",
    });
    const reset = await lr.call("GET", RESET, { query: { uid: ALAN } });
    expect(reset.body.BackUpCodes).toHaveLength(10);
    expect(reset.body.BackUpCodes).not.toEqual(first.body.BackUpCodes);
    const again = await lr.call("GET", RESET, { query: { uid: ALAN } });
    expect(again.body.BackUpCodes).not.toEqual(reset.body.BackUpCodes);
  });

  it("answers 1127 for a demo account whose codes were already shown", async () => {
    expect((await lr.call("GET", GET, { query: { uid: ADA } })).body.ErrorCode).toBe(1127);
  });

  it("needs a second factor (1101), a uid (1134) and an account (938)", async () => {
    expect((await lr.call("GET", GET, { query: { uid: GRACE } })).body.ErrorCode).toBe(1101);
    expect((await lr.call("GET", RESET, { query: { uid: GRACE } })).body.ErrorCode).toBe(1101);
    expect((await lr.call("GET", RESET)).body.ErrorCode).toBe(1134);
    expect((await lr.call("GET", GET, { query: { uid: "nobody" } })).body.ErrorCode).toBe(938);
  });

  it("keeps only hashes: the codes never reach the journal or the call log", async () => {
    const reset = await lr.call("GET", RESET, { query: { uid: MARGARET } });
    const record = lr.emulator.stores.security.get(MARGARET);
    expect(JSON.stringify(record)).not.toContain(reset.body.BackUpCodes[0]);
    const calls = (await lr.control("GET", "/calls")).body.calls;
    expect(JSON.stringify(calls)).not.toContain(reset.body.BackUpCodes[0]);
  });
});

describe("re-authentication validation", () => {
  const reauth = (uid: string, kind: string, body: unknown) =>
    lr.call("POST", `${ACCOUNT}/${uid}/reauth/${kind}`, { body });

  it("validates each kind's token for its account, without consuming it", async () => {
    for (const kind of ["2fa", "password", "pin"] as const) {
      const token = demoReauthToken(ADA, kind);
      const res = await reauth(ADA, kind, { SecondFactorValidationToken: token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ IsValid: true });
    }
    const lower = { secondfactorvalidationtoken: demoReauthToken(ADA, "2fa") };
    expect((await lr.call("POST", `${ACCOUNT}/${ADA}/reAuth/2FA`, { body: lower })).body).toEqual({
      IsValid: true,
    });
  });

  it("answers 1193 for another kind's token, another account's token or an unknown one", async () => {
    const wrongKind = await reauth(ADA, "password", {
      SecondFactorValidationToken: demoReauthToken(ADA, "2fa"),
    });
    expect(wrongKind.body).toMatchObject({
      ErrorCode: 1193,
      Message: "Two factor validation token is invalid",
    });
    const wrongUser = await reauth(MARGARET, "pin", {
      SecondFactorValidationToken: demoReauthToken(ADA, "pin"),
    });
    expect(wrongUser.body.ErrorCode).toBe(1193);
    const unknown = await reauth(ADA, "2fa", { SecondFactorValidationToken: "not-a-token" });
    expect(unknown.body.ErrorCode).toBe(1193);
  });

  it("answers 1193 once a token has expired", async () => {
    const store = lr.emulator.stores.security;
    const record = store.get(MARGARET);
    if (!record) throw new Error("Margaret has seeded security state");
    const hash = record.reauth[0]?.hash as string;
    store.put({ ...record, reauth: [{ kind: "2fa", hash, expires: "2000-01-01T00:00:00.000Z" }] });
    const res = await reauth(MARGARET, "2fa", {
      SecondFactorValidationToken: demoReauthToken(MARGARET, "2fa"),
    });
    expect(res.body.ErrorCode).toBe(1193);
  });

  it("needs the token (1134), a body (958) and an account (938)", async () => {
    const missing = await reauth(ADA, "2fa", { other: 1 });
    expect(missing.body.ErrorCode).toBe(1134);
    expect(missing.body.Errors[0].FieldName).toBe("SecondFactorValidationToken");
    expect((await lr.call("POST", `${ACCOUNT}/${ADA}/reauth/pin`)).body.ErrorCode).toBe(958);
    const nobody = await reauth("nobody", "2fa", { SecondFactorValidationToken: "x" });
    expect(nobody.body.ErrorCode).toBe(938);
  });
});

describe("consent logs by UID", () => {
  const logs = (uid: string) => lr.call("GET", `${ACCOUNT}/${uid}/consent/logs`);

  it("answers the documented shape", async () => {
    const res = await logs(ADA);
    expect(res.status).toBe(200);
    expect(res.body.Uid).toBe(ADA);
    expect(res.body.ConsentLogs).toHaveLength(2);
    expect(Object.keys(res.body.ConsentLogs[0])).toEqual([
      "Id",
      "UpdateType",
      "CurrentConsentFormsVersions",
      "LoggedOnDate",
      "UserAgent",
      "IP",
      "Host",
      "ConsentLogs",
    ]);
    expect(res.body.ConsentLogs[0].ConsentLogs[0]).toEqual({
      ConsentId: "email_consent",
      Event: "Subscribe",
    });
  });

  it("answers an empty list for an account without logs, 938 for no account", async () => {
    expect((await logs(GRACE)).body).toEqual({ Uid: GRACE, ConsentLogs: [] });
    expect((await logs("nobody")).body.ErrorCode).toBe(938);
  });

  it("follows a UID change, and a re-created account under a deleted UID starts clean", async () => {
    const renamed = await lr.call("PUT", `${ACCOUNT}/uid`, {
      query: { uid: ADA },
      body: { NewUid: "ada-renamed" },
    });
    expect(renamed.body).toEqual({ IsPosted: true });
    expect((await logs("ada-renamed")).body.ConsentLogs).toHaveLength(2);
    expect((await logs(ADA)).body.ErrorCode).toBe(938);
    await lr.call("DELETE", `${ACCOUNT}/${MARGARET}`);
    await lr.call("POST", ACCOUNT, {
      body: {
        Uid: MARGARET,
        Email: [{ Type: "Primary", Value: "new.margaret@example.net" }],
        Password: "Fresh-Passw0rd!",
      },
    });
    expect((await logs(MARGARET)).body.ConsentLogs).toEqual([]);
    const passkeys = await lr.call("GET", `${ACCOUNT}/passkey`, { query: { uid: MARGARET } });
    expect(passkeys.body).toEqual({ Credentials: [] });
  });
});

describe("passkeys by UID", () => {
  const PASSKEY = `${ACCOUNT}/passkey`;
  const list = (uid: string) => lr.call("GET", PASSKEY, { query: { uid } });

  it("lists an account's passkeys in the documented shape, and removes one", async () => {
    const before = await list(ADA);
    expect(before.status).toBe(200);
    expect(before.body.Credentials).toHaveLength(2);
    const [first, second] = before.body.Credentials;
    expect(Object.keys(first)).toEqual(["Id", "Identifier", "CreatedAt"]);
    const removed = await lr.call("DELETE", `${PASSKEY}/${first.Id}`, { query: { uid: ADA } });
    expect(removed.body).toEqual({ IsDeleted: true });
    expect((await list(ADA)).body).toEqual({ Credentials: [second] });
    const again = await lr.call("DELETE", `${PASSKEY}/${first.Id}`, { query: { uid: ADA } });
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({ ErrorCode: 1325, Message: "Invalid Passkey ID" });
  });

  it("will not remove another account's passkey (1325)", async () => {
    const [adas] = (await list(ADA)).body.Credentials;
    const res = await lr.call("DELETE", `${PASSKEY}/${adas.Id}`, { query: { uid: MARGARET } });
    expect(res.body.ErrorCode).toBe(1325);
    expect((await list(ADA)).body.Credentials).toHaveLength(2);
  });

  it("after a UID change, a removal is stored under the new UID and the old copy is dropped", async () => {
    await lr.call("PUT", `${ACCOUNT}/uid`, { query: { uid: ADA }, body: { NewUid: "ada-2" } });
    const [first] = (await list("ada-2")).body.Credentials;
    await lr.call("DELETE", `${PASSKEY}/${first.Id}`, { query: { uid: "ada-2" } });
    expect((await list("ada-2")).body.Credentials).toHaveLength(1);
    expect(lr.emulator.stores.security.get(ADA)).toBeUndefined();
    expect((await lr.control("GET", "/health")).body.passkeys).toBe(2);
  });

  it("answers an empty list, 938 for no account and 1134 without a uid", async () => {
    expect((await list(GRACE)).body).toEqual({ Credentials: [] });
    expect((await list("nobody")).body.ErrorCode).toBe(938);
    expect((await lr.call("GET", PASSKEY)).body.ErrorCode).toBe(1134);
    const noUid = await lr.call("DELETE", `${PASSKEY}/abc`);
    expect(noUid.body.ErrorCode).toBe(1134);
    const nobody = await lr.call("DELETE", `${PASSKEY}/abc`, { query: { uid: "nobody" } });
    expect(nobody.body.ErrorCode).toBe(938);
  });
});

describe("lock state (profile keys, accounts section)", () => {
  it("is unlocked by the documented profile update", async () => {
    const locked = await lr.call("GET", `${ACCOUNT}/${KATHERINE}`);
    expect(locked.body).toMatchObject({ IsLoginLocked: true, LoginLockedType: "Suspended" });
    const res = await lr.call("PUT", `${ACCOUNT}/${KATHERINE}`, { body: { IsLoginLocked: false } });
    expect(res.body).toMatchObject({ IsLoginLocked: false, LoginLockedType: "None" });
  });
});
