import { describe, expect, it } from "vitest";
import { KEY_FIELDS } from "./account.fields.js";
import { AccountRepository } from "./account.repository.js";
import { accountsClientDouble } from "./accounts.client.double.js";
import type { WireProfile } from "./accounts.wire.js";

const profile: WireProfile = {
  Uid: "ada",
  Email: [{ Type: "Primary", Value: "ada@example.com" }],
  PhoneId: "+14155550101",
  UserName: "ada",
};
const KEYS = new Set<string>(KEY_FIELDS);
const posted = async () => ({ IsPosted: true });
const deleted = async () => ({ IsDeleted: true });

/** A repository over a double that counts profile reads. */
const setup = () => {
  let reads = 0;
  const client = accountsClientDouble({
    getByUid: async () => {
      reads++;
      return { ...profile };
    },
    getByEmail: async () => {
      reads++;
      return { ...profile };
    },
    setPassword: async () => ({ PasswordHash: null }),
    updateUid: posted,
    invalidateEmailVerification: posted,
    resetPhoneIdVerification: posted,
    deleteByUid: deleted,
    deleteByEmail: deleted,
    updateAccount: async () => ({ ...profile, FirstName: "New" }),
  });
  return { repository: new AccountRepository(client), reads: () => reads };
};

/** Every write that answers with a flag, by name. */
const WRITES: [string, (r: AccountRepository) => Promise<unknown>][] = [
  ["setPassword", (r) => r.setPassword("ada", "pw")],
  ["updateUid", (r) => r.updateUid("ada", "ada-2")],
  ["invalidateEmailVerification", (r) => r.invalidateEmailVerification("ada", {})],
  ["resetPhoneIdVerification", (r) => r.resetPhoneIdVerification("ada", {})],
  ["deleteByUid", (r) => r.deleteByUid("ada")],
  ["deleteByEmail", (r) => r.deleteByEmail("ada@example.com")],
];

describe("AccountRepository: writes maintain the request's cache", () => {
  it.each(WRITES)("%s forgets the account, so the next read asks again", async (_, write) => {
    const { repository, reads } = setup();
    await repository.byUid("ada", KEYS);
    await repository.byEmail("ada@example.com", KEYS);
    await repository.byUid("ada", KEYS);
    expect(reads()).toBe(2);
    await write(repository);
    await repository.byUid("ada", KEYS);
    expect(reads()).toBe(3);
  });

  it("makes a write's answered profile what later reads get, with no call", async () => {
    const { repository, reads } = setup();
    expect((await repository.byUid("ada", KEYS))?.FirstName).toBeUndefined();
    await repository.update("ada", { FirstName: "New" }, false, new Set([...KEYS, "FirstName"]));
    expect((await repository.byUid("ada", new Set([...KEYS, "FirstName"])))?.FirstName).toBe("New");
    expect(reads()).toBe(1);
  });
});

/**
 * A double whose stored password hash changes with `setPassword`, counting hash reads. Grace has
 * an email only: no phone ID or user name would let another loader's forget clear her hash too.
 */
const hashWorld = (account: WireProfile) => {
  let hash = "hash-0";
  let hashReads = 0;
  const client = accountsClientDouble({
    getByUid: async () => ({ ...account }),
    getPasswordHash: async () => {
      hashReads++;
      return { PasswordHash: hash };
    },
    setPassword: async (_uid, password) => {
      hash = `hash-of-${password}`;
      return { PasswordHash: hash };
    },
  });
  return { repository: new AccountRepository(client), hashReads: () => hashReads };
};
const grace: WireProfile = { Uid: "grace", Email: [{ Type: "Primary", Value: "g@example.com" }] };

describe("AccountRepository: a password write forgets the cached password hash", () => {
  it.each([
    ["an email-only account", grace],
    ["an account with a phone ID and user name", { ...profile, Uid: "grace" }],
  ])("%s: the hash read after setPassword is the new one", async (_, account) => {
    const { repository, hashReads } = hashWorld(account);
    await repository.byUid("grace", KEYS);
    expect(await repository.passwordHash("grace")).toEqual({ PasswordHash: "hash-0" });
    expect(await repository.passwordHash("grace")).toEqual({ PasswordHash: "hash-0" });
    expect(hashReads()).toBe(1);
    await repository.setPassword("grace", "N3w-secret");
    await repository.byUid("grace", KEYS);
    expect(await repository.passwordHash("grace")).toEqual({ PasswordHash: "hash-of-N3w-secret" });
    expect(hashReads()).toBe(2);
  });
});
