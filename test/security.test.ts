import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoBackupCodes, demoReauthToken } from "../src/emulator/security/seed.js";
import { ADA, ALAN, GRACE, KATHERINE, MARGARET } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

/**
 * Account Security through HTTP against the emulator: every field and mutation's success,
 * not-found and validation, each reset and minting call never retried, call budgets and audit.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.reset();
  stack.audit.length = 0;
});

const M = "/identity/v2/manage/account";
const fault500 = (route: string) =>
  stack.lr.control("POST", "/faults", { kind: "error", status: 500, count: 5, route });

describe("Account security reads", () => {
  it("reads passkeys, consent logs and lock state, each once per account per request", async () => {
    const res = await stack.gql(`{
      a: accountByUid(uid: "${ADA}") { passkeys { id createdAt } consentLogs { updateType consents { consentId event } } }
      b: accountByUid(uid: "${ADA}") { passkeys { identifier } consentLogs { loggedAt } lockState { locked } }
      k: accountByUid(uid: "${KATHERINE}") { lockState { locked lockedType lockedUntil } passkeys { id } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.a.passkeys).toHaveLength(2);
    expect(res.data.a.passkeys[0].createdAt).toBe("2024-06-03T08:40:58.123Z");
    expect(res.data.a.consentLogs.map((l: { updateType: string }) => l.updateType)).toEqual([
      "Default",
      "ConsentEditor",
    ]);
    expect(res.data.a.consentLogs[0].consents[0]).toEqual({
      consentId: "email_consent",
      event: "Subscribe",
    });
    expect(res.data.b.lockState).toEqual({ locked: false });
    expect(res.data.k).toEqual({
      lockState: { locked: true, lockedType: "Suspended", lockedUntil: null },
      passkeys: [],
    });
    expect((await stack.routes()).sort()).toEqual(
      [
        `GET ${M}/{uid}`,
        `GET ${M}/{uid}`,
        `GET ${M}/passkey`,
        `GET ${M}/passkey`,
        `GET ${M}/{uid}/consent/logs`,
      ].sort(),
    );
  });

  it("backupCodes: FAILED_PRECONDITION once codes were shown (demo Ada), codes the first time", async () => {
    const shown = await stack.gql(`{ accountByUid(uid: "${ADA}") { uid backupCodes } }`);
    expect(shown.data.accountByUid).toEqual({ uid: ADA, backupCodes: null });
    expect(shown.errors?.[0]).toMatchObject({
      path: ["accountByUid", "backupCodes"],
      extensions: { code: "FAILED_PRECONDITION", loginradius: { errorCode: 1127 } },
    });
    expect(shown.errors?.[0]?.message).toContain("resetBackupCodes");

    // Alan has a second factor and no codes yet: the first read mints them.
    const first = await stack.gql(`{ accountByUid(uid: "${ALAN}") { backupCodes } }`);
    expect(first.data.accountByUid.backupCodes).toHaveLength(10);
    const none = await stack.gql(`{ accountByUid(uid: "${GRACE}") { backupCodes } }`);
    expect(none.errors?.[0]?.extensions?.code).toBe("FAILED_PRECONDITION");
    expect(stack.audit.map((a) => [a.field, a.uid, a.outcome])).toEqual([
      ["Account.backupCodes", ADA, "error"],
      ["Account.backupCodes", ALAN, "ok"],
      ["Account.backupCodes", GRACE, "error"],
    ]);
    expect(JSON.stringify(stack.audit)).not.toContain(first.data.accountByUid.backupCodes[0]);
  });

  it("an unknown account is null, with no security call", async () => {
    const res = await stack.gql('{ accountByUid(uid: "nobody") { passkeys { id } backupCodes } }');
    expect(res).toMatchObject({ data: { accountByUid: null } });
    expect(res.errors).toBeUndefined();
    expect(await stack.routes()).toEqual([`GET ${M}/{uid}`]);
  });
});

describe("Account security mutations", () => {
  it("resets each authenticator kind; a reset is visible, a second one is FAILED_PRECONDITION", async () => {
    for (const kind of [
      "SMS_OTP",
      "AUTHENTICATOR_APP",
      "EMAIL_OTP",
      "SECURITY_QUESTION",
      "PASSKEY",
      "DUO",
    ]) {
      const res = await stack.gql(
        `mutation { resetAuthenticator(uid: "${MARGARET}", kind: ${kind}) { uid } }`,
      );
      expect(res.data?.resetAuthenticator, kind).toEqual({ uid: MARGARET });
    }
    const push = await stack.gql(
      `mutation { resetAuthenticator(uid: "${MARGARET}", kind: PUSH) { uid account { uid } } }`,
    );
    expect(push.data.resetAuthenticator).toEqual({ uid: MARGARET, account: { uid: MARGARET } });
    const again = await stack.gql(
      `mutation { resetAuthenticator(uid: "${MARGARET}", kind: DUO) { uid } }`,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: "FAILED_PRECONDITION",
      loginradius: { errorCode: 1334 },
    });
    // The last factor's reset dropped the backup codes: none configured now.
    const codes = await stack.gql(`mutation { resetBackupCodes(uid: "${MARGARET}") { codes } }`);
    expect(codes.errors?.[0]?.extensions?.loginradius?.errorCode).toBe(1101);
    expect(stack.audit.map((a) => a.field)).toContain("Mutation.resetAuthenticator");
    expect(stack.audit.every((a) => a.uid === MARGARET)).toBe(true);
  });

  it("resetBackupCodes returns ten new codes that replace the demo ones", async () => {
    const res = await stack.gql(`mutation { resetBackupCodes(uid: "${ADA}") { uid codes } }`);
    expect(res.data.resetBackupCodes.uid).toBe(ADA);
    expect(res.data.resetBackupCodes.codes).toHaveLength(10);
    expect(res.data.resetBackupCodes.codes).not.toContain(demoBackupCodes(ADA)[0]);
    expect(stack.audit).toEqual([
      expect.objectContaining({ field: "Mutation.resetBackupCodes", uid: ADA, outcome: "ok" }),
    ]);
    expect(JSON.stringify(stack.audit)).not.toContain(res.data.resetBackupCodes.codes[0]);
  });

  it("removePasskey removes it (gone on the next read); an unknown one is NOT_FOUND", async () => {
    const before = await stack.gql(`{ accountByUid(uid: "${ADA}") { passkeys { id } } }`);
    const [first] = before.data.accountByUid.passkeys;
    const res = await stack.gql(
      `mutation { removePasskey(uid: "${ADA}", passkeyId: "${first.id}") { uid account { passkeys { id } } } }`,
    );
    expect(res.data.removePasskey.account.passkeys).toHaveLength(1);
    expect(res.data.removePasskey.account.passkeys[0].id).not.toBe(first.id);
    const again = await stack.gql(
      `mutation { removePasskey(uid: "${ADA}", passkeyId: "${first.id}") { uid } }`,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "passkeyId" });
  });

  it("unlockAccount clears the lock with the documented profile update", async () => {
    const res = await stack.gql(
      `mutation { unlockAccount(uid: "${KATHERINE}") { uid lockState { locked lockedType } } }`,
    );
    expect(res.data.unlockAccount).toEqual({
      uid: KATHERINE,
      lockState: { locked: false, lockedType: null },
    });
    const [call] = await stack.calls();
    expect(call?.route).toBe(`PUT ${M}/{uid}`);
    const read = await stack.gql(`{ accountByUid(uid: "${KATHERINE}") { isLoginLocked } }`);
    expect(read.data.accountByUid.isLoginLocked).toBe(false);
  });

  it("validateReauthentication: the demo token is valid for its kind only", async () => {
    const pin = demoReauthToken(ADA, "pin");
    const res = await stack.gql(`mutation {
      ok: validateReauthentication(uid: "${ADA}", kind: PIN, token: "${pin}") { uid kind valid }
      wrongKind: validateReauthentication(uid: "${ADA}", kind: PASSWORD, token: "${pin}") { valid }
      otherAccount: validateReauthentication(uid: "${MARGARET}", kind: PIN, token: "${pin}") { valid }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      ok: { uid: ADA, kind: "PIN", valid: true },
      wrongKind: { valid: false },
      otherAccount: { valid: false },
    });
    expect(JSON.stringify(stack.audit)).not.toContain(pin);
  });

  it.each([
    [`resetAuthenticator(uid: "nobody", kind: PUSH) { uid }`],
    [`resetBackupCodes(uid: "nobody") { codes }`],
    [`removePasskey(uid: "nobody", passkeyId: "abc") { uid }`],
    [`unlockAccount(uid: "nobody") { uid }`],
    [`validateReauthentication(uid: "nobody", kind: PIN, token: "abc") { valid }`],
  ])("%s is NOT_FOUND for an unknown account", async (field) => {
    const res = await stack.gql(`mutation { ${field} }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it.each([
    [`resetAuthenticator(uid: "a/b", kind: PUSH) { uid }`],
    [`removePasskey(uid: "${ADA}", passkeyId: "a.b") { uid }`],
    [`validateReauthentication(uid: "${ADA}", kind: PIN, token: "") { valid }`],
    [`unlockAccount(uid: "${"x".repeat(51)}") { uid }`],
  ])("%s is BAD_USER_INPUT with no upstream call", async (field) => {
    const res = await stack.gql(`mutation { ${field} }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await stack.calls()).toEqual([]);
  });
});

describe("never retried under an injected 500", () => {
  const CASES: [string, string][] = [
    [
      `resetAuthenticator(uid: "${MARGARET}", kind: SMS_OTP) { uid }`,
      `DELETE ${M}/2fa/authenticator`,
    ],
    [
      `resetAuthenticator(uid: "${MARGARET}", kind: AUTHENTICATOR_APP) { uid }`,
      `DELETE ${M}/2fa/authenticator`,
    ],
    [
      `resetAuthenticator(uid: "${MARGARET}", kind: EMAIL_OTP) { uid }`,
      `DELETE ${M}/2fa/authenticator/otp/email`,
    ],
    [
      `resetAuthenticator(uid: "${MARGARET}", kind: SECURITY_QUESTION) { uid }`,
      `DELETE ${M}/2fa/authenticator/securityquestionanswer`,
    ],
    [
      `resetAuthenticator(uid: "${MARGARET}", kind: DUO) { uid }`,
      `DELETE ${M}/2fa/authenticator/duo`,
    ],
    [
      `resetAuthenticator(uid: "${MARGARET}", kind: PUSH) { uid }`,
      `DELETE ${M}/2fa/authenticator/push/{uid}`,
    ],
    [`resetBackupCodes(uid: "${ADA}") { codes }`, `GET ${M}/2fa/backupcode/reset`],
    [`removePasskey(uid: "${ADA}", passkeyId: "abc") { uid }`, `DELETE ${M}/passkey/{passkeyid}`],
    [
      `validateReauthentication(uid: "${ADA}", kind: PIN, token: "abc") { valid }`,
      `POST ${M}/{uid}/reauth/pin`,
    ],
  ];

  it.each(CASES)("%s", async (field, route) => {
    await fault500(route);
    const res = await stack.gql(`mutation { ${field} }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_OUTCOME_UNKNOWN");
    expect(await stack.routes()).toEqual([route]);
  });

  it("Account.backupCodes (its first read mints codes)", async () => {
    await fault500(`GET ${M}/2fa/backupcode`);
    const res = await stack.gql(`{ accountByUid(uid: "${ALAN}") { backupCodes } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_OUTCOME_UNKNOWN");
    expect(res.errors?.[0]?.message).toContain("resetBackupCodes");
    expect((await stack.routes()).filter((r) => r.includes("backupcode"))).toHaveLength(1);
  });

  it("while the passkey and consent reads are retried", async () => {
    await stack.lr.control("POST", "/faults", {
      kind: "error",
      status: 500,
      count: 1,
      route: `GET ${M}/passkey`,
    });
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { passkeys { id } } }`);
    expect(res.data.accountByUid.passkeys).toHaveLength(2);
    expect((await stack.routes()).filter((r) => r.endsWith("/passkey"))).toHaveLength(2);
  });
});
