import { describe, expect, it } from "vitest";
import { startInProcess } from "../../test/helpers/in-process.js";
import { connectDoubles } from "../context.js";
import { UpstreamError } from "../loginradius/upstream-error.js";
import { accountsClientDouble } from "./accounts.client.double.js";
import type { AccountsClient } from "./accounts.client.js";
import type { WireProfile } from "./accounts.wire.js";

/**
 * The Accounts resolvers in process (Apollo's executeOperation, the real schema, limits and
 * formatter) over a client double: no HTTP, no emulator. End-to-end cases live in test/.
 */
const ada: WireProfile = {
  Uid: "ada",
  Email: [{ Type: "Primary", Value: "ada@example.com" }],
  PhoneId: "+14155550101",
  PhoneIdVerified: true,
  UserName: "ada",
  FirstName: "Ada",
};

const notFound = () => Promise.reject(new UpstreamError("rejected", "GET", 404, 938));

/** A double answering from one mutable profile, recording each call as `method arg fields`. */
const world = (given: Partial<AccountsClient> = {}) => {
  const calls: string[] = [];
  let profile: WireProfile = { ...ada };
  const read = (name: string, key: string, fields?: string) => {
    calls.push(`${name} ${key} ${fields ?? ""}`.trim());
    return key === "ada" || key === "ada@example.com"
      ? Promise.resolve({ ...profile })
      : notFound();
  };
  const client = accountsClientDouble({
    getByUid: (uid, fields) => read("getByUid", uid, fields),
    getByEmail: (email, fields) => read("getByEmail", email, fields),
    resetPhoneIdVerification: async (uid) => {
      calls.push(`resetPhoneIdVerification ${uid}`);
      profile = { ...profile, PhoneIdVerified: false };
      return { IsPosted: true };
    },
    updateAccount: async (uid, body, _nullSupport, fields) => {
      calls.push(`updateAccount ${uid} ${fields}`);
      profile = { ...profile, ...body };
      return { ...profile };
    },
    ...given,
  });
  return { client, calls };
};

const start = (given: Partial<AccountsClient> = {}) => {
  const { client, calls } = world(given);
  return startInProcess({ connect: connectDoubles({ accounts: client }) }).then((app) => ({
    ...app,
    calls,
  }));
};

describe("account queries in process", () => {
  it("asks for the selection's keys and maps the profile", async () => {
    const { run, calls } = await start();
    const res = await run('{ accountByUid(uid: "ada") { uid firstName primaryEmail } }');
    expect(res.data).toEqual({
      accountByUid: { uid: "ada", firstName: "Ada", primaryEmail: "ada@example.com" },
    });
    expect(calls).toEqual(["getByUid ada Email,FirstName,PhoneId,Uid,UserName"]);
  });

  it("answers null for an unknown account and shares one read between routes", async () => {
    const { run, calls } = await start();
    const res = await run(`{
      nobody: accountByUid(uid: "nobody") { uid }
      e: accountByEmail(email: "ada@example.com") { uid }
    }`);
    expect(res.data).toEqual({ nobody: null, e: { uid: "ada" } });
    const again = await run('{ accountsByUids(uids: ["ada", "ada"]) { uid } }');
    expect(again.data.accountsByUids).toEqual([{ uid: "ada" }, { uid: "ada" }]);
    expect(calls.filter((c) => c.startsWith("getByUid ada"))).toHaveLength(1);
  });

  it("reads passwordHash and privacyPolicyHistory through their own calls", async () => {
    const { run } = await start({
      getPasswordHash: async () => ({ PasswordHash: "hash" }),
      privacyPolicyHistory: async () => ({ Uid: "ada", Current: null, History: null }),
    });
    const res = await run(
      '{ accountByUid(uid: "ada") { passwordHash privacyPolicyHistory { current { version } history { version } } } }',
    );
    expect(res.data.accountByUid).toEqual({
      passwordHash: "hash",
      privacyPolicyHistory: { current: null, history: [] },
    });
  });

  it("turns an upstream failure into its code, and refuses bad input before any call", async () => {
    const { run, calls } = await start({
      getByEmail: () => Promise.reject(new UpstreamError("unavailable", "GET", 503)),
    });
    const failed = await run('{ accountByEmail(email: "ada@example.com") { uid } }');
    expect(failed.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
    const refused = await run('{ accountByUid(uid: "../role/admin") { uid } }');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "uid" });
    expect(calls).toEqual([]);
  });
});

describe("account mutations in process: the repository keeps the cache right", () => {
  it("re-reads an account after each write that answers with a flag", async () => {
    const { run, calls } = await start();
    const res = await run(`mutation {
      first: resetPhoneIdVerification(uid: "ada") { account { phoneVerified } }
      second: resetPhoneIdVerification(uid: "ada") { account { phoneVerified } }
    }`);
    expect(res.data).toEqual({
      first: { account: { phoneVerified: false } },
      second: { account: { phoneVerified: false } },
    });
    expect(calls.map((c) => c.split(" ")[0])).toEqual([
      "resetPhoneIdVerification",
      "getByUid",
      "resetPhoneIdVerification",
      "getByUid",
    ]);
  });

  it("serves a write's answer to a later read of the same account without a call", async () => {
    const { run, calls } = await start();
    const res = await run(`mutation {
      updateAccount(uid: "ada", input: { firstName: "Augusta" }) { firstName }
      resetPhoneIdVerification(uid: "ada") { uid }
    }`);
    expect(res.data.updateAccount).toEqual({ firstName: "Augusta" });
    expect(calls).toEqual([
      "updateAccount ada Email,FirstName,PhoneId,Uid,UserName",
      "resetPhoneIdVerification ada",
    ]);
  });
});

describe("account mutations in process: a password write and the hash in one operation", () => {
  it("answers each payload's passwordHash after its own write, not a hash cached before it", async () => {
    // An email-only account: no phone ID or user name primes another loader whose forget
    // would clear the hash by the way; the repository's own forget must.
    let hash = "hash-0";
    const { run, calls } = await start({
      getByUid: async (uid) => {
        calls.push(`getByUid ${uid}`);
        return { Uid: uid, Email: [{ Type: "Primary", Value: "grace@example.com" }] };
      },
      getPasswordHash: async (uid) => {
        calls.push(`getPasswordHash ${uid}`);
        return { PasswordHash: hash };
      },
      setPassword: async (uid, password) => {
        calls.push(`setPassword ${uid}`);
        hash = `hash-of-${password}`;
        return { PasswordHash: hash };
      },
    });
    const res = await run(`mutation {
      first: setAccountPassword(uid: "grace", password: "Fir5t-secret!", reason: "ticket 17") { account { passwordHash } }
      second: setAccountPassword(uid: "grace", password: "Sec0nd-secret!", reason: "ticket 17") { account { passwordHash } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      first: { account: { passwordHash: "hash-of-Fir5t-secret!" } },
      second: { account: { passwordHash: "hash-of-Sec0nd-secret!" } },
    });
    expect(calls.filter((c) => c.startsWith("getPasswordHash"))).toHaveLength(2);
  });
});

describe("account mutations in process: input and payloads", () => {
  it("refuses an empty change and a forgot-password token for nobody, with no call", async () => {
    const { run, calls } = await start();
    const empty = await run('mutation { updateAccount(uid: "ada", input: {}) { uid } }');
    expect(empty.errors?.[0]).toMatchObject({
      message: "input has no field to change.",
      extensions: { code: "BAD_USER_INPUT", field: "input" },
    });
    const nobody = await run("mutation { generateForgotPasswordToken { token } }");
    expect(nobody.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "email" });
    expect(calls).toEqual([]);
  });

  it("maps token and delete answers through the mapper", async () => {
    const { run } = await start({
      forgotPasswordToken: async () => ({ ForgotToken: "t0k", IdentityProviders: null }),
      deleteByEmail: async () => ({ IsDeleted: true, RecordsDeleted: 2 }),
      revokeAllRefreshTokens: async () => ({ IsDeleted: true }),
    });
    const res = await run(`mutation {
      generateForgotPasswordToken(email: "ada@example.com") { token identityProviders emailSent }
      deleteAccountsByEmail(email: "ada@example.com", reason: "ticket 1") { email deletedCount }
      revokeAllRefreshTokens(uid: "ada") { revoked }
    }`);
    expect(res.data).toEqual({
      generateForgotPasswordToken: { token: "t0k", identityProviders: [], emailSent: false },
      deleteAccountsByEmail: { email: "ada@example.com", deletedCount: 2 },
      revokeAllRefreshTokens: { revoked: true },
    });
  });
});
