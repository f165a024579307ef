import { z } from "zod";

/**
 * The JSON the Accounts endpoints send (shared/loginradius-account-api.md sections 4 and 5), as zod schemas
 * of the keys the facade reads; types are inferred from them. Every answer is parsed with its
 * endpoint's schema before anything reads it, so a wrong shape is one `bad_response`, never an
 * account with `uid: ""`. Unknown keys are dropped. Profile keys other than `Uid` may be missing
 * when `fields` projected them away.
 */

const str = z.string().nullish();
const bool = z.boolean().nullish();

export const WireEmailSchema = z.object({ Type: z.string(), Value: z.string() });
export type WireEmail = z.infer<typeof WireEmailSchema>;

export const WirePrivacyPolicySchema = z.object({
  Version: z.string(),
  AcceptSource: str,
  AcceptDateTime: str,
});
export type WirePrivacyPolicy = z.infer<typeof WirePrivacyPolicySchema>;

export const WireIdentitySchema = z.object({
  Provider: str,
  ID: str,
  FullName: str,
  Email: z.array(WireEmailSchema).nullish(),
  ImageUrl: str,
});
export type WireIdentity = z.infer<typeof WireIdentitySchema>;

/** The user profile ("Identity"). `Uid` is required: every profile we ask for includes it. */
export const WireProfileSchema = z.object({
  Uid: z.string().min(1),
  ID: str,
  Provider: str,
  Email: z.array(WireEmailSchema).nullish(),
  EmailVerified: bool,
  PhoneId: str,
  PhoneIdVerified: bool,
  UserName: str,
  Prefix: str,
  FirstName: str,
  MiddleName: str,
  LastName: str,
  Suffix: str,
  FullName: str,
  NickName: str,
  BirthDate: str,
  Gender: str,
  Company: str,
  City: str,
  Country: z.object({ Code: str, Name: str }).nullish(),
  CustomFields: z.record(z.string(), z.unknown()).nullish(),
  Roles: z.array(z.string()).nullish(),
  Identities: z.array(WireIdentitySchema).nullish(),
  IsActive: bool,
  IsDeleted: bool,
  IsLoginLocked: bool,
  LoginLockedType: str,
  IsCustomUid: bool,
  NoOfLogins: z.number().nullish(),
  RegistrationSource: str,
  CreatedDate: str,
  ModifiedDate: str,
  LastLoginDate: str,
  LastPasswordChangeDate: str,
  PreviousUids: z.union([z.array(z.string()), z.string()]).nullish(),
  PrivacyPolicy: WirePrivacyPolicySchema.nullish(),
});
export type WireProfile = z.infer<typeof WireProfileSchema>;

/** A create or update body: profile keys as LoginRadius spells them (we send it; not parsed). */
export type WireProfileBody = Record<string, unknown>;

export const WireIdentitiesSchema = z.object({ Data: z.array(WireProfileSchema) });
export type WireIdentities = z.infer<typeof WireIdentitiesSchema>;

export const WirePasswordHashSchema = z.object({ PasswordHash: z.string().nullable() });
export type WirePasswordHash = z.infer<typeof WirePasswordHashSchema>;

export const WireDeletedSchema = z.object({
  IsDeleted: z.boolean(),
  RecordsDeleted: z.number().optional(),
});
export type WireDeleted = z.infer<typeof WireDeletedSchema>;

export const WirePostedSchema = z.object({ IsPosted: z.boolean() });
export type WirePosted = z.infer<typeof WirePostedSchema>;

export const WireForgotTokenSchema = z.object({
  ForgotToken: z.string().min(1),
  IdentityProviders: z.array(z.string()).nullish(),
});
export type WireForgotToken = z.infer<typeof WireForgotTokenSchema>;

export const WireVerificationTokenSchema = z.object({
  VerificationToken: z.string().min(1),
  expires_in: str,
});
export type WireVerificationToken = z.infer<typeof WireVerificationTokenSchema>;

export const WireAccessTokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: str,
  expires_in: z.string(),
});
export type WireAccessToken = z.infer<typeof WireAccessTokenSchema>;

export const WirePrivacyPolicyHistorySchema = z.object({
  Uid: z.string(),
  Current: WirePrivacyPolicySchema.nullable(),
  History: z.array(WirePrivacyPolicySchema).nullable(),
});
export type WirePrivacyPolicyHistory = z.infer<typeof WirePrivacyPolicyHistorySchema>;
