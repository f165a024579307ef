import { describe, expect, it } from "vitest";
import type { StoredProfile } from "../accounts/index.js";
import type { ObservedWrite, SliceEntry, StoreSlice } from "../core/section.js";
import { eventsOf } from "./event-map.js";

const BEFORE: StoredProfile = {
  Uid: "ada",
  FirstName: "Ada",
  Email: [{ Type: "Primary", Value: "ada@example.com" }],
  EmailVerified: true,
  PhoneId: "+16045550100",
  PhoneIdVerified: true,
  UserName: "ada",
  IsActive: true,
  Roles: ["admin"],
  Identities: [],
  Password: "hash-1",
  LastLoginDate: "2026-01-01T00:00:00.0000000Z",
};

/** One accounts write of `after` over BEFORE, as the storage hands it to observers. */
const write = (after: Partial<StoredProfile> | null): ObservedWrite => {
  const accounts = { get: (uid: string) => (uid === "ada" ? BEFORE : undefined) };
  const entry: SliceEntry =
    after === null
      ? ({ t: "del", uid: "ada" } as SliceEntry)
      : ({ t: "put", r: { ...BEFORE, ...after } } as SliceEntry);
  return {
    section: "accounts",
    entry,
    slices: new Map([["accounts", accounts as unknown as StoreSlice]]),
    origin: null,
  };
};

const names = (w: ObservedWrite) => eventsOf(w).map((e) => e.event);

describe("the events a profile write raises", () => {
  const cases: [string, Partial<StoredProfile>, string[]][] = [
    ["a name", { FirstName: "Augusta" }, ["UpdateProfile"]],
    ["a sign-in", { LastLoginDate: "2026-02-01T00:00:00.0000000Z" }, ["Login"]],
    ["the password", { Password: "hash-2" }, ["SetPassword"]],
    ["a role more", { Roles: ["admin", "viewer"] }, ["AssignRoles"]],
    ["a role less", { Roles: [] }, ["UnassignRoles"]],
    ["a linked identity", { Identities: [{ Provider: "google" }] }, ["LinkAccount"]],
    [
      "an email more",
      {
        Email: [...(BEFORE.Email ?? []), { Type: "Secondary", Value: "b@example.com" }],
        EmailVerified: false,
      },
      ["AddEmail"],
    ],
    ["an email less", { Email: [] }, ["RemoveEmail"]],
    ["email verification lost", { EmailVerified: false }, ["InvalidateEmailVerification"]],
    ["a new phone", { PhoneId: "+16045550199", PhoneIdVerified: false }, ["UpdatePhoneId"]],
    ["no phone", { PhoneId: null, PhoneIdVerified: false }, ["RemovePhoneId"]],
    ["phone verification lost", { PhoneIdVerified: false }, ["InvalidatePhoneVerification"]],
    ["a user name", { UserName: "countess" }, ["SetUsername"]],
    ["blocked", { IsActive: false }, ["BlockAccount"]],
    [
      "a password and a role at once",
      { Password: "hash-3", Roles: ["admin", "editor"] },
      ["SetPassword", "AssignRoles"],
    ],
    ["nothing", {}, []],
  ];
  for (const [what, after, expected] of cases)
    it(`${what}: ${expected.join(", ") || "none"}`, () => {
      expect(names(write(after))).toEqual(expected);
    });
});

describe("the events of account creation and deletion, and of other slices", () => {
  it("a new account is CreateAccount (Register under /auth/register); a delete is DeleteAccount", () => {
    const created: ObservedWrite = {
      ...write({}),
      entry: { t: "put", r: { ...BEFORE, Uid: "new" } } as SliceEntry,
    };
    expect(names(created)).toEqual(["CreateAccount"]);
    const origin = {
      headers: {},
      route: "POST /identity/v2/auth/register",
      now: new Date(),
    } as ObservedWrite["origin"];
    expect(names({ ...created, origin })).toEqual(["Register"]);
    expect(names(write(null))).toEqual(["DeleteAccount"]);
  });

  it("Data is the profile without the password hash or change token", () => {
    const [event] = eventsOf(write({ FirstName: "Augusta", LastPasswordChangeToken: "t" }));
    expect(event?.data).toMatchObject({ Uid: "ada", FirstName: "Augusta" });
    expect(event?.data).not.toHaveProperty("Password");
    expect(event?.data).not.toHaveProperty("LastPasswordChangeToken");
  });

  it("slices without LoginRadius events raise none", () => {
    expect(eventsOf({ ...write({}), section: "tokens", entry: { t: "issue" } })).toEqual([]);
    expect(eventsOf({ ...write({}), section: "identities", entry: { t: "access" } })).toEqual([]);
  });
});
