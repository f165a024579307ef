import { describe, expect, it } from "vitest";
import { startInProcess } from "../../test/helpers/in-process.js";
import type { WireProfile } from "../accounts/index.js";
import { accountsClientDouble } from "../accounts/index.js";
import { connectDoubles } from "../context.js";
import { UpstreamError } from "../loginradius/upstream-error.js";
import { securityClientDouble } from "./security.client.double.js";
import type { SecurityClient } from "./security.client.js";

/**
 * The Account Security resolvers in process over client doubles: validation before any call,
 * one read per account per request, write-through, the step-up answer. HTTP cases: test/security.test.ts.
 */
const rejected = (code: number) => Promise.reject(new UpstreamError("rejected", "x", 403, code));

const CODES = Array.from({ length: 10 }, (_, i) => `code${i}-aaaaa`);
const FRESH = Array.from({ length: 10 }, (_, i) => `new${i}-bbbbb`);

const start = (given: Partial<SecurityClient> = {}) => {
  const calls: string[] = [];
  let profile: WireProfile = { Uid: "ada", IsLoginLocked: true, LoginLockedType: "Suspended" };
  const accounts = accountsClientDouble({
    getByUid: async (uid) => {
      calls.push(`getByUid ${uid}`);
      return uid === "ada" ? { ...profile } : rejected(938);
    },
    updateAccount: async (uid, body, nullSupport) => {
      calls.push(`updateAccount ${uid} ${JSON.stringify(body)} ${nullSupport}`);
      profile = { ...profile, ...body, LoginLockedType: "None" };
      return { ...profile };
    },
  });
  const security = securityDouble(calls, given);
  return startInProcess({ connect: connectDoubles({ accounts, security }) }).then((app) => ({
    ...app,
    calls,
  }));
};

/** The security client double: demo answers, every call recorded as `method uid ...`. */
const securityDouble = (calls: string[], given: Partial<SecurityClient>) =>
  securityClientDouble({
    backupCodes: async (uid) => {
      calls.push(`backupCodes ${uid}`);
      return { BackUpCodes: CODES };
    },
    passkeys: async (uid) => {
      calls.push(`passkeys ${uid}`);
      return { Credentials: [{ Id: "pk1", Identifier: "h", CreatedAt: "2024-06-03T08:40:58Z" }] };
    },
    consentLogs: async (uid) => {
      calls.push(`consentLogs ${uid}`);
      return {
        Uid: uid,
        ConsentLogs: [
          {
            Id: "c1",
            UpdateType: "Default",
            LoggedOnDate: "2024-01-15T09:31:00Z",
            CurrentConsentFormsVersions: [{ Event: "Register", Version: 1, IsCustom: false }],
            ConsentLogs: [{ ConsentId: "email_consent", Event: "Subscribe" }],
          },
        ],
      };
    },
    resetBackupCodes: async (uid) => {
      calls.push(`resetBackupCodes ${uid}`);
      return { BackUpCodes: FRESH };
    },
    removePasskey: async (uid, id) => {
      calls.push(`removePasskey ${uid} ${id}`);
      return { IsDeleted: true };
    },
    resetAuthenticator: async (uid, kind) => {
      calls.push(`resetAuthenticator ${uid} ${kind}`);
      return { IsDeleted: true };
    },
    validateReauth: async (uid, kind, token) => {
      calls.push(`validateReauth ${uid} ${kind}`);
      return token === "good" ? { IsValid: true } : rejected(1193);
    },
    ...given,
  });

describe("Account security reads in process", () => {
  it("reads each security field once per account, however often it is selected", async () => {
    const app = await start();
    const res = await app.run(`{
      a: accountByUid(uid: "ada") { backupCodes passkeys { id createdAt } consentLogs { id } }
      b: accountsByUids(uids: ["ada", "ada"]) { backupCodes passkeys { identifier } consentLogs {
        updateType loggedAt formVersions { event version isCustom } consents { consentId event } } }
    }`);
    expect(res.errors).toBeUndefined();
    // As a client reads it: dates serialized.
    const data = JSON.parse(JSON.stringify(res.data));
    expect(data.a.backupCodes).toEqual(CODES);
    expect(data.a.passkeys).toEqual([{ id: "pk1", createdAt: "2024-06-03T08:40:58.000Z" }]);
    expect(data.b[1].consentLogs).toEqual([
      {
        updateType: "Default",
        loggedAt: "2024-01-15T09:31:00.000Z",
        formVersions: [{ event: "Register", version: 1, isCustom: false }],
        consents: [{ consentId: "email_consent", event: "Subscribe" }],
      },
    ]);
    expect([...app.calls].sort()).toEqual([
      "backupCodes ada",
      "consentLogs ada",
      "getByUid ada",
      "passkeys ada",
    ]);
  });

  it("reads the lock state from the profile keys, with no call of its own", async () => {
    const app = await start();
    const res = await app.run(
      '{ accountByUid(uid: "ada") { lockState { locked lockedType lockedUntil } } }',
    );
    expect(res.data.accountByUid.lockState).toEqual({
      locked: true,
      lockedType: "Suspended",
      lockedUntil: null,
    });
    expect(app.calls).toEqual(["getByUid ada"]);
  });

  it("turns 1127 into FAILED_PRECONDITION pointing at resetBackupCodes, the rest answered", async () => {
    const app = await start({ backupCodes: () => rejected(1127) });
    const res = await app.run('{ accountByUid(uid: "ada") { uid backupCodes } }');
    expect(res.data.accountByUid).toEqual({ uid: "ada", backupCodes: null });
    expect(res.errors?.[0]).toMatchObject({
      path: ["accountByUid", "backupCodes"],
      extensions: { code: "FAILED_PRECONDITION" },
    });
    expect(res.errors?.[0]?.message).toContain("resetBackupCodes");
  });
});

describe("Account security mutations in process", () => {
  it("refuses bad arguments with BAD_USER_INPUT before any call", async () => {
    const app = await start();
    for (const op of [
      'mutation { resetAuthenticator(uid: "a b", kind: DUO) { uid } }',
      'mutation { removePasskey(uid: "ada", passkeyId: "../x") { uid } }',
      'mutation { removePasskey(uid: "ada", passkeyId: "") { uid } }',
      'mutation { validateReauthentication(uid: "ada", kind: PIN, token: "") { valid } }',
      'mutation { validateReauthentication(uid: "ada", kind: PIN, token: "a b") { valid } }',
      'mutation { unlockAccount(uid: "") { uid } }',
      'mutation { resetBackupCodes(uid: "x/y") { codes } }',
    ]) {
      const res = await app.run(op);
      expect(res.errors?.[0]?.extensions?.code, op).toBe("BAD_USER_INPUT");
    }
    const res = await app.run('mutation { resetAuthenticator(uid: "ada", kind: SMS) { uid } }');
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(app.calls).toEqual([]);
  });

  it("primes the backup codes a reset returned: a later read in the request makes no call", async () => {
    const app = await start();
    const res = await app.run(`mutation {
      resetBackupCodes(uid: "ada") { uid codes }
      unlockAccount(uid: "ada") { backupCodes }
    }`);
    expect(res.data.resetBackupCodes).toEqual({ uid: "ada", codes: FRESH });
    expect(res.data.unlockAccount.backupCodes).toEqual(FRESH);
    expect(app.calls.filter((c) => c.startsWith("backupCodes"))).toEqual([]);
  });

  it("forgets the passkeys a removal changed, and the backup codes an authenticator reset may drop", async () => {
    const app = await start();
    const res = await app.run(`mutation {
      before: unlockAccount(uid: "ada") { passkeys { id } backupCodes }
      removePasskey(uid: "ada", passkeyId: "pk1") { uid account { passkeys { id } } }
      resetAuthenticator(uid: "ada", kind: AUTHENTICATOR_APP) { uid account { backupCodes } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(app.calls.filter((c) => c.startsWith("passkeys"))).toHaveLength(2);
    expect(app.calls.filter((c) => c.startsWith("backupCodes"))).toHaveLength(2);
    expect(app.calls).toContain("resetAuthenticator ada AUTHENTICATOR_APP");
  });
});

describe("unlock and step-up in process", () => {
  it("unlocks through the accounts repository: the documented profile update", async () => {
    const app = await start();
    const res = await app.run(`mutation {
      unlockAccount(uid: "ada") { uid isLoginLocked lockState { locked lockedType } }
    }`);
    expect(res.data.unlockAccount).toEqual({
      uid: "ada",
      isLoginLocked: false,
      lockState: { locked: false, lockedType: null },
    });
    expect(app.calls).toEqual(['updateAccount ada {"IsLoginLocked":false} false']);
  });

  it("answers valid: false for an invalid step-up token, not an error", async () => {
    const app = await start();
    const res = await app.run(`mutation {
      good: validateReauthentication(uid: "ada", kind: TWO_FACTOR, token: "good") { uid kind valid }
      bad: validateReauthentication(uid: "ada", kind: PASSWORD, token: "bad") { valid }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      good: { uid: "ada", kind: "TWO_FACTOR", valid: true },
      bad: { valid: false },
    });
  });

  it("maps the reset codes to typed errors", async () => {
    const cases: [number, string][] = [
      [938, "NOT_FOUND"],
      [1099, "FAILED_PRECONDITION"],
      [1101, "FAILED_PRECONDITION"],
      [1313, "FAILED_PRECONDITION"],
      [1334, "FAILED_PRECONDITION"],
      [1325, "NOT_FOUND"],
    ];
    for (const [code, expected] of cases) {
      const app = await start({
        resetAuthenticator: () => rejected(code),
        removePasskey: () => rejected(code),
      });
      const res = await app.run(`mutation {
        resetAuthenticator(uid: "ada", kind: DUO) { uid }
      }`);
      expect(res.errors?.[0]?.extensions?.code, String(code)).toBe(expected);
    }
  });
});
