/**
 * The JSON exactly as LoginRadius sends it (shared/loginradius-account-api.md sections 4 and 5).
 * Types only. Every profile key may be missing when `fields` projected it away.
 */

export interface WireEmail {
  Type: string;
  Value: string;
}

export interface WirePrivacyPolicy {
  Version: string;
  AcceptSource: string | null;
  AcceptDateTime: string | null;
}

export interface WireIdentity {
  Provider?: string | null;
  ID?: string | null;
  FullName?: string | null;
  Email?: WireEmail[] | null;
  ImageUrl?: string | null;
}

/** The user profile ("Identity"). Only the keys the facade reads are typed; the rest pass through. */
export interface WireProfile {
  Uid?: string;
  ID?: string | null;
  Provider?: string | null;
  Email?: WireEmail[] | null;
  EmailVerified?: boolean | null;
  PhoneId?: string | null;
  PhoneIdVerified?: boolean | null;
  UserName?: string | null;
  Prefix?: string | null;
  FirstName?: string | null;
  MiddleName?: string | null;
  LastName?: string | null;
  Suffix?: string | null;
  FullName?: string | null;
  NickName?: string | null;
  BirthDate?: string | null;
  Gender?: string | null;
  Company?: string | null;
  City?: string | null;
  Country?: { Code?: string | null; Name?: string | null } | null;
  CustomFields?: Record<string, unknown> | null;
  Roles?: string[] | null;
  Identities?: WireIdentity[] | null;
  IsActive?: boolean | null;
  IsDeleted?: boolean | null;
  IsLoginLocked?: boolean | null;
  LoginLockedType?: string | null;
  IsCustomUid?: boolean | null;
  NoOfLogins?: number | null;
  RegistrationProvider?: string | null;
  RegistrationSource?: string | null;
  CreatedDate?: string | null;
  ModifiedDate?: string | null;
  LastLoginDate?: string | null;
  SignupDate?: string | null;
  LastPasswordChangeDate?: string | null;
  PreviousUids?: string[] | string | null;
  PrivacyPolicy?: WirePrivacyPolicy | null;
  [key: string]: unknown;
}

/** A create or update body: profile keys as LoginRadius spells them. */
export type WireProfileBody = Record<string, unknown>;

export interface WireIdentities {
  Data: WireProfile[];
}

export interface WirePasswordHash {
  PasswordHash: string | null;
}

export interface WireDeleted {
  IsDeleted: boolean;
  RecordsDeleted?: number;
}

export interface WirePosted {
  IsPosted: boolean;
}

export interface WireForgotToken {
  ForgotToken: string;
  IdentityProviders?: string[] | null;
}

export interface WireVerificationToken {
  VerificationToken: string;
  expires_in?: string | null;
}

export interface WireAccessToken {
  access_token: string;
  refresh_token?: string | null;
  expires_in: string;
}

export interface WirePrivacyPolicyHistory {
  Uid: string;
  Current: WirePrivacyPolicy | null;
  History: WirePrivacyPolicy[] | null;
}

/** LoginRadius error body (section 6.1). */
export interface WireError {
  Description?: string;
  ErrorCode: number;
  Message?: string;
  IsProviderError?: boolean;
  ProviderErrorResponse?: string | null;
  Errors?: { FieldName: string; ErrorMessage: string }[] | null;
}
