import type {
  WireAccessToken,
  WireEmail,
  WireIdentity,
  WirePrivacyPolicy,
  WirePrivacyPolicyHistory,
  WireProfile,
  WireProfileBody,
} from "../loginradius/wire.js";
import type { CreateAccountInput, EmailInput, UpdateAccountInput } from "./account.input.js";
import type { AccessTokenPayload } from "./account.payload.js";
import type {
  Account,
  Email,
  Identity,
  PrivacyPolicyAcceptance,
  PrivacyPolicyHistory,
} from "./account.type.js";

/** LoginRadius's "never happened" date. */
const NEVER_PREFIX = "0001-01-01";

/** A LoginRadius date (7-digit fraction, `0001-01-01...` for never) as a Date or null. */
export const toDate = (value: string | null | undefined): Date | null => {
  if (!value || value.startsWith(NEVER_PREFIX)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

const toEmails = (emails: WireEmail[] | null | undefined): Email[] =>
  (emails ?? []).map((e) => ({ type: e.Type, value: e.Value }));

const toIdentity = (identity: WireIdentity): Identity => ({
  provider: identity.Provider ?? "unknown",
  providerId: identity.ID ?? null,
  fullName: identity.FullName ?? null,
  emails: toEmails(identity.Email),
  imageUrl: identity.ImageUrl ?? null,
});

export const toPrivacyPolicy = (
  policy: WirePrivacyPolicy | null | undefined,
): PrivacyPolicyAcceptance | null =>
  policy
    ? {
        version: policy.Version,
        acceptSource: policy.AcceptSource ?? null,
        acceptedAt: toDate(policy.AcceptDateTime),
      }
    : null;

/** `PreviousUids` is a list in the .NET model but a string in some samples. */
const toList = (value: string[] | string | null | undefined): string[] =>
  Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : [];

/** A wire profile as the GraphQL Account. Keys projected away by `fields` map to their empty value. */
export const toAccount = (p: WireProfile): Account => {
  const emails = toEmails(p.Email);
  return {
    uid: p.Uid ?? "",
    emails,
    primaryEmail:
      (emails.find((e) => e.type.toLowerCase() === "primary") ?? emails[0])?.value ?? null,
    emailVerified: p.EmailVerified ?? false,
    phone: p.PhoneId ?? null,
    phoneVerified: p.PhoneIdVerified ?? false,
    userName: p.UserName ?? null,
    prefix: p.Prefix ?? null,
    firstName: p.FirstName ?? null,
    middleName: p.MiddleName ?? null,
    lastName: p.LastName ?? null,
    suffix: p.Suffix ?? null,
    fullName: p.FullName ?? null,
    nickName: p.NickName ?? null,
    birthDate: p.BirthDate ?? null,
    gender: p.Gender ?? null,
    company: p.Company ?? null,
    city: p.City ?? null,
    country: p.Country ? { code: p.Country.Code ?? null, name: p.Country.Name ?? null } : null,
    customFields: p.CustomFields ?? {},
    roles: p.Roles ?? [],
    identities: (p.Identities ?? []).map(toIdentity),
    provider: p.Provider ?? null,
    registrationSource: p.RegistrationSource ?? null,
    isActive: p.IsActive ?? true,
    isDeleted: p.IsDeleted ?? false,
    isLoginLocked: p.IsLoginLocked ?? false,
    isCustomUid: p.IsCustomUid ?? false,
    loginCount: p.NoOfLogins ?? 0,
    createdAt: toDate(p.CreatedDate),
    modifiedAt: toDate(p.ModifiedDate),
    lastLoginAt: toDate(p.LastLoginDate),
    lastPasswordChangeAt: toDate(p.LastPasswordChangeDate),
    previousUids: toList(p.PreviousUids),
    privacyPolicy: toPrivacyPolicy(p.PrivacyPolicy),
  };
};

export const toPrivacyPolicyHistory = (wire: WirePrivacyPolicyHistory): PrivacyPolicyHistory => ({
  current: toPrivacyPolicy(wire.Current),
  history: (wire.History ?? []).map((h) => toPrivacyPolicy(h)).filter((h) => h !== null),
});

export const toAccessToken = (wire: WireAccessToken): AccessTokenPayload => ({
  accessToken: wire.access_token,
  refreshToken: wire.refresh_token ?? null,
  expiresAt: toDate(wire.expires_in) ?? new Date(0),
});

export const toWireEmails = (emails: EmailInput[]): WireEmail[] =>
  emails.map((e) => ({ Type: e.type, Value: e.value }));

/** GraphQL input field -> LoginRadius body key, for the fields that map one to one. */
const PROFILE_BODY_KEYS = {
  userName: "UserName",
  prefix: "Prefix",
  firstName: "FirstName",
  middleName: "MiddleName",
  lastName: "LastName",
  suffix: "Suffix",
  fullName: "FullName",
  nickName: "NickName",
  birthDate: "BirthDate",
  gender: "Gender",
  company: "Company",
  city: "City",
  customFields: "CustomFields",
  emailVerified: "EmailVerified",
  phoneVerified: "PhoneIdVerified",
  isActive: "IsActive",
  isLoginLocked: "IsLoginLocked",
  phone: "PhoneId",
  uid: "Uid",
  password: "Password",
} as const;

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
