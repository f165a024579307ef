import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, ALAN, EDSGER, GRACE, MARGARET } from "./helpers/emulator.js";
import { codeOf, type Stack, startStack } from "./helpers/stack.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

const CREATE = `mutation($input: CreateAccountInput!) {
  createAccount(input: $input) { uid primaryEmail firstName phone userName customFields isCustomUid privacyPolicy { version } }
}`;

const newAccount = (overrides: Record<string, unknown> = {}) => ({
  emails: [{ type: "Primary", value: "new.user@example.net" }],
  password: "Strong-Pass-2024",
  firstName: "New",
  ...overrides,
});

describe("createAccount", () => {
  it("creates and returns the account", async () => {
    const res = await stack.gql(CREATE, {
      input: newAccount({
        uid: "crm-42",
        phone: "+15550009999",
        userName: "newbie",
        customFields: { plan: "pro" },
        privacyPolicyVersion: "2.0",
      }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.createAccount).toEqual({
      uid: "crm-42",
      primaryEmail: "new.user@example.net",
      firstName: "New",
      phone: "+15550009999",
      userName: "newbie",
      customFields: { plan: "pro" },
      isCustomUid: true,
      privacyPolicy: { version: "2.0" },
    });
    const calls = await stack.calls();
    expect(calls.map((c) => c.route)).toEqual(["POST /identity/v2/manage/account"]);
    const read = await stack.gql('{ accountByUid(uid: "crm-42") { firstName } }');
    expect(read.data.accountByUid.firstName).toBe("New");
  });

  it.each([
    [
      "an email already registered",
      { emails: [{ type: "Primary", value: "ada@example.com" }] },
      "CONFLICT",
      "email",
      936,
    ],
    ["a phone already registered", { phone: "+14155550101" }, "CONFLICT", "phone", 1058],
    ["a user name already registered", { userName: "ada" }, "CONFLICT", "userName", 1017],
    ["a UID already registered", { uid: GRACE }, "CONFLICT", "uid", 1044],
    ["a well-known password", { password: "password1" }, "BAD_USER_INPUT", "password", 1216],
  ])("maps %s from LoginRadius", async (_, overrides, code, field, errorCode) => {
    const res = await stack.gql(CREATE, { input: newAccount(overrides) });
    // The root field is nullable: its error nulls it alone (a refusal never nulls a sibling).
    expect(res.data).toEqual({ createAccount: null });
    // A password code also names its rule (issue 18).
    const rule = errorCode === 1216 ? { rule: "COMMON_PASSWORD" } : {};
    expect(res.errors?.[0]?.extensions).toEqual({
      code,
      field,
      ...rule,
      loginradius: { errorCode },
    });
  });

  it("maps a password shorter than the policy (1134) with the field at fault", async () => {
    const res = await stack.gql(CREATE, { input: newAccount({ password: "weak" }) });
    expect(res.data).toEqual({ createAccount: null });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      loginradius: { errorCode: 1134 },
      problems: [{ field: "password" }],
    });
  });

  it.each([
    [
      "a malformed email",
      { emails: [{ type: "Primary", value: "not-an-email" }] },
      "input.emails[0].value",
    ],
    [
      "two Primary emails",
      {
        emails: [
          { type: "Primary", value: "a@x.io" },
          { type: "Primary", value: "b@x.io" },
        ],
      },
      "input.emails",
    ],
    ["no email", { emails: [] }, "input.emails"],
    ["a UID that could escape its path segment", { uid: "../role/admin" }, "input.uid"],
    ["a malformed phone", { phone: "555-CALL-NOW" }, "input.phone"],
    ["a birth date in the wrong format", { birthDate: "7 Feb 1990" }, "input.birthDate"],
    ["a non-string custom field", { customFields: { plan: 3 } }, "input.customFields"],
    ["an over-long first name", { firstName: "x".repeat(101) }, "input.firstName"],
  ])("rejects %s before any upstream call", async (_, overrides, field) => {
    const res = await stack.gql(CREATE, { input: newAccount(overrides) });
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.errors?.[0]?.message).toContain(field);
    expect(await stack.calls()).toEqual([]);
  });
});

describe("updateAccount", () => {
  const UPDATE = `mutation($uid: ID!, $input: UpdateAccountInput!, $nullSupport: Boolean) {
    updateAccount(uid: $uid, input: $input, nullSupport: $nullSupport) { uid firstName lastName city customFields isLoginLocked }
  }`;

  it("changes the given fields and returns the updated account", async () => {
    const res = await stack.gql(UPDATE, {
      uid: ADA,
      input: { firstName: "Augusta", customFields: { team: "core" }, isLoginLocked: true },
    });
    expect(res.data.updateAccount).toEqual({
      uid: ADA,
      firstName: "Augusta",
      lastName: "Lovelace",
      city: "London",
      customFields: { plan: "enterprise", department: "engineering", team: "core" },
      isLoginLocked: true,
    });
    const [call] = await stack.calls();
    expect(call?.query).toEqual(["apiKey", "fields", "nullSupport"]);
  });

  it("ignores nulls without nullSupport and clears with it", async () => {
    const kept = await stack.gql(UPDATE, { uid: ADA, input: { lastName: null } });
    expect(kept.data.updateAccount.lastName).toBe("Lovelace");
    const cleared = await stack.gql(UPDATE, {
      uid: ADA,
      input: { lastName: null, city: null },
      nullSupport: true,
    });
    expect(cleared.data.updateAccount).toMatchObject({
      lastName: null,
      city: null,
      firstName: "Ada",
    });
  });

  it("serves the updated account to later reads in the same request", async () => {
    const res = await stack.gql(`mutation {
      updateAccount(uid: "${ADA}", input: { firstName: "First" }) { firstName }
      invalidateEmailVerification(uid: "${ADA}") { uid account { firstName emailVerified } }
    }`);
    expect(res.data.invalidateEmailVerification).toEqual({
      uid: ADA,
      account: { firstName: "First", emailVerified: false },
    });
  });

  it("rejects an empty change, an unknown UID (NOT_FOUND) and a taken user name (CONFLICT)", async () => {
    expect(codeOf(await stack.gql(UPDATE, { uid: ADA, input: {} }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await stack.gql(UPDATE, { uid: "nobody", input: { firstName: "X" } }))).toBe(
      "NOT_FOUND",
    );
    expect(codeOf(await stack.gql(UPDATE, { uid: ADA, input: { userName: "grace" } }))).toBe(
      "CONFLICT",
    );
  });
});

describe("phone, password, emails and UID", () => {
  it("updateAccountPhoneId returns the account with the new, unverified phone", async () => {
    const res = await stack.gql(
      `mutation { updateAccountPhoneId(uid: "${ADA}", phone: "+14155550777") { phone phoneVerified } }`,
    );
    expect(res.data.updateAccountPhoneId).toEqual({ phone: "+14155550777", phoneVerified: false });
  });

  it("setAccountPassword changes the hash and returns the account lazily", async () => {
    const before = await stack.gql(`{ accountByUid(uid: "${ADA}") { passwordHash } }`);
    await stack.reset();
    const res = await stack.gql(
      `mutation { setAccountPassword(uid: "${ADA}", password: "Fresh-Pass-77", reason: "test") { uid } }`,
    );
    expect(res.data.setAccountPassword).toEqual({ uid: ADA });
    expect((await stack.calls()).map((c) => c.route)).toEqual([
      "PUT /identity/v2/manage/account/{uid}/password",
    ]);
    const after = await stack.gql(
      `{ accountByUid(uid: "${ADA}") { passwordHash lastPasswordChangeAt } }`,
    );
    expect(after.data.accountByUid.passwordHash).not.toBe(before.data.accountByUid.passwordHash);
    expect(after.data.accountByUid.lastPasswordChangeAt).not.toBeNull();
  });

  it("setAccountPassword maps a weak password to BAD_USER_INPUT on password", async () => {
    const res = await stack.gql(
      `mutation { setAccountPassword(uid: "${ADA}", password: "abc", reason: "test") { uid } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "password",
    });
  });

  it("setAccountPassword on an unknown UID is NOT_FOUND (LoginRadius 1039)", async () => {
    const res = await stack.gql(
      `mutation { setAccountPassword(uid: "no-such-uid-0001", password: "long enough 123", reason: "test") { uid } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      field: "uid",
      loginradius: { errorCode: 1039 },
    });
  });

  it("upsertAccountEmail and removeAccountEmail return the account", async () => {
    const up = await stack.gql(
      `mutation { upsertAccountEmail(uid: "${GRACE}", emails: [{ type: "Work", value: "grace@navy.example" }]) { emails { type value } } }`,
    );
    expect(up.data.upsertAccountEmail.emails).toEqual([
      { type: "Primary", value: "grace@example.com" },
      { type: "Work", value: "grace@navy.example" },
    ]);
    const down = await stack.gql(
      `mutation { removeAccountEmail(uid: "${GRACE}", email: "grace@example.com") { primaryEmail emails { value } } }`,
    );
    expect(down.data.removeAccountEmail).toEqual({
      primaryEmail: "grace@navy.example",
      emails: [{ value: "grace@navy.example" }],
    });
  });

  it("refuses to remove the last email with FAILED_PRECONDITION", async () => {
    const res = await stack.gql(
      `mutation { removeAccountEmail(uid: "${EDSGER}", email: "edsger@example.com") { uid } }`,
    );
    expect(res.errors?.[0]?.extensions).toEqual({
      code: "FAILED_PRECONDITION",
      loginradius: { errorCode: 1005 },
    });
  });

  it("updateAccountUid moves the account and the payload reads it at its new UID", async () => {
    const res = await stack.gql(
      `mutation { updateAccountUid(uid: "${ALAN}", newUid: "alan-turing") { uid account { uid previousUids } } }`,
    );
    expect(res.data.updateAccountUid).toEqual({
      uid: "alan-turing",
      account: { uid: "alan-turing", previousUids: [ALAN] },
    });
    expect(
      (await stack.gql(`{ accountByUid(uid: "${ALAN}") { uid } }`)).data.accountByUid,
    ).toBeNull();
  });
});

describe("deletes", () => {
  it("deleteAccount deletes, and the same request then sees null", async () => {
    const res = await stack.gql(`mutation {
      deleteAccount(uid: "${EDSGER}", reason: "test") { uid deleted }
      setAccountPassword(uid: "${GRACE}", password: "Another-Pass-1", reason: "test") { uid }
    }`);
    expect(res.data.deleteAccount).toEqual({ uid: EDSGER, deleted: true });
    expect(
      (await stack.gql(`{ accountByUid(uid: "${EDSGER}") { uid } }`)).data.accountByUid,
    ).toBeNull();
    expect(
      codeOf(
        await stack.gql(`mutation { deleteAccount(uid: "${EDSGER}", reason: "test") { uid } }`),
      ),
    ).toBe("NOT_FOUND");
  });

  it("deleteAccountsByEmail deletes every account holding the email", async () => {
    const res = await stack.gql(
      'mutation { deleteAccountsByEmail(email: "shared@example.com", reason: "test") { email deletedCount } }',
    );
    expect(res.data.deleteAccountsByEmail).toEqual({
      email: "shared@example.com",
      deletedCount: 2,
    });
    expect(
      (await stack.gql('{ identitiesByEmail(email: "shared@example.com") { uid } }')).data
        .identitiesByEmail,
    ).toEqual([]);
  });
});

describe("verification and tokens", () => {
  it("invalidateEmailVerification sends one email and marks the email unverified", async () => {
    const res = await stack.gql(
      `mutation { invalidateEmailVerification(uid: "${ADA}", emailTemplate: "reverify") { uid account { emailVerified } } }`,
    );
    expect(res.data.invalidateEmailVerification).toEqual({
      uid: ADA,
      account: { emailVerified: false },
    });
    expect((await stack.lr.control("GET", "/outbox")).body.messages).toMatchObject([
      { to: "ada@example.com", template: "reverify" },
    ]);
  });

  it("resetPhoneIdVerification sends one SMS, and FAILED_PRECONDITION when there is no phone", async () => {
    const ok = await stack.gql(
      `mutation { resetPhoneIdVerification(uid: "${ADA}") { account { phoneVerified } } }`,
    );
    expect(ok.data.resetPhoneIdVerification.account.phoneVerified).toBe(false);
    expect((await stack.lr.control("GET", "/outbox")).body.messages).toHaveLength(1);
    const none = await stack.gql(`mutation { resetPhoneIdVerification(uid: "${GRACE}") { uid } }`);
    expect(none.errors?.[0]?.extensions).toMatchObject({
      code: "FAILED_PRECONDITION",
      loginradius: { errorCode: 1147 },
    });
  });

  it("generateForgotPasswordToken by email or user name, emailing only when asked", async () => {
    const res = await stack.gql(`mutation {
      a: generateForgotPasswordToken(email: "shared@example.com") { token identityProviders emailSent }
      b: generateForgotPasswordToken(userName: "grace", sendEmail: true) { emailSent }
    }`);
    expect(res.data.a.token).toMatch(/^[0-9a-f]{32}$/);
    expect(res.data.a).toMatchObject({ identityProviders: ["Facebook"], emailSent: false });
    expect(res.data.b.emailSent).toBe(true);
    expect((await stack.lr.control("GET", "/outbox")).body.messages).toMatchObject([
      { kind: "forgotpassword", to: "grace@example.com" },
    ]);
    const neither = await stack.gql("mutation { generateForgotPasswordToken { token } }");
    expect(codeOf(neither)).toBe("BAD_USER_INPUT");
  });

  it("generateEmailVerificationToken for an unverified email; FAILED_PRECONDITION when verified", async () => {
    const res = await stack.gql(
      'mutation { generateEmailVerificationToken(email: "grace@example.com") { token expiresAt } }',
    );
    expect(res.data.generateEmailVerificationToken.token).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(res.data.generateEmailVerificationToken.expiresAt)).toBeGreaterThan(
      Date.now(),
    );
    const verified = await stack.gql(
      'mutation { generateEmailVerificationToken(email: "ada@example.com") { token } }',
    );
    expect(codeOf(verified)).toBe("FAILED_PRECONDITION");
  });

  it("issues, refreshes and revokes tokens", async () => {
    const issued = await stack.gql(
      `mutation { issueAccessToken(uid: "${MARGARET}", reason: "test") { accessToken refreshToken expiresAt } }`,
    );
    const { accessToken, refreshToken, expiresAt } = issued.data.issueAccessToken;
    expect(accessToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const refreshed = await stack.gql(
      "mutation($t: String!) { refreshAccessToken(refreshToken: $t) { accessToken refreshToken } }",
      { t: refreshToken },
    );
    // Rotation (issue 18): a new refresh token; revoking it ends the chain.
    const rotated = refreshed.data.refreshAccessToken.refreshToken;
    expect(rotated).not.toBe(refreshToken);
    expect(refreshed.data.refreshAccessToken.accessToken).not.toBe(accessToken);
    const revoked = await stack.gql(
      "mutation($t: String!) { revokeRefreshToken(refreshToken: $t) { revoked } }",
      { t: rotated },
    );
    expect(revoked.data.revokeRefreshToken.revoked).toBe(true);
    const again = await stack.gql(
      "mutation($t: String!) { refreshAccessToken(refreshToken: $t) { accessToken } }",
      { t: rotated },
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "refreshToken",
    });
    const all = await stack.gql(
      `mutation { revokeAllRefreshTokens(uid: "${MARGARET}") { revoked } }`,
    );
    expect(all.data.revokeAllRefreshTokens.revoked).toBe(true);
  });

  it("issueAccessToken for an unknown UID is NOT_FOUND", async () => {
    expect(
      codeOf(
        await stack.gql(
          'mutation { issueAccessToken(uid: "nobody", reason: "test") { accessToken } }',
        ),
      ),
    ).toBe("NOT_FOUND");
  });
});
