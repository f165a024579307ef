import { describe, expect, it } from "vitest";
import { PROFILE_KEYS } from "../src/emulator/accounts/profile.js";
import {
  ACCOUNT,
  ADA,
  ALAN,
  EDSGER,
  emulatorPerFile,
  GRACE,
  LINUS,
  LINUS_SOCIAL,
  MARGARET,
} from "./helpers/emulator.js";

const lr = emulatorPerFile();

const DATE_7 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const NEVER = "0001-01-01T00:00:00.0000000Z";

const newAccount = (overrides: Record<string, unknown> = {}) => ({
  Email: [{ Type: "Primary", Value: "new.person@example.net" }],
  Password: "Sturdy-Pass-42",
  FirstName: "New",
  LastName: "Person",
  ...overrides,
});

const get = (uid: string) => lr.call("GET", `${ACCOUNT}/${uid}`);

describe("POST /account (create)", () => {
  it("creates an account and returns the full documented profile", async () => {
    const res = await lr.call("POST", ACCOUNT, { body: newAccount({ PhoneId: "+15550001111" }) });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(PROFILE_KEYS);
    expect(res.body.Uid).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body.Email).toEqual([{ Type: "Primary", Value: "new.person@example.net" }]);
    expect(res.body.PhoneId).toBe("+15550001111");
    expect(res.body.RegistrationSource).toBe("API");
    expect(res.body.IsCustomUid).toBe(false);
    expect(res.body.CreatedDate).toMatch(DATE_7);
    expect(res.body.LastLoginDate).toBe(NEVER);
    expect(res.body.MiddleName).toBeNull();
    expect(res.body.FollowersCount).toBe(0);
    const fetched = await get(res.body.Uid);
    expect(fetched.body.FirstName).toBe("New");
  });

  it("stores the password only as a hash", async () => {
    const res = await lr.call("POST", ACCOUNT, { body: newAccount() });
    expect(JSON.stringify(res.body)).not.toContain("Sturdy-Pass-42");
    expect(res.body.Password).toMatch(/^Rfc2898DeriveBytes\$1000\$/);
    const hash = await lr.call("GET", `${ACCOUNT}/${res.body.Uid}/password`);
    expect(hash.body).toEqual({ PasswordHash: res.body.Password });
  });

  it("accepts a custom UID and flags it", async () => {
    const res = await lr.call("POST", ACCOUNT, { body: newAccount({ Uid: "crm_000123" }) });
    expect(res.body.Uid).toBe("crm_000123");
    expect(res.body.IsCustomUid).toBe(true);
  });

  it("takes body keys in any casing", async () => {
    const res = await lr.call("POST", ACCOUNT, {
      body: {
        email: [{ type: "Primary", value: "lower@example.net" }],
        password: "Lower-case-1",
        firstname: "Lo",
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.FirstName).toBe("Lo");
    expect(res.body.Email).toEqual([{ Type: "Primary", Value: "lower@example.net" }]);
  });

  it.each([
    [
      "an email already registered",
      { Email: [{ Type: "Primary", Value: "ADA@example.com" }] },
      936,
    ],
    ["a phone already registered", { PhoneId: "+14155550101" }, 1058],
    ["a user name already registered", { UserName: "ADA" }, 1017],
    ["a UID already registered", { Uid: GRACE }, 1044],
    ["a UID with bad characters", { Uid: "../role/admin" }, 1200],
    ["a UID longer than 50", { Uid: "u".repeat(51) }, 1200],
    [
      "two Primary emails",
      {
        Email: [
          { Type: "Primary", Value: "a1@x.io" },
          { Type: "Primary", Value: "a2@x.io" },
        ],
      },
      1203,
    ],
    [
      "the same email twice",
      {
        Email: [
          { Type: "Primary", Value: "a1@x.io" },
          { Type: "Work", Value: "A1@x.io" },
        ],
      },
      1202,
    ],
    ["an email without a Type", { Email: [{ Value: "a1@x.io" }] }, 1201],
    ["a password shorter than the policy", { Password: "abc" }, 1134],
    ["a well-known password", { Password: "password1" }, 1216],
    ["no password", { Password: undefined }, 1089],
    ["a malformed phone", { PhoneId: "call me" }, 1096],
    ["a birth date in the future", { BirthDate: "2999-01-01" }, 968],
    ["a non-string custom field", { CustomFields: { plan: 3 } }, 993],
  ])("rejects %s and creates nothing", async (_, overrides, code) => {
    const res = await lr.call("POST", ACCOUNT, { body: newAccount(overrides) });
    expect(res.body.ErrorCode).toBe(code);
    expect(res.status).toBeGreaterThanOrEqual(400);
    const lookup = await lr.call("GET", ACCOUNT, { query: { email: "new.person@example.net" } });
    expect(lookup.body.ErrorCode).toBe(938);
  });

  it("reports field validation failures in Errors[]", async () => {
    const res = await lr.call("POST", ACCOUNT, {
      body: newAccount({ Email: [{ Type: "Primary", Value: "not-an-email" }] }),
    });
    expect(res.status).toBe(403);
    expect(res.body.ErrorCode).toBe(1134);
    expect(res.body.Errors).toEqual([
      { FieldName: "Email[0].Value", ErrorMessage: "'not-an-email' is not a valid email address." },
    ]);
  });

  it("applies fields to the created profile", async () => {
    const res = await lr.call("POST", ACCOUNT, {
      body: newAccount(),
      query: { fields: "Uid,Email(Value)" },
    });
    expect(Object.keys(res.body)).toEqual(["Uid", "Email"]);
    expect(res.body.Email).toEqual([{ Value: "new.person@example.net" }]);
  });
});

describe("GET profile by UID, email, phone, user name", () => {
  it("finds by UID", async () => {
    const res = await get(ADA);
    expect(res.body.FullName).toBe("Ada Lovelace");
    expect(Object.keys(res.body)).toEqual(PROFILE_KEYS);
  });

  it("finds by email, case-insensitively", async () => {
    const res = await lr.call("GET", ACCOUNT, { query: { email: "Ada.Lovelace@WORK.example" } });
    expect(res.body.Uid).toBe(ADA);
  });

  it("finds by phone", async () => {
    const res = await lr.call("GET", ACCOUNT, { query: { phone: "+447700900123" } });
    expect(res.body.Uid).toBe(ALAN);
  });

  it("finds by user name with either casing of the query name", async () => {
    const node = await lr.call("GET", ACCOUNT, { query: { userName: "grace" } });
    const go = await lr.call("GET", ACCOUNT, { query: { username: "GRACE" } });
    expect(node.body.Uid).toBe(GRACE);
    expect(go.body.Uid).toBe(GRACE);
  });

  it("answers the traditional account for an email two accounts share", async () => {
    const res = await lr.call("GET", ACCOUNT, { query: { email: "shared@example.com" } });
    expect(res.body.Uid).toBe(LINUS);
  });

  it.each([
    ["UID", `${ACCOUNT}/no-such-uid`, {}],
    ["email", ACCOUNT, { email: "nobody@example.com" }],
    ["phone", ACCOUNT, { phone: "+19999999999" }],
    ["user name", ACCOUNT, { userName: "nobody" }],
  ])("answers 938 for an unknown %s", async (_, path, query) => {
    const res = await lr.call("GET", path, { query });
    expect(res.status).toBe(403);
    expect(res.body.ErrorCode).toBe(938);
  });

  it("answers 990 for a malformed email and 1118 when no key is given", async () => {
    expect((await lr.call("GET", ACCOUNT, { query: { email: "nope" } })).body.ErrorCode).toBe(990);
    expect((await lr.call("GET", ACCOUNT)).body.ErrorCode).toBe(1118);
  });

  it.each([
    ["Uid,FirstName", { Uid: ADA, FirstName: "Ada" }],
    ["uid,FIRSTNAME", { Uid: ADA, FirstName: "Ada" }],
    [
      "Email(Value)",
      { Email: [{ Value: "ada@example.com" }, { Value: "ada.lovelace@work.example" }] },
    ],
    ["Country/Code", { Country: { Code: "GB" } }],
    ["CustomFields(plan),NoSuchField", { CustomFields: { plan: "enterprise" } }],
  ])("projects fields=%s", async (fields, expected) => {
    const res = await lr.call("GET", `${ACCOUNT}/${ADA}`, { query: { fields } });
    expect(res.body).toEqual(expected);
  });

  it("keeps everything for fields=*", async () => {
    const res = await lr.call("GET", ACCOUNT, { query: { email: "ada@example.com", fields: "*" } });
    expect(Object.keys(res.body)).toEqual(PROFILE_KEYS);
  });

  it("projects nested arrays element-wise (Identities/Email/Value)", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/${LINUS_SOCIAL}`, {
      query: { fields: "Identities/Email/Value" },
    });
    expect(res.body).toEqual({ Identities: [{ Email: [{ Value: "shared@example.com" }] }] });
  });
});

describe("PUT /account/{uid} (update)", () => {
  it("updates given fields, leaves the rest, and moves ModifiedDate", async () => {
    const before = await get(ADA);
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      body: { FirstName: "Augusta", City: "Marylebone" },
    });
    expect(res.status).toBe(200);
    expect(res.body.FirstName).toBe("Augusta");
    expect(res.body.City).toBe("Marylebone");
    expect(res.body.LastName).toBe("Lovelace");
    expect(res.body.ModifiedDate).not.toBe(before.body.ModifiedDate);
    expect(res.body.ModifiedDate).toMatch(DATE_7);
  });

  it("ignores nulls without nullSupport, and with an empty nullSupport=", async () => {
    const queries: Record<string, string>[] = [{}, { nullSupport: "" }, { nullSupport: "false" }];
    for (const query of queries) {
      const res = await lr.call("PUT", `${ACCOUNT}/${ADA}`, { body: { LastName: null }, query });
      expect(res.body.LastName).toBe("Lovelace");
    }
  });

  it("clears fields with null when nullSupport=true", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      body: { LastName: null, UserName: null, CustomFields: { department: null } },
      query: { nullSupport: "true" },
    });
    expect(res.body.LastName).toBeNull();
    expect(res.body.UserName).toBeNull();
    expect(res.body.CustomFields).toEqual({ plan: "enterprise" });
    const byName = await lr.call("GET", ACCOUNT, { query: { userName: "ada" } });
    expect(byName.body.ErrorCode).toBe(938);
  });

  it("merges custom fields key by key", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      body: { CustomFields: { team: "core" } },
    });
    expect(res.body.CustomFields).toEqual({
      plan: "enterprise",
      department: "engineering",
      team: "core",
    });
  });

  it("sets admin flags", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/${GRACE}`, {
      body: { EmailVerified: true, IsLoginLocked: true, IsActive: false },
    });
    expect(res.body).toMatchObject({
      EmailVerified: true,
      IsLoginLocked: true,
      IsActive: false,
      LoginLockedType: "Suspended",
    });
  });

  it("removes list items sent with op: delete", async () => {
    await lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      body: {
        Addresses: [
          { Type: "Home", City: "London" },
          { Type: "Work", City: "Cambridge" },
        ],
      },
    });
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      body: { Addresses: [{ Type: "Home", op: "delete" }] },
    });
    expect(res.body.Addresses).toEqual([{ Type: "Work", City: "Cambridge" }]);
  });

  it("records an accepted privacy policy version in the history", async () => {
    await lr.call("PUT", `${ACCOUNT}/${GRACE}`, { body: { PrivacyPolicy: { Version: "3.1" } } });
    const res = await lr.call("GET", `${ACCOUNT}/${GRACE}/privacypolicy/history`);
    expect(res.body.Current).toMatchObject({ Version: "3.1", AcceptSource: "API" });
    expect(res.body.Current.AcceptDateTime).toMatch(DATE_7);
    expect(res.body.History).toHaveLength(1);
  });

  it.each([
    ["another account's user name", { UserName: "grace" }, 1017],
    ["another account's phone", { PhoneId: "+447700900123" }, 1058],
    ["another account's email", { Email: [{ Type: "Primary", Value: "alan@example.com" }] }, 936],
    ["a string for a flag", { EmailVerified: "yes" }, 1134],
  ])("rejects %s and changes nothing", async (_, body, code) => {
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}`, { body });
    expect(res.body.ErrorCode).toBe(code);
    const after = await get(ADA);
    expect(after.body.UserName).toBe("ada");
    expect(after.body.PhoneId).toBe("+14155550101");
    expect(after.body.EmailVerified).toBe(true);
  });

  it("stores security answers hashed and returns the profile", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      body: { securityquestionanswer: { q1: "Babbage" } },
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain("Babbage");
  });

  it("answers 938 for an unknown UID", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/nobody`, { body: { FirstName: "X" } });
    expect(res.body.ErrorCode).toBe(938);
  });
});

describe("phone, password, email and UID changes", () => {
  it("updates the phone ID and marks it unverified", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}/phoneid`, {
      body: { phone: "+14155550999" },
      query: { fields: "PhoneId,PhoneIdVerified" },
    });
    expect(res.body).toEqual({ PhoneId: "+14155550999", PhoneIdVerified: false });
    expect(
      (await lr.call("GET", ACCOUNT, { query: { phone: "+14155550101" } })).body.ErrorCode,
    ).toBe(938);
    expect((await lr.call("GET", ACCOUNT, { query: { phone: "+14155550999" } })).body.Uid).toBe(
      ADA,
    );
  });

  it("rejects a phone ID that is taken (1058) or malformed (1096)", async () => {
    expect(
      (await lr.call("PUT", `${ACCOUNT}/${ADA}/phoneid`, { body: { Phone: "+447700900123" } })).body
        .ErrorCode,
    ).toBe(1058);
    expect(
      (await lr.call("PUT", `${ACCOUNT}/${ADA}/phoneid`, { body: { Phone: "12" } })).body.ErrorCode,
    ).toBe(1096);
  });

  it("sets a password and returns the new hash", async () => {
    const before = await lr.call("GET", `${ACCOUNT}/${ADA}/password`);
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}/password`, {
      body: { password: "Brand-New-99" },
    });
    expect(res.body.PasswordHash).toMatch(/^Rfc2898DeriveBytes\$/);
    expect(res.body.PasswordHash).not.toBe(before.body.PasswordHash);
    expect((await lr.call("GET", `${ACCOUNT}/${ADA}/password`)).body).toEqual(res.body);
  });

  it("refuses a password the policy rejects (1134) and keeps the old one", async () => {
    const before = await lr.call("GET", `${ACCOUNT}/${ADA}/password`);
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}/password`, {
      body: { password: "short" },
    });
    expect(res.body.ErrorCode).toBe(1134);
    expect((await lr.call("GET", `${ACCOUNT}/${ADA}/password`)).body).toEqual(before.body);
  });

  it("upserts emails: same Type replaces, new Type appends", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}/email`, {
      body: {
        Email: [
          { Type: "Secondary", Value: "ada@analytical.example" },
          { Type: "Business", Value: "ada@biz.example" },
        ],
      },
    });
    expect(res.body.Email).toEqual([
      { Type: "Primary", Value: "ada@example.com" },
      { Type: "Secondary", Value: "ada@analytical.example" },
      { Type: "Business", Value: "ada@biz.example" },
    ]);
    expect(
      (await lr.call("GET", ACCOUNT, { query: { email: "ada.lovelace@work.example" } })).body
        .ErrorCode,
    ).toBe(938);
    expect((await lr.call("GET", ACCOUNT, { query: { email: "ada@biz.example" } })).body.Uid).toBe(
      ADA,
    );
  });

  it("refuses an upsert that would give two Primary emails or a taken email", async () => {
    const taken = await lr.call("PUT", `${ACCOUNT}/${ADA}/email`, {
      body: { Email: [{ Type: "Work", Value: "grace@example.com" }] },
    });
    expect(taken.body.ErrorCode).toBe(936);
    const twoPrimary = await lr.call("PUT", `${ACCOUNT}/${ADA}/email`, {
      body: {
        Email: [
          { Type: "Primary", Value: "p1@x.io" },
          { Type: "primary", Value: "p2@x.io" },
        ],
      },
    });
    expect(twoPrimary.body.ErrorCode).toBe(1203);
  });

  it("removes an email and returns the profile", async () => {
    const res = await lr.call("DELETE", `${ACCOUNT}/${ADA}/email`, {
      body: { email: "ada.lovelace@work.example" },
    });
    expect(res.status).toBe(200);
    expect(res.body.Email).toEqual([{ Type: "Primary", Value: "ada@example.com" }]);
  });

  it("refuses to remove the last email (1005) or one not in the profile (1340)", async () => {
    expect(
      (
        await lr.call("DELETE", `${ACCOUNT}/${GRACE}/email`, {
          body: { email: "grace@example.com" },
        })
      ).body.ErrorCode,
    ).toBe(1005);
    expect(
      (await lr.call("DELETE", `${ACCOUNT}/${GRACE}/email`, { body: { email: "ada@example.com" } }))
        .body.ErrorCode,
    ).toBe(1340);
    expect((await get(GRACE)).body.Email).toHaveLength(1);
  });

  it("changes a UID, keeping the old one in PreviousUids", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/uid`, {
      query: { uid: ALAN },
      body: { NewUid: "alan-turing" },
    });
    expect(res.body).toEqual({ IsPosted: true });
    expect((await get(ALAN)).body.ErrorCode).toBe(938);
    const moved = await get("alan-turing");
    expect(moved.body.PreviousUids).toEqual([ALAN]);
    expect(moved.body.IsCustomUid).toBe(true);
    expect((await lr.call("GET", ACCOUNT, { query: { email: "alan@example.com" } })).body.Uid).toBe(
      "alan-turing",
    );
  });

  it("refuses a UID change to a taken (1044) or malformed (1200) UID", async () => {
    expect(
      (await lr.call("PUT", `${ACCOUNT}/uid`, { query: { uid: ALAN }, body: { NewUid: GRACE } }))
        .body.ErrorCode,
    ).toBe(1044);
    expect(
      (await lr.call("PUT", `${ACCOUNT}/uid`, { query: { uid: ALAN }, body: { NewUid: "a b" } }))
        .body.ErrorCode,
    ).toBe(1200);
    expect((await get(ALAN)).status).toBe(200);
  });
});

describe("deletes", () => {
  it("deletes by UID", async () => {
    expect((await lr.call("DELETE", `${ACCOUNT}/${EDSGER}`)).body).toEqual({ IsDeleted: true });
    expect((await get(EDSGER)).body.ErrorCode).toBe(938);
    expect((await lr.call("DELETE", `${ACCOUNT}/${EDSGER}`)).body.ErrorCode).toBe(938);
  });

  it("deletes every account holding an email", async () => {
    const res = await lr.call("DELETE", ACCOUNT, { query: { email: "shared@example.com" } });
    expect(res.body).toEqual({ IsDeleted: true, RecordsDeleted: 2 });
    expect((await get(LINUS)).body.ErrorCode).toBe(938);
    expect((await get(LINUS_SOCIAL)).body.ErrorCode).toBe(938);
  });
});

describe("identities, verification and tokens", () => {
  it("lists every account sharing an email, with fields applied to each", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/identities`, {
      query: { email: "shared@example.com", fields: "Uid,Provider" },
    });
    expect(res.body).toEqual({
      Data: [
        { Uid: LINUS, Provider: "Email" },
        { Uid: LINUS_SOCIAL, Provider: "Facebook" },
      ],
    });
  });

  it("answers 938 for identities of an unknown email", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/identities`, {
      query: { email: "nobody@example.com" },
    });
    expect(res.body.ErrorCode).toBe(938);
  });

  it("invalidates email verification and queues a verification email", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}/invalidateemail`, {
      query: { emailTemplate: "reverify" },
    });
    expect(res.body).toEqual({ IsPosted: true });
    expect((await get(ADA)).body.EmailVerified).toBe(false);
    const outbox = await lr.control("GET", "/outbox");
    expect(outbox.body.messages).toMatchObject([
      { channel: "email", to: "ada@example.com", uid: ADA, template: "reverify" },
    ]);
  });

  it("resets phone verification once; a second reset is 1161, no phone is 1147", async () => {
    expect((await lr.call("PUT", `${ACCOUNT}/${ADA}/invalidatephone`)).body).toEqual({
      IsPosted: true,
    });
    expect((await get(ADA)).body.PhoneIdVerified).toBe(false);
    expect((await lr.call("PUT", `${ACCOUNT}/${ADA}/invalidatephone`)).body.ErrorCode).toBe(1161);
    expect((await lr.call("PUT", `${ACCOUNT}/${GRACE}/invalidatephone`)).body.ErrorCode).toBe(1147);
  });

  it("issues a forgot-password token, sending an email only when asked", async () => {
    const quiet = await lr.call("POST", `${ACCOUNT}/forgot/token`, {
      body: { email: "shared@example.com" },
    });
    expect(quiet.body.ForgotToken).toMatch(/^[0-9a-f]{32}$/);
    expect(quiet.body.IdentityProviders).toEqual(["Facebook"]);
    expect((await lr.control("GET", "/outbox")).body.messages).toEqual([]);
    await lr.call("POST", `${ACCOUNT}/forgot/token`, {
      body: { username: "grace" },
      query: { sendEmail: "true" },
    });
    expect((await lr.control("GET", "/outbox")).body.messages).toMatchObject([
      { kind: "forgotpassword", to: "grace@example.com" },
    ]);
    expect(
      (await lr.call("POST", `${ACCOUNT}/forgot/token`, { body: { email: "no@x.io" } })).body
        .ErrorCode,
    ).toBe(938);
  });

  it("issues an email verification token for an unverified email only", async () => {
    const res = await lr.call("POST", `${ACCOUNT}/verify/token`, {
      body: { email: "grace@example.com" },
    });
    expect(res.body.VerificationToken).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body.expires_in).toMatch(DATE_7);
    expect(
      (await lr.call("POST", `${ACCOUNT}/verify/token`, { body: { email: "ada@example.com" } }))
        .body.ErrorCode,
    ).toBe(1126);
  });

  it("mints a new access token on every call, refreshes and revokes", async () => {
    const first = await lr.call("GET", `${ACCOUNT}/access_token`, { query: { uid: MARGARET } });
    const second = await lr.call("GET", `${ACCOUNT}/access_token`, { query: { uid: MARGARET } });
    expect(first.body.access_token).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.body.expires_in).toMatch(DATE_7);
    expect(second.body.access_token).not.toBe(first.body.access_token);

    const refreshed = await lr.call("GET", `${ACCOUNT}/access_token/refresh`, {
      query: { refresh_Token: first.body.refresh_token },
    });
    // Rotation (issue 18): a new refresh token each refresh; revoking the current one ends it.
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);

    const revoked = await lr.call("GET", `${ACCOUNT}/access_token/refresh/revoke`, {
      query: { refresh_token: refreshed.body.refresh_token },
    });
    expect(revoked.body).toEqual({ IsDeleted: true });
    const again = await lr.call("GET", `${ACCOUNT}/access_token/refresh`, {
      query: { refresh_Token: refreshed.body.refresh_token },
    });
    expect(again.body.ErrorCode).toBe(1217);

    expect(
      (await lr.call("DELETE", `${ACCOUNT}/${MARGARET}/access_token/refresh/revoke`)).body,
    ).toEqual({ IsDeleted: true });
    const afterAll = await lr.call("GET", `${ACCOUNT}/access_token/refresh`, {
      query: { refresh_Token: second.body.refresh_token },
    });
    expect(afterAll.body.ErrorCode).toBe(1217);
  });

  it("refuses a token for an unknown UID", async () => {
    expect(
      (await lr.call("GET", `${ACCOUNT}/access_token`, { query: { uid: "nobody" } })).body
        .ErrorCode,
    ).toBe(938);
  });

  it("returns privacy policy history", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/${ADA}/privacypolicy/history`);
    expect(res.body.Uid).toBe(ADA);
    expect(res.body.Current.Version).toBe("2.0");
    expect(res.body.History.map((h: { Version: string }) => h.Version)).toEqual(["1.0", "2.0"]);
    const none = await lr.call("GET", `${ACCOUNT}/${GRACE}/privacypolicy/history`);
    expect(none.body).toEqual({ Uid: GRACE, Current: null, History: [] });
  });
});
