import type { GraphQLResolveInfo } from "graphql";
import { type FieldKeys, type KeySet, keysOf, selectedFields } from "../graphql/selection.js";
import { toDate } from "../loginradius/wire.js";
import type { CreateAccountInput, EmailInput, UpdateAccountInput } from "./account.input.js";
import { toEmails, toIdentity, toList, toLockState, toPrivacyPolicy } from "./account.mapper.js";
import type { Account } from "./account.type.js";
import type { WireEmail, WireProfile, WireProfileBody } from "./accounts.wire.js";

/** A LoginRadius profile key, as the wire schema spells it. */
type WireKey = keyof WireProfile;

/**
 * One `Account` field: the LoginRadius keys it is read from (sent as `fields` when selected), how
 * it is read from a profile that may lack them (projected away), and the body key when an input
 * field of the same name writes it.
 */
interface FieldRow<K extends keyof Account> {
  keys: readonly WireKey[];
  read: (profile: WireProfile) => Account[K];
  body?: WireKey;
}

const primaryOf = (emails: readonly { type: string; value: string }[]): string | null =>
  (emails.find((e) => e.type.toLowerCase() === "primary") ?? emails[0])?.value ?? null;

/** The profile keys whose wire value is of type T (so a row cannot read a flag as text). */
type KeysOf<T> = {
  [P in WireKey]-?: NonNullable<WireProfile[P]> extends T ? P : never;
}[WireKey];

/** A string key read as itself, written under the same key unless `writable` is false. */
const text = (key: KeysOf<string>, writable = true) => ({
  keys: [key],
  read: (p: WireProfile): string | null => (p[key] as string | null | undefined) ?? null,
  ...(writable ? { body: key } : {}),
});

/** A boolean key with its value when absent. */
const flag = (key: KeysOf<boolean>, absent: boolean, writable: boolean) => ({
  keys: [key],
  read: (p: WireProfile): boolean => (p[key] as boolean | null | undefined) ?? absent,
  ...(writable ? { body: key } : {}),
});

/**
 * Every `Account` field, one row each. `satisfies` makes a missing, extra or misspelled field a
 * type error, a key not in the wire schema a type error, and a read of the wrong type a type
 * error; `ACCOUNT_FIELD_KEYS`, `PROFILE_BODY_KEYS` and `toAccount` are derived from it.
 */
export const ACCOUNT_FIELDS = {
  uid: { keys: ["Uid"], read: (p) => p.Uid ?? "", body: "Uid" },
  emails: { keys: ["Email"], read: (p) => toEmails(p.Email) },
  primaryEmail: { keys: ["Email"], read: (p) => primaryOf(toEmails(p.Email)) },
  emailVerified: flag("EmailVerified", false, true),
  phone: text("PhoneId"),
  phoneVerified: flag("PhoneIdVerified", false, true),
  userName: text("UserName"),
  prefix: text("Prefix"),
  firstName: text("FirstName"),
  middleName: text("MiddleName"),
  lastName: text("LastName"),
  suffix: text("Suffix"),
  fullName: text("FullName"),
  nickName: text("NickName"),
  birthDate: text("BirthDate"),
  gender: text("Gender"),
  company: text("Company"),
  city: text("City"),
  country: {
    keys: ["Country"],
    read: (p) =>
      p.Country ? { code: p.Country.Code ?? null, name: p.Country.Name ?? null } : null,
  },
  customFields: { keys: ["CustomFields"], read: (p) => p.CustomFields ?? {}, body: "CustomFields" },
  roles: { keys: ["Roles"], read: (p) => p.Roles ?? [] },
  identities: { keys: ["Identities"], read: (p) => (p.Identities ?? []).map(toIdentity) },
  provider: text("Provider", false),
  registrationSource: text("RegistrationSource", false),
  isActive: flag("IsActive", true, true),
  isDeleted: flag("IsDeleted", false, false),
  isLoginLocked: flag("IsLoginLocked", false, true),
  lockState: { keys: ["IsLoginLocked", "LoginLockedType"], read: (p) => toLockState(p) },
  isCustomUid: flag("IsCustomUid", false, false),
  loginCount: { keys: ["NoOfLogins"], read: (p) => p.NoOfLogins ?? 0 },
  createdAt: { keys: ["CreatedDate"], read: (p) => toDate(p.CreatedDate) },
  modifiedAt: { keys: ["ModifiedDate"], read: (p) => toDate(p.ModifiedDate) },
  lastLoginAt: { keys: ["LastLoginDate"], read: (p) => toDate(p.LastLoginDate) },
  lastPasswordChangeAt: {
    keys: ["LastPasswordChangeDate"],
    read: (p) => toDate(p.LastPasswordChangeDate),
  },
  previousUids: { keys: ["PreviousUids"], read: (p) => toList(p.PreviousUids) },
  privacyPolicy: { keys: ["PrivacyPolicy"], read: (p) => toPrivacyPolicy(p.PrivacyPolicy) },
} satisfies { [K in keyof Account]-?: FieldRow<K> };

type AccountField = keyof typeof ACCOUNT_FIELDS;

/**
 * This section's `Account` fields resolved by their own upstream call (field resolvers): they
 * need no profile key. Fields other sections add to `Account` are theirs to declare (a cost row
 * `Account.<field>`); a missing entry here means "no profile key" (see keysOf).
 */
export const OWN_CALL_FIELDS = ["passwordHash", "privacyPolicyHistory"] as const;

/** The keys the loaders index by: every profile fetched carries them. */
export const KEY_FIELDS = ["Uid", "Email", "PhoneId", "UserName"] as const satisfies WireKey[];

/** Account field -> LoginRadius keys (derived from ACCOUNT_FIELDS). */
export const ACCOUNT_FIELD_KEYS: FieldKeys = {
  ...Object.fromEntries(
    Object.entries(ACCOUNT_FIELDS).map(([field, row]) => [field, row.keys as readonly string[]]),
  ),
  ...Object.fromEntries(OWN_CALL_FIELDS.map((field) => [field, []])),
};

/** The rows as a list, made once: every profile read maps through them. */
const ACCOUNT_ROWS = Object.entries(ACCOUNT_FIELDS) as [
  string,
  { read(p: WireProfile): unknown },
][];

/** A wire profile as the GraphQL Account. Keys projected away by `fields` map to their empty value. */
export const toAccount = (profile: WireProfile): Account => {
  // Sound: `satisfies` above proves one row per Account field, each reading that field's type.
  const account: Record<string, unknown> = {};
  for (const [field, row] of ACCOUNT_ROWS) account[field] = row.read(profile);
  return account as unknown as Account;
};

/**
 * Input field -> LoginRadius body key for the fields that map one to one: the writable rows
 * above, plus the password, which is written but never read back.
 */
export const PROFILE_BODY_KEYS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.entries(ACCOUNT_FIELDS).flatMap(([field, row]) =>
      "body" in row && row.body ? [[field, row.body]] : [],
    ),
  ),
  password: "Password",
} satisfies Partial<Record<AccountField | "password", string>>;

/** An input's emails in their wire shape. */
export const toWireEmails = (emails: readonly EmailInput[]): WireEmail[] =>
  emails.map((e) => ({ Type: e.type, Value: e.value }));

/**
 * An input as a LoginRadius body: absent fields stay absent, `null` stays `null` (LoginRadius
 * honours it only with nullSupport), `emails` and `privacyPolicyVersion` take their wire shapes.
 */
export const toProfileBody = (input: CreateAccountInput | UpdateAccountInput): WireProfileBody => {
  const body: WireProfileBody = {};
  for (const [field, key] of Object.entries(PROFILE_BODY_KEYS)) {
    const value = (input as unknown as Record<string, unknown>)[field];
    if (value !== undefined) body[key] = value;
  }
  if ("emails" in input && input.emails) body.Email = toWireEmails(input.emails);
  if (typeof input.privacyPolicyVersion === "string")
    body.PrivacyPolicy = { Version: input.privacyPolicyVersion };
  return body;
};

/** The LoginRadius keys the Account selection under this field (or under `path` inside it) needs. */
export const accountKeys = (
  info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">,
  path: readonly string[] = [],
): KeySet => keysOf(selectedFields(info, path), ACCOUNT_FIELD_KEYS, KEY_FIELDS);
