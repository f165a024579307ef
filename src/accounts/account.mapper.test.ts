import { describe, expect, it } from "vitest";
import { toDate } from "../loginradius/wire.js";
import { toAccount, toProfileBody } from "./account.fields.js";
import type { CreateAccountInput, UpdateAccountInput } from "./account.input.js";

describe("toDate", () => {
  it("reads LoginRadius's 7-digit fractions", () => {
    expect(toDate("2017-08-24T13:04:12.1810017Z")?.toISOString()).toBe("2017-08-24T13:04:12.181Z");
    expect(toDate("2018-03-23T05:19:53.621Z")?.toISOString()).toBe("2018-03-23T05:19:53.621Z");
  });

  it("maps never-set and missing dates to null", () => {
    expect(toDate("0001-01-01T00:00:00.0000000Z")).toBeNull();
    expect(toDate(null)).toBeNull();
    expect(toDate(undefined)).toBeNull();
    expect(toDate("garbage")).toBeNull();
  });
});

describe("toAccount", () => {
  it("gives empty values for keys a fields projection removed", () => {
    const account = toAccount({ Uid: "u1" });
    expect(account).toMatchObject({
      uid: "u1",
      emails: [],
      primaryEmail: null,
      customFields: {},
      roles: [],
      identities: [],
      previousUids: [],
      lastLoginAt: null,
    });
  });

  it("picks the Primary email, else the first", () => {
    const withPrimary = toAccount({
      Uid: "u",
      Email: [
        { Type: "Work", Value: "w@x.io" },
        { Type: "primary", Value: "p@x.io" },
      ],
    });
    expect(withPrimary.primaryEmail).toBe("p@x.io");
    expect(toAccount({ Uid: "u", Email: [{ Type: "Work", Value: "w@x.io" }] }).primaryEmail).toBe(
      "w@x.io",
    );
  });

  it("accepts PreviousUids as a string, as some samples show", () => {
    expect(toAccount({ Uid: "u", PreviousUids: "old" }).previousUids).toEqual(["old"]);
  });
});

describe("toProfileBody", () => {
  it("keeps absent fields absent and nulls as nulls", () => {
    const input = { firstName: "A", lastName: null } as UpdateAccountInput;
    expect(toProfileBody(input)).toEqual({ FirstName: "A", LastName: null });
  });

  it("maps emails, phone, uid, password and the privacy policy to their wire shapes", () => {
    const input = {
      emails: [{ type: "Primary", value: "a@x.io" }],
      password: "pw",
      uid: "custom",
      phone: "+15551234567",
      phoneVerified: true,
      privacyPolicyVersion: "2.0",
    } as CreateAccountInput;
    expect(toProfileBody(input)).toEqual({
      Email: [{ Type: "Primary", Value: "a@x.io" }],
      Password: "pw",
      Uid: "custom",
      PhoneId: "+15551234567",
      PhoneIdVerified: true,
      PrivacyPolicy: { Version: "2.0" },
    });
  });
});
