import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, type RunningEmulator, startEmulator } from "./helpers/emulator.js";

/**
 * The official `loginradius-sdk` npm package, unchanged, against the emulator. The SDK hard-wires
 * HTTPS on port 443 of `config.apiDomain`, so the only thing replaced is its transport:
 * `https.request` is pointed at the emulator's plain-HTTP port on 127.0.0.1.
 */
const require = createRequire(import.meta.url);

let lr: RunningEmulator;
// biome-ignore lint/suspicious/noExplicitAny: the SDK ships no typings
let sdk: any;
const realHttpsRequest = https.request;

beforeAll(async () => {
  lr = await startEmulator();
  const port = Number(new URL(lr.url).port);
  // biome-ignore lint/suspicious/noExplicitAny: matching https.request's overloads is not the point
  (https as any).request = (
    options: http.RequestOptions,
    callback: (res: http.IncomingMessage) => void,
  ) => {
    expect(options.hostname).toBe("api.loginradius.example");
    return http.request({ ...options, hostname: "127.0.0.1", port }, callback);
  };
  const LoginRadius = require("loginradius-sdk");
  sdk = LoginRadius({
    apiKey: lr.emulator.apiKey,
    apiSecret: lr.emulator.apiSecret,
    apiDomain: "api.loginradius.example",
  });
});

afterAll(async () => {
  // biome-ignore lint/suspicious/noExplicitAny: restoring the real transport
  (https as any).request = realHttpsRequest;
  await lr.close();
});

beforeEach(() => lr.control("POST", "/reset"));

describe("loginradius-sdk@11.7.0 against the emulator", () => {
  it("creates an account, then reads it by UID, email and phone", async () => {
    const created = await sdk.accountApi.createAccount(
      {
        Email: [{ Type: "Primary", Value: "sdk.user@example.net" }],
        Password: "Sdk-Password-1",
        FirstName: "Sdk",
        PhoneId: "+15550002222",
      },
      "",
    );
    expect(created.Uid).toMatch(/^[0-9a-f]{32}$/);
    const byUid = await sdk.accountApi.getAccountProfileByUid(created.Uid, "Uid,FirstName");
    expect(byUid).toEqual({ Uid: created.Uid, FirstName: "Sdk" });
    const byEmail = await sdk.accountApi.getAccountProfileByEmail("sdk.user@example.net");
    expect(byEmail.Uid).toBe(created.Uid);
    const byPhone = await sdk.accountApi.getAccountProfileByPhone("+15550002222");
    expect(byPhone.Uid).toBe(created.Uid);
    const byName = await sdk.accountApi.getAccountProfileByUserName("ada");
    expect(byName.Uid).toBe(ADA);
  });

  it("updates with nullSupport left unset (sent as an empty value) and set", async () => {
    const kept = await sdk.accountApi.updateAccountByUid(
      { FirstName: "Augusta", LastName: null },
      ADA,
    );
    expect(kept.FirstName).toBe("Augusta");
    expect(kept.LastName).toBe("Lovelace");
    const cleared = await sdk.accountApi.updateAccountByUid({ LastName: null }, ADA, "", true);
    expect(cleared.LastName).toBeNull();
  });

  it("sets a password and reads the hash", async () => {
    const set = await sdk.accountApi.setAccountPasswordByUid("Another-Pass-7", ADA);
    const read = await sdk.accountApi.getAccountPasswordHashByUid(ADA);
    expect(read.PasswordHash).toBe(set.PasswordHash);
  });

  it("lists identities by email", async () => {
    const res = await sdk.accountApi.getAccountIdentitiesByEmail(
      "shared@example.com",
      "Uid,Provider",
    );
    expect(res.Data.map((p: { Provider: string }) => p.Provider)).toEqual(["Email", "Facebook"]);
  });

  it("deletes an account, after which it is not found", async () => {
    expect(await sdk.accountApi.deleteAccountByUid(ADA)).toEqual({ IsDeleted: true });
    await expect(sdk.accountApi.getAccountProfileByUid(ADA)).rejects.toMatchObject({
      ErrorCode: 938,
      Description:
        "The user's account does not exist, please use a valid user or create the user before processing this request.",
      IsProviderError: false,
    });
  });

  it("drives the token, email and UID endpoints", async () => {
    const token = await sdk.accountApi.getAccessTokenByUid(ADA);
    const refreshed = await sdk.accountApi.refreshAccessTokenByRefreshToken(token.refresh_token);
    expect(refreshed.refresh_token).toBe(token.refresh_token);
    expect(await sdk.accountApi.revokeRefreshToken(token.refresh_token)).toEqual({
      IsDeleted: true,
    });
    expect(await sdk.accountApi.revokeAllRefreshToken(ADA)).toEqual({ IsDeleted: true });
    const upserted = await sdk.accountApi.upsertEmail(
      { Email: [{ Type: "Work", Value: "ada@sdk.example" }] },
      ADA,
    );
    expect(upserted.Email).toHaveLength(3);
    const removed = await sdk.accountApi.removeEmail("ada@sdk.example", ADA);
    expect(removed.Email).toHaveLength(2);
    const phone = await sdk.accountApi.updatePhoneIDByUid("+15550003333", ADA);
    expect(phone.PhoneId).toBe("+15550003333");
    expect(await sdk.accountApi.invalidateAccountEmailVerification(ADA)).toEqual({
      IsPosted: true,
    });
    expect(
      await sdk.accountApi.resetPhoneIDVerificationByUid("grace-hopper").catch((e: unknown) => e),
    ).toMatchObject({ ErrorCode: 1147 });
    const forgot = await sdk.accountApi.getForgotPasswordToken("ada@example.com");
    expect(forgot.ForgotToken).toBeTruthy();
    const verify = await sdk.accountApi.getEmailVerificationToken("grace@example.com");
    expect(verify.VerificationToken).toBeTruthy();
    const history = await sdk.accountApi.getPrivacyPolicyHistoryByUid(ADA);
    expect(history.Current.Version).toBe("2.0");
    expect(await sdk.accountApi.accountUpdateUid({ NewUid: "ada-renamed" }, ADA)).toEqual({
      IsPosted: true,
    });
    expect(await sdk.accountApi.accountDeleteByEmail("shared@example.com")).toEqual({
      IsDeleted: true,
      RecordsDeleted: 2,
    });
  });

  it("surfaces emulator errors through the SDK unchanged", async () => {
    await expect(
      sdk.accountApi.createAccount({
        Email: [{ Type: "Primary", Value: "ada@example.com" }],
        Password: "Valid-Pass-1",
      }),
    ).rejects.toMatchObject({ ErrorCode: 936 });
  });
});
