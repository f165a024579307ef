import { isInputObjectType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { costTableOf } from "../graphql/policy/index.js";
import { buildAppSchema } from "../schema.js";
import { ACCOUNT_FIELD_RENAMES } from "./account.errors.js";
import {
  ACCOUNT_FIELD_KEYS,
  ACCOUNT_FIELDS,
  OWN_CALL_FIELDS,
  PROFILE_BODY_KEYS,
  toAccount,
} from "./account.fields.js";
import { WireProfileSchema } from "./accounts.wire.js";

const schema = await buildAppSchema();
const fieldsOf = (name: string): string[] => {
  const type = schema.getType(name);
  if (!isObjectType(type) && !isInputObjectType(type)) throw new Error(`${name} is no object`);
  return Object.keys(type.getFields());
};

describe("the Account field table", () => {
  it("makes every Account field fetchable: profile keys, or a resolver with its own call", () => {
    // A field resolved by its own upstream call, in any section, declares what it costs.
    const ownCall = (field: string) => `Account.${field}` in costTableOf(schema);
    const unfetchable = fieldsOf("Account").filter(
      (field) => !ownCall(field) && (ACCOUNT_FIELD_KEYS[field] ?? []).length === 0,
    );
    expect(unfetchable).toEqual([]);
    for (const field of OWN_CALL_FIELDS) expect(ownCall(field), field).toBe(true);
  });

  it("names only keys of the wire profile (also a type error)", () => {
    const wire = Object.keys(WireProfileSchema.shape);
    const keys = Object.values(ACCOUNT_FIELDS).flatMap((row) => row.keys);
    expect(keys.filter((key) => !wire.includes(key))).toEqual([]);
  });

  it("writes every one-to-one profile input field under its own body key", () => {
    const shaped = ["emails", "privacyPolicyVersion"];
    const inputs = [...fieldsOf("CreateAccountInput"), ...fieldsOf("UpdateAccountInput")];
    const unwritten = inputs.filter((f) => !shaped.includes(f) && !(f in PROFILE_BODY_KEYS));
    expect(unwritten).toEqual([]);
  });

  it("names our input fields for the body keys LoginRadius may report", () => {
    // The renames are derived from the body keys; these pin that derivation's results.
    expect(ACCOUNT_FIELD_RENAMES.PhoneIdVerified).toBe("phoneVerified");
    expect(ACCOUNT_FIELD_RENAMES.FirstName).toBe("firstName");
    expect(ACCOUNT_FIELD_RENAMES.PrivacyPolicy).toBe("privacyPolicyVersion");
  });

  it("reads every row from a full profile and gives empty values for a projected one", () => {
    const account = toAccount({ Uid: "u1", Country: { Code: "GB", Name: null }, NoOfLogins: 3 });
    expect(Object.keys(account).sort()).toEqual(Object.keys(ACCOUNT_FIELDS).sort());
    expect(account).toMatchObject({
      uid: "u1",
      country: { code: "GB", name: null },
      loginCount: 3,
      isActive: true,
      phone: null,
    });
  });
});
