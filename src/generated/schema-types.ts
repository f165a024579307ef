export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** An access token for a user (impersonation) and its refresh token. */
export type AccessTokenPayload = {
  __typename?: 'AccessTokenPayload';
  /** The access token; treat it as a password. */
  accessToken: Scalars['String']['output'];
  /** When the access token expires. */
  expiresAt: Scalars['DateTime']['output'];
  /** The refresh token; treat it as a password. */
  refreshToken?: Maybe<Scalars['String']['output']>;
};

/** A LoginRadius user account (a profile in the Account API). */
export type Account = {
  __typename?: 'Account';
  /** Birth date as LoginRadius stores it (a string such as `1990-02-07` or `10-12-1985`). */
  birthDate?: Maybe<Scalars['String']['output']>;
  /** City. */
  city?: Maybe<Scalars['String']['output']>;
  /** Company. */
  company?: Maybe<Scalars['String']['output']>;
  /** Country. */
  country?: Maybe<Country>;
  /** When the account was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Site-defined custom fields (string values); `{}` when none. */
  customFields: Scalars['JSONObject']['output'];
  /** Whether the account's email is verified. */
  emailVerified: Scalars['Boolean']['output'];
  /** Every email on the account. */
  emails: Array<Email>;
  /** First name. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** Full name as stored (not computed). */
  fullName?: Maybe<Scalars['String']['output']>;
  /** Gender as stored (`M`, `F` or free text). */
  gender?: Maybe<Scalars['String']['output']>;
  /** Linked social identities; empty for email-only accounts. */
  identities: Array<Identity>;
  /** False when the account is deactivated. */
  isActive: Scalars['Boolean']['output'];
  /** True when the UID was chosen by the caller, not generated. */
  isCustomUid: Scalars['Boolean']['output'];
  /** True when the account is soft-deleted. */
  isDeleted: Scalars['Boolean']['output'];
  /** True when login is locked. */
  isLoginLocked: Scalars['Boolean']['output'];
  /** Last login; null if the user never logged in. */
  lastLoginAt?: Maybe<Scalars['DateTime']['output']>;
  /** Last name. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** Last password change; null if never. */
  lastPasswordChangeAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many times the user has logged in. */
  loginCount: Scalars['Int']['output'];
  /** Middle name. */
  middleName?: Maybe<Scalars['String']['output']>;
  /** When the account was last modified. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Nickname. */
  nickName?: Maybe<Scalars['String']['output']>;
  /** The password hash (never the password). Costs its own upstream call; null when the account has no password. */
  passwordHash?: Maybe<Scalars['String']['output']>;
  /** The phone ID (E.164), used for phone login and SMS. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Whether the phone ID is verified. */
  phoneVerified: Scalars['Boolean']['output'];
  /** Name prefix, e.g. `Dr`. */
  prefix?: Maybe<Scalars['String']['output']>;
  /** UIDs the account had before `updateAccountUid`. */
  previousUids: Array<Scalars['String']['output']>;
  /** The Primary email, or the first one if none is Primary. */
  primaryEmail?: Maybe<Scalars['String']['output']>;
  /** The privacy policy version accepted last. */
  privacyPolicy?: Maybe<PrivacyPolicyAcceptance>;
  /** Every privacy policy version the account accepted. Costs its own upstream call. */
  privacyPolicyHistory: PrivacyPolicyHistory;
  /** The provider of this profile: `Email` for traditional accounts. */
  provider?: Maybe<Scalars['String']['output']>;
  /** Where the account was registered: `API` or a page URL. */
  registrationSource?: Maybe<Scalars['String']['output']>;
  /** Roles assigned to the account. */
  roles: Array<Scalars['String']['output']>;
  /** Name suffix, e.g. `Jr`. */
  suffix?: Maybe<Scalars['String']['output']>;
  /** The account's unique ID in LoginRadius (UID). */
  uid: Scalars['ID']['output'];
  /** The user name, when the site uses user names. */
  userName?: Maybe<Scalars['String']['output']>;
};

/** The result of an action on one account. The action succeeded; `account` is read afresh only when selected, so a failed read never hides a write that happened. */
export type AccountActionPayload = {
  __typename?: 'AccountActionPayload';
  /** The account as it is now, read only when selected; null if it no longer exists. */
  account?: Maybe<Account>;
  /** The UID of the account acted on (the new UID after `updateAccountUid`). */
  uid: Scalars['ID']['output'];
};

/** A country, as the profile stores it. */
export type Country = {
  __typename?: 'Country';
  /** ISO 3166 code, e.g. `GB`. */
  code?: Maybe<Scalars['String']['output']>;
  /** Display name. */
  name?: Maybe<Scalars['String']['output']>;
};

/** A new account. */
export type CreateAccountInput = {
  /** Birth date, `YYYY-MM-DD` or `MM-DD-YYYY`. */
  birthDate?: InputMaybe<Scalars['String']['input']>;
  /** City. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Company. */
  company?: InputMaybe<Scalars['String']['input']>;
  /** Custom fields to set (string values); merged key by key. */
  customFields?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Mark the email as verified (or not). */
  emailVerified?: InputMaybe<Scalars['Boolean']['input']>;
  /** At least one email; at most one of type Primary. */
  emails: Array<EmailInput>;
  /** First name. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Full name (stored as given). */
  fullName?: InputMaybe<Scalars['String']['input']>;
  /** Gender. */
  gender?: InputMaybe<Scalars['String']['input']>;
  /** Last name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Middle name. */
  middleName?: InputMaybe<Scalars['String']['input']>;
  /** Nickname. */
  nickName?: InputMaybe<Scalars['String']['input']>;
  /** The password; stored hashed by LoginRadius. The site's password policy applies. */
  password: Scalars['String']['input'];
  /** Phone ID (E.164); unique across accounts. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Mark the phone ID as verified (or not). */
  phoneVerified?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name prefix. */
  prefix?: InputMaybe<Scalars['String']['input']>;
  /** Record acceptance of this privacy policy version. */
  privacyPolicyVersion?: InputMaybe<Scalars['String']['input']>;
  /** Name suffix. */
  suffix?: InputMaybe<Scalars['String']['input']>;
  /** A custom UID; generated when absent. */
  uid?: InputMaybe<Scalars['ID']['input']>;
  /** User name; unique across accounts. */
  userName?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `deleteAccount`. */
export type DeleteAccountPayload = {
  __typename?: 'DeleteAccountPayload';
  /** True when LoginRadius confirmed the delete. */
  deleted: Scalars['Boolean']['output'];
  /** The UID that was deleted. */
  uid: Scalars['ID']['output'];
};

/** The result of `deleteAccountsByEmail`. */
export type DeleteAccountsByEmailPayload = {
  __typename?: 'DeleteAccountsByEmailPayload';
  /** How many accounts were deleted. */
  deletedCount: Scalars['Int']['output'];
  /** The email whose accounts were deleted. */
  email: Scalars['String']['output'];
};

/** An email address on an account. */
export type Email = {
  __typename?: 'Email';
  /** What the address is for: `Primary`, `Secondary`, `Business`, ... */
  type: Scalars['String']['output'];
  /** The address. */
  value: Scalars['String']['output'];
};

/** An email address with its type. */
export type EmailInput = {
  /** `Primary`, `Secondary`, `Business`, ... */
  type: Scalars['String']['input'];
  /** The address. */
  value: Scalars['String']['input'];
};

/** An email verification token. */
export type EmailVerificationTokenPayload = {
  __typename?: 'EmailVerificationTokenPayload';
  /** When the token expires, when LoginRadius says. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The token to put in a verification link. */
  token: Scalars['String']['output'];
};

/** A password-reset token. */
export type ForgotPasswordTokenPayload = {
  __typename?: 'ForgotPasswordTokenPayload';
  /** Whether LoginRadius was asked to email the user. */
  emailSent: Scalars['Boolean']['output'];
  /** Social providers also linked to the email, e.g. `Facebook`. */
  identityProviders: Array<Scalars['String']['output']>;
  /** The token to put in a reset-password link. */
  token: Scalars['String']['output'];
};

/** A social or enterprise identity linked to the account (Facebook, Google, ...). */
export type Identity = {
  __typename?: 'Identity';
  /** The emails the provider reports. */
  emails: Array<Email>;
  /** The name the provider reports. */
  fullName?: Maybe<Scalars['String']['output']>;
  /** The profile picture the provider reports. */
  imageUrl?: Maybe<Scalars['String']['output']>;
  /** The identity provider, e.g. `facebook`. */
  provider: Scalars['String']['output'];
  /** The user's ID at that provider. */
  providerId?: Maybe<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates an account. */
  createAccount: Account;
  /** Deletes an account. */
  deleteAccount: DeleteAccountPayload;
  /** Deletes every account that has this email. */
  deleteAccountsByEmail: DeleteAccountsByEmailPayload;
  /** Makes an email verification token for an unverified email. */
  generateEmailVerificationToken: EmailVerificationTokenPayload;
  /** Makes a password-reset token; optionally has LoginRadius email it. */
  generateForgotPasswordToken: ForgotPasswordTokenPayload;
  /** Marks the email unverified and has LoginRadius send a verification email. */
  invalidateEmailVerification: AccountActionPayload;
  /** Issues an access token for the user (impersonation). Every call mints a new one. */
  issueAccessToken: AccessTokenPayload;
  /** Exchanges a refresh token for a new access token. */
  refreshAccessToken: AccessTokenPayload;
  /** Removes an email; the last one cannot be removed. */
  removeAccountEmail: Account;
  /** Marks the phone ID unverified and has LoginRadius send a code. */
  resetPhoneIdVerification: AccountActionPayload;
  /** Revokes every refresh token of the account. */
  revokeAllRefreshTokens: RevokeRefreshTokensPayload;
  /** Revokes one refresh token. */
  revokeRefreshToken: RevokeRefreshTokensPayload;
  /** Sets the account's password. */
  setAccountPassword: AccountActionPayload;
  /** Changes profile fields of an account. */
  updateAccount: Account;
  /** Sets the account's phone ID; it becomes unverified. */
  updateAccountPhoneId: Account;
  /** Gives the account a new UID; `uid` in the payload is the new one. */
  updateAccountUid: AccountActionPayload;
  /** Adds emails; one with a type the account has replaces that one. */
  upsertAccountEmail: Account;
};


export type MutationCreateAccountArgs = {
  input: CreateAccountInput;
};


export type MutationDeleteAccountArgs = {
  reason: Scalars['String']['input'];
  uid: Scalars['ID']['input'];
};


export type MutationDeleteAccountsByEmailArgs = {
  email: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationGenerateEmailVerificationTokenArgs = {
  email: Scalars['String']['input'];
};


export type MutationGenerateForgotPasswordTokenArgs = {
  email?: InputMaybe<Scalars['String']['input']>;
  emailTemplate?: InputMaybe<Scalars['String']['input']>;
  resetPasswordUrl?: InputMaybe<Scalars['String']['input']>;
  sendEmail?: Scalars['Boolean']['input'];
  userName?: InputMaybe<Scalars['String']['input']>;
};


export type MutationInvalidateEmailVerificationArgs = {
  emailTemplate?: InputMaybe<Scalars['String']['input']>;
  uid: Scalars['ID']['input'];
  verificationUrl?: InputMaybe<Scalars['String']['input']>;
};


export type MutationIssueAccessTokenArgs = {
  reason: Scalars['String']['input'];
  uid: Scalars['ID']['input'];
};


export type MutationRefreshAccessTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRemoveAccountEmailArgs = {
  email: Scalars['String']['input'];
  uid: Scalars['ID']['input'];
};


export type MutationResetPhoneIdVerificationArgs = {
  smsTemplate?: InputMaybe<Scalars['String']['input']>;
  uid: Scalars['ID']['input'];
  voice?: Scalars['Boolean']['input'];
};


export type MutationRevokeAllRefreshTokensArgs = {
  uid: Scalars['ID']['input'];
};


export type MutationRevokeRefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationSetAccountPasswordArgs = {
  password: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  uid: Scalars['ID']['input'];
};


export type MutationUpdateAccountArgs = {
  input: UpdateAccountInput;
  nullSupport?: Scalars['Boolean']['input'];
  uid: Scalars['ID']['input'];
};


export type MutationUpdateAccountPhoneIdArgs = {
  phone: Scalars['String']['input'];
  uid: Scalars['ID']['input'];
};


export type MutationUpdateAccountUidArgs = {
  newUid: Scalars['ID']['input'];
  uid: Scalars['ID']['input'];
};


export type MutationUpsertAccountEmailArgs = {
  emails: Array<EmailInput>;
  uid: Scalars['ID']['input'];
};

/** One acceptance of a privacy policy version. */
export type PrivacyPolicyAcceptance = {
  __typename?: 'PrivacyPolicyAcceptance';
  /** Where it was accepted, e.g. `API`. */
  acceptSource?: Maybe<Scalars['String']['output']>;
  /** When it was accepted. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The accepted policy version. */
  version: Scalars['String']['output'];
};

/** The privacy policy versions an account has accepted. */
export type PrivacyPolicyHistory = {
  __typename?: 'PrivacyPolicyHistory';
  /** The version in force; null if none was accepted. */
  current?: Maybe<PrivacyPolicyAcceptance>;
  /** Every acceptance, oldest first. */
  history: Array<PrivacyPolicyAcceptance>;
};

export type Query = {
  __typename?: 'Query';
  /** The account with this email (the traditional one when a social account shares it), or null. */
  accountByEmail?: Maybe<Account>;
  /** The account with this phone ID, or null. */
  accountByPhone?: Maybe<Account>;
  /** The account with this UID, or null. */
  accountByUid?: Maybe<Account>;
  /** The account with this user name, or null. */
  accountByUserName?: Maybe<Account>;
  /** The accounts with these UIDs, in order, null for unknown ones. One upstream call per distinct UID. */
  accountsByUids: Array<Maybe<Account>>;
  /** Every account that has this email (traditional and social); empty if none. */
  identitiesByEmail: Array<Account>;
};


export type QueryAccountByEmailArgs = {
  email: Scalars['String']['input'];
};


export type QueryAccountByPhoneArgs = {
  phone: Scalars['String']['input'];
};


export type QueryAccountByUidArgs = {
  uid: Scalars['ID']['input'];
};


export type QueryAccountByUserNameArgs = {
  userName: Scalars['String']['input'];
};


export type QueryAccountsByUidsArgs = {
  uids: Array<Scalars['ID']['input']>;
};


export type QueryIdentitiesByEmailArgs = {
  email: Scalars['String']['input'];
};

/** The result of revoking refresh tokens. */
export type RevokeRefreshTokensPayload = {
  __typename?: 'RevokeRefreshTokensPayload';
  /** True when LoginRadius confirmed the revocation. Access tokens stay valid until they expire. */
  revoked: Scalars['Boolean']['output'];
};

/** Changes to an account. Absent fields are left alone; `null` clears a field only when the mutation's `nullSupport` is true. Emails and the phone ID have their own mutations. */
export type UpdateAccountInput = {
  /** Birth date, `YYYY-MM-DD` or `MM-DD-YYYY`. */
  birthDate?: InputMaybe<Scalars['String']['input']>;
  /** City. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** Company. */
  company?: InputMaybe<Scalars['String']['input']>;
  /** Custom fields to set (string values); merged key by key. */
  customFields?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Mark the email as verified (or not). */
  emailVerified?: InputMaybe<Scalars['Boolean']['input']>;
  /** First name. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Full name (stored as given). */
  fullName?: InputMaybe<Scalars['String']['input']>;
  /** Gender. */
  gender?: InputMaybe<Scalars['String']['input']>;
  /** Deactivate (false) or reactivate (true) the account. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Lock (true) or unlock (false) login. */
  isLoginLocked?: InputMaybe<Scalars['Boolean']['input']>;
  /** Last name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Middle name. */
  middleName?: InputMaybe<Scalars['String']['input']>;
  /** Nickname. */
  nickName?: InputMaybe<Scalars['String']['input']>;
  /** Mark the phone ID as verified (or not). */
  phoneVerified?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name prefix. */
  prefix?: InputMaybe<Scalars['String']['input']>;
  /** Record acceptance of this privacy policy version. */
  privacyPolicyVersion?: InputMaybe<Scalars['String']['input']>;
  /** Name suffix. */
  suffix?: InputMaybe<Scalars['String']['input']>;
  /** User name; unique across accounts. */
  userName?: InputMaybe<Scalars['String']['input']>;
};
