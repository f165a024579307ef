import { describe, expect, it } from "vitest";
import { UpstreamError } from "../loginradius/upstream-error.js";
import { KEY_FIELDS } from "./account.fields.js";
import { AccountLoaders } from "./account.loaders.js";
import { accountsClientDouble } from "./accounts.client.double.js";
import type { WireProfile } from "./accounts.wire.js";

const ada: WireProfile = {
  Uid: "ada",
  Email: [{ Type: "Primary", Value: "ada@example.com" }],
  PhoneId: "+14155550101",
  UserName: "ada",
  FirstName: "Ada",
  LastName: "Lovelace",
};

/** A client double that records calls and answers from one profile. */
const stubClient = () => {
  const calls: string[] = [];
  const answer = (key: string, fields?: string) => {
    calls.push(`${key} ${fields}`);
    if (key !== "ada" && key !== "ada@example.com" && key !== "+14155550101")
      return Promise.reject(new UpstreamError("rejected", "GET", 403, 938));
    const keep = new Set(fields?.split(","));
    return Promise.resolve(
      Object.fromEntries(Object.entries(ada).filter(([k]) => keep.has(k))) as WireProfile,
    );
  };
  const client = accountsClientDouble({
    getByUid: (uid, fields) => answer(uid, fields),
    getByEmail: (email, fields) => answer(email, fields),
    getByPhone: (phone, fields) => answer(phone, fields),
  });
  return { client, calls };
};

const keys = (...extra: string[]) => new Set([...KEY_FIELDS, ...extra]);

describe("AccountLoaders", () => {
  it("asks once per key for the union of what the tick's loads need", async () => {
    const { client, calls } = stubClient();
    const loaders = new AccountLoaders(client);
    const [a, b] = await Promise.all([
      loaders.byUid.load("ada", keys("FirstName")),
      loaders.byUid.load("ada", keys("LastName")),
    ]);
    expect(calls).toEqual(["ada Email,FirstName,LastName,PhoneId,Uid,UserName"]);
    expect(a).toBe(b);
  });

  it("fetches again when a later load needs more than the cache holds", async () => {
    const { client, calls } = stubClient();
    const loaders = new AccountLoaders(client);
    await loaders.byUid.load("ada", keys("FirstName"));
    expect((await loaders.byUid.load("ada", keys("FirstName")))?.FirstName).toBe("Ada");
    const more = await loaders.byUid.load("ada", keys("LastName"));
    expect(more?.LastName).toBe("Lovelace");
    expect(more?.FirstName).toBe("Ada");
    expect(calls).toHaveLength(2);
  });

  it("primes the UID and phone loaders with an account found by email", async () => {
    const { client, calls } = stubClient();
    const loaders = new AccountLoaders(client);
    await loaders.byEmail.load("ADA@example.com", keys("FirstName"));
    expect((await loaders.byUid.load("ada", keys("FirstName")))?.FirstName).toBe("Ada");
    expect((await loaders.byPhone.load("+14155550101", keys()))?.Uid).toBe("ada");
    expect(calls).toHaveLength(1);
  });

  it("answers null for an unknown account and an Error for a failed one", async () => {
    const { client } = stubClient();
    const loaders = new AccountLoaders(client);
    expect(await loaders.byUid.load("nobody", keys())).toBeNull();
    const failing = new AccountLoaders(
      accountsClientDouble({
        getByUid: () => Promise.reject(new UpstreamError("unavailable", "GET", 503)),
      }),
    );
    await expect(failing.byUid.load("ada", keys())).rejects.toBeInstanceOf(UpstreamError);
  });

  it("forgets every key of an account after a write", async () => {
    const { client, calls } = stubClient();
    const loaders = new AccountLoaders(client);
    await loaders.byEmail.load("ada@example.com", keys());
    loaders.forget("ada");
    await loaders.byUid.load("ada", keys());
    await loaders.byEmail.load("ada@example.com", keys());
    await loaders.byPhone.load("+14155550101", keys());
    expect(calls).toHaveLength(3);
  });
});

describe("AccountLoaders.forgetEmail", () => {
  it("forgets every account that had the email, by any key", async () => {
    const { client, calls } = stubClient();
    const loaders = new AccountLoaders(client);
    await loaders.byUid.load("ada", keys()); // primes the phone loader too
    loaders.forgetEmail("ADA@example.com");
    await loaders.byPhone.load("+14155550101", keys());
    expect(calls.map((c) => c.split(" ")[0])).toEqual(["ada", "+14155550101"]);
  });
});
