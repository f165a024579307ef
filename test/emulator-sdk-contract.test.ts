import { describe, expect, it } from "vitest";
import { ADA } from "./helpers/emulator.js";
import { officialSdkAgainstEmulator } from "./helpers/sdk.js";

/**
 * The official `loginradius-sdk` npm package, unchanged, against the emulator. The SDK hard-wires
 * HTTPS on port 443 of `config.apiDomain`, so the only thing replaced is its transport:
 * `https.request` is pointed at the emulator's plain-HTTP port on 127.0.0.1.
 */
const t = officialSdkAgainstEmulator();

describe("loginradius-sdk@11.7.0 against the emulator", () => {
  it("creates an account, then reads it by UID, email and phone", async () => {
    const created = await t.sdk.accountApi.createAccount(
      {
        Email: [{ Type: "Primary", Value: "t.sdk.user@example.net" }],
        Password: "Sdk-Password-1",
        FirstName: "Sdk",
        PhoneId: "+15550002222",
      },
      "",
    );
    expect(created.Uid).toMatch(/^[0-9a-f]{32}$/);
    const byUid = await t.sdk.accountApi.getAccountProfileByUid(created.Uid, "Uid,FirstName");
    expect(byUid).toEqual({ Uid: created.Uid, FirstName: "Sdk" });
    const byEmail = await t.sdk.accountApi.getAccountProfileByEmail("t.sdk.user@example.net");
    expect(byEmail.Uid).toBe(created.Uid);
    const byPhone = await t.sdk.accountApi.getAccountProfileByPhone("+15550002222");
    expect(byPhone.Uid).toBe(created.Uid);
    const byName = await t.sdk.accountApi.getAccountProfileByUserName("ada");
    expect(byName.Uid).toBe(ADA);
  });

  it("updates with nullSupport left unset (sent as an empty value) and set", async () => {
    const kept = await t.sdk.accountApi.updateAccountByUid(
      { FirstName: "Augusta", LastName: null },
      ADA,
    );
    expect(kept.FirstName).toBe("Augusta");
    expect(kept.LastName).toBe("Lovelace");
    const cleared = await t.sdk.accountApi.updateAccountByUid({ LastName: null }, ADA, "", true);
    expect(cleared.LastName).toBeNull();
  });

  it("sets a password and reads the hash", async () => {
    const set = await t.sdk.accountApi.setAccountPasswordByUid("Another-Pass-7", ADA);
    const read = await t.sdk.accountApi.getAccountPasswordHashByUid(ADA);
    expect(read.PasswordHash).toBe(set.PasswordHash);
  });

  it("lists identities by email", async () => {
    const res = await t.sdk.accountApi.getAccountIdentitiesByEmail(
      "shared@example.com",
      "Uid,Provider",
    );
    expect(res.Data.map((p: { Provider: string }) => p.Provider)).toEqual(["Email", "Facebook"]);
  });

  it("deletes an account, after which it is not found", async () => {
    expect(await t.sdk.accountApi.deleteAccountByUid(ADA)).toEqual({ IsDeleted: true });
    await expect(t.sdk.accountApi.getAccountProfileByUid(ADA)).rejects.toMatchObject({
      ErrorCode: 938,
      Description:
        "The user's account does not exist, please use a valid user or create the user before processing this request.",
      IsProviderError: false,
    });
  });

  it("drives the token, email and UID endpoints", async () => {
    const token = await t.sdk.accountApi.getAccessTokenByUid(ADA);
    const refreshed = await t.sdk.accountApi.refreshAccessTokenByRefreshToken(token.refresh_token);
    // Rotation (issue 18): a new refresh token; the used one is spent (1217).
    expect(refreshed.refresh_token).not.toBe(token.refresh_token);
    await expect(
      t.sdk.accountApi.refreshAccessTokenByRefreshToken(token.refresh_token),
    ).rejects.toMatchObject({ ErrorCode: 1217 });
    expect(await t.sdk.accountApi.revokeRefreshToken(refreshed.refresh_token)).toEqual({
      IsDeleted: true,
    });
    expect(await t.sdk.accountApi.revokeAllRefreshToken(ADA)).toEqual({ IsDeleted: true });
    const upserted = await t.sdk.accountApi.upsertEmail(
      { Email: [{ Type: "Work", Value: "ada@t.sdk.example" }] },
      ADA,
    );
    expect(upserted.Email).toHaveLength(3);
    const removed = await t.sdk.accountApi.removeEmail("ada@t.sdk.example", ADA);
    expect(removed.Email).toHaveLength(2);
    const phone = await t.sdk.accountApi.updatePhoneIDByUid("+15550003333", ADA);
    expect(phone.PhoneId).toBe("+15550003333");
    expect(await t.sdk.accountApi.invalidateAccountEmailVerification(ADA)).toEqual({
      IsPosted: true,
    });
    expect(
      await t.sdk.accountApi.resetPhoneIDVerificationByUid("grace-hopper").catch((e: unknown) => e),
    ).toMatchObject({ ErrorCode: 1147 });
    const forgot = await t.sdk.accountApi.getForgotPasswordToken("ada@example.com");
    expect(forgot.ForgotToken).toBeTruthy();
    const verify = await t.sdk.accountApi.getEmailVerificationToken("grace@example.com");
    expect(verify.VerificationToken).toBeTruthy();
    const history = await t.sdk.accountApi.getPrivacyPolicyHistoryByUid(ADA);
    expect(history.Current.Version).toBe("2.0");
    expect(await t.sdk.accountApi.accountUpdateUid({ NewUid: "ada-renamed" }, ADA)).toEqual({
      IsPosted: true,
    });
    expect(await t.sdk.accountApi.accountDeleteByEmail("shared@example.com")).toEqual({
      IsDeleted: true,
      RecordsDeleted: 2,
    });
  });

  it("surfaces emulator errors through the SDK unchanged", async () => {
    await expect(
      t.sdk.accountApi.createAccount({
        Email: [{ Type: "Primary", Value: "ada@example.com" }],
        Password: "Valid-Pass-1",
      }),
    ).rejects.toMatchObject({ ErrorCode: 936 });
  });
});
