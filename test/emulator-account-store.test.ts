import { afterEach, describe, expect, it, vi } from "vitest";
import { AccountStore } from "../src/emulator/accounts/account.store.js";
import type { StoredProfile } from "../src/emulator/accounts/profile.js";
import { demoAccounts } from "../src/emulator/accounts/seed.js";

const COUNT = 5_000;

const seededStore = (records: StoredProfile[]): AccountStore => {
  const store = new AccountStore(
    () => records,
    (entry) => store.apply(entry),
  );
  for (const entry of store.seedEntries()) store.apply(entry);
  return store;
};

/**
 * Counts iterations over any Map or Set holding at least `COUNT / 2` entries: a lookup that scans
 * the accounts (or an index) instead of hashing into it touches one of those.
 */
const spyOnLargeIterations = () => {
  const large = (self: unknown) => (self as Map<unknown, unknown>).size >= COUNT / 2;
  const counted: string[] = [];
  for (const proto of [Map.prototype, Set.prototype] as const) {
    for (const name of ["values", "keys", "entries", "forEach", Symbol.iterator] as const) {
      const original = proto[name as keyof typeof proto] as (...args: unknown[]) => unknown;
      vi.spyOn(proto, name as never).mockImplementation(function (
        this: unknown,
        ...args: unknown[]
      ) {
        if (large(this)) counted.push(String(name));
        return original.apply(this, args);
      } as never);
    }
  }
  return counted;
};

describe("AccountStore lookups", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const records = demoAccounts(COUNT);
  const store = seededStore(records);
  const last = records.at(-1) as StoredProfile;
  const withPhone = records.findLast((r) => typeof r.PhoneId === "string") as StoredProfile;
  const withUserName = records.findLast((r) => typeof r.UserName === "string") as StoredProfile;

  it("finds by UID, email, phone and user name without iterating the accounts", () => {
    const iterations = spyOnLargeIterations();
    expect(store.get(last.Uid)?.Uid).toBe(last.Uid);
    expect(store.uidsByEmail(last.Email?.[0]?.Value.toUpperCase() as string)).toEqual([last.Uid]);
    expect(store.uidByPhone(withPhone.PhoneId as string)).toBe(withPhone.Uid);
    expect(store.uidByUserName((withUserName.UserName as string).toUpperCase())).toBe(
      withUserName.Uid,
    );
    expect(iterations).toEqual([]);
  });

  it("would notice a scan: iterating the accounts is counted", () => {
    const iterations = spyOnLargeIterations();
    const scanned = [
      ...(store as unknown as { accounts: Map<string, StoredProfile> }).accounts.values(),
    ];
    expect(scanned.find((r) => r.Uid === last.Uid)).toBeDefined();
    expect(iterations.length).toBeGreaterThan(0);
  });

  it("keeps the indexes right through a write: a changed email and phone find the account", () => {
    const iterations = spyOnLargeIterations();
    store.put({
      ...last,
      Email: [{ Type: "Primary", Value: "moved@example.net" }],
      PhoneId: "+15557654321",
    });
    expect(store.uidsByEmail(last.Email?.[0]?.Value as string)).toEqual([]);
    expect(store.uidsByEmail("moved@example.net")).toEqual([last.Uid]);
    expect(store.uidByPhone("15557654321")).toBe(last.Uid);
    expect(iterations).toEqual([]);
  });
});
