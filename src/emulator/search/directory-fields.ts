import { fieldSpec } from "../accounts/index.js";

/**
 * The Cloud Directory's queryable keys and their types (LoginRadius apidocs, cloud-directory-api
 * getting-started, "Supported Keys and their types"): the type decides which operators a rule may
 * use. `text&string` takes both `=` (whole value, case-sensitive) and `Contains` (terms). Only the
 * keys the emulator's profiles hold are listed; another documented key is refused with 957 here
 * (UNCONFIRMED: LoginRadius would search it).
 */
export type DirectoryType = "string" | "text" | "text&string" | "date" | "int" | "bool" | "strings";

/** Rule names: documented top-level keys, or `Parent.Sub` for objects and arrays of objects. */
const TYPES: Record<string, DirectoryType> = {
  UID: "string",
  ID: "string",
  Provider: "string",
  Prefix: "string",
  FirstName: "text&string",
  MiddleName: "text&string",
  LastName: "text&string",
  Suffix: "string",
  FullName: "text&string",
  NickName: "text&string",
  ProfileName: "text&string",
  BirthDate: "date",
  Gender: "string",
  "Email.Type": "string",
  "Email.Value": "text&string",
  "Country.Code": "string",
  "Country.Name": "string",
  City: "text&string",
  State: "text&string",
  Company: "text&string",
  CreatedDate: "date",
  ModifiedDate: "date",
  LastLoginDate: "date",
  SignupDate: "date",
  LastPasswordChangeDate: "date",
  EmailVerified: "bool",
  IsActive: "bool",
  IsDeleted: "bool",
  IsEmailSubscribed: "bool",
  IsLoginLocked: "bool",
  IsCustomUid: "bool",
  PhoneIdVerified: "bool",
  DisableLogin: "bool",
  UserName: "string",
  NoOfLogins: "int",
  FailedLoginAttempt: "int",
  PhoneId: "string",
  Roles: "strings",
  PreviousUids: "strings",
  RegistrationProvider: "string",
  RegistrationSource: "string",
  ExternalUserLoginId: "string",
  "PhoneNumbers.PhoneNumber": "string",
  "PhoneNumbers.PhoneType": "string",
  "Addresses.City": "text&string",
  "Addresses.Country": "string",
  "Addresses.PostalCode": "string",
};

const BY_LOWER = new Map(Object.entries(TYPES).map(([name, type]) => [name.toLowerCase(), type]));

/** Top-level keys by lower-cased rule name: read without walking (`UID` is the profile's `Uid`). */
const DIRECT = new Map<string, string>([
  ...Object.keys(TYPES)
    .filter((name) => !name.includes("."))
    .map((name) => [name.toLowerCase(), name] as [string, string]),
  ["uid", "Uid"],
]);

/** `CustomFields.<key>`: site-defined strings (UNCONFIRMED: their type is the site's schema's). */
const CUSTOM = /^customfields\.[A-Za-z0-9_]{1,64}$/i;

/** The type of a rule name in any casing (UNCONFIRMED), or undefined when it is not queryable. */
export const directoryType = (name: string): DirectoryType | undefined =>
  BY_LOWER.get(name.toLowerCase()) ?? (CUSTOM.test(name) ? "string" : undefined);

/**
 * What an unset key reads as: a boolean or a count is never missing from a LoginRadius profile
 * (the Account API renders `IsActive: true`, `NoOfLogins: 0`...), so the index holds its default;
 * the store keeps only keys that were set. Other keys unset are missing (NOT_EXISTS).
 */
const unsetValue = (key: string): unknown => {
  const fallback = fieldSpec(key)?.fallback;
  return typeof fallback === "boolean" || typeof fallback === "number" ? fallback : undefined;
};

/** The profile values a rule name reads: `UID` is the profile's `Uid`; dots walk into objects. */
export const valuesAt = (profile: Record<string, unknown>, name: string): unknown[] => {
  const direct = DIRECT.get(name.toLowerCase());
  if (direct !== undefined) {
    const value = profile[direct] === undefined ? unsetValue(direct) : profile[direct];
    return value == null ? [] : Array.isArray(value) ? value.filter((v) => v != null) : [value];
  }
  const path = name.split(".");
  let current: unknown[] = [profile];
  for (const step of path) {
    const wanted = step.toLowerCase();
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== "object") continue;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item === null || typeof item !== "object") continue;
        for (const [key, child] of Object.entries(item))
          if (key.toLowerCase() === wanted) next.push(child);
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v != null);
};
