import type { BoundHttp } from "../loginradius/bound-http.js";
import { endpointsUnder } from "../loginradius/endpoints.js";
import {
  type WireAccessToken,
  WireAccessTokenSchema,
  type WireDeleted,
  WireDeletedSchema,
  type WireEmail,
  type WireForgotToken,
  WireForgotTokenSchema,
  type WireIdentities,
  WireIdentitiesSchema,
  type WirePasswordHash,
  WirePasswordHashSchema,
  type WirePosted,
  WirePostedSchema,
  type WirePrivacyPolicyHistory,
  WirePrivacyPolicyHistorySchema,
  type WireProfile,
  type WireProfileBody,
  WireProfileSchema,
  type WireVerificationToken,
  WireVerificationTokenSchema,
} from "./accounts.wire.js";

/** A `fields` projection as LoginRadius takes it (`Uid,Email`); undefined = everything. */
export type Fields = string | undefined;

/**
 * The Accounts endpoints by role, returning the wire types. The loaders need only the reads, so
 * a test double of them implements `AccountReads`; `accountsClientDouble` (beside the tests)
 * fills in the rest. The ky-backed client below is the one real implementation.
 */
export interface AccountReads {
  getByEmail(email: string, fields?: Fields): Promise<WireProfile>;
  getByUserName(userName: string, fields?: Fields): Promise<WireProfile>;
  getByPhone(phone: string, fields?: Fields): Promise<WireProfile>;
  getByUid(uid: string, fields?: Fields): Promise<WireProfile>;
  identitiesByEmail(email: string, fields?: Fields): Promise<WireIdentities>;
  getPasswordHash(uid: string): Promise<WirePasswordHash>;
  privacyPolicyHistory(uid: string): Promise<WirePrivacyPolicyHistory>;
}

/** Writes to a profile: each answers with the profile, or with a flag. */
export interface AccountWrites {
  createAccount(body: WireProfileBody, fields?: Fields): Promise<WireProfile>;
  updateAccount(
    uid: string,
    body: WireProfileBody,
    nullSupport: boolean,
    fields?: Fields,
  ): Promise<WireProfile>;
  updatePhoneId(uid: string, phone: string, fields?: Fields): Promise<WireProfile>;
  upsertEmail(uid: string, emails: WireEmail[], fields?: Fields): Promise<WireProfile>;
  removeEmail(uid: string, email: string, fields?: Fields): Promise<WireProfile>;
  updateUid(uid: string, newUid: string): Promise<WirePosted>;
  deleteByUid(uid: string): Promise<WireDeleted>;
  deleteByEmail(email: string): Promise<WireDeleted>;
  invalidateEmailVerification(
    uid: string,
    options?: { emailTemplate?: string; verificationUrl?: string },
  ): Promise<WirePosted>;
  resetPhoneIdVerification(
    uid: string,
    options?: { smsTemplate?: string; isVoiceOtp?: boolean },
  ): Promise<WirePosted>;
}

/** Passwords and tokens: nothing here changes what a profile read returns but the password. */
export interface AccountCredentials {
  setPassword(uid: string, password: string): Promise<WirePasswordHash>;
  forgotPasswordToken(
    who: { email: string } | { username: string },
    options?: { emailTemplate?: string; resetPasswordUrl?: string; sendEmail?: boolean },
  ): Promise<WireForgotToken>;
  emailVerificationToken(email: string): Promise<WireVerificationToken>;
  accessTokenByUid(uid: string): Promise<WireAccessToken>;
  refreshAccessToken(refreshToken: string): Promise<WireAccessToken>;
  revokeRefreshToken(refreshToken: string): Promise<WireDeleted>;
  revokeAllRefreshTokens(uid: string): Promise<WireDeleted>;
}

/** The whole Accounts section: what the repository sees. */
export interface AccountsClient extends AccountReads, AccountWrites, AccountCredentials {}

const ACCOUNT = "/identity/v2/manage/account";

const endpoint = endpointsUnder(ACCOUNT);

/**
 * The Accounts endpoints: method, path, whether a repeat is harmless, and the answer's schema.
 * Never retried: anything that creates, deletes, sends an email or SMS, or mints a token.
 */
export const ACCOUNT_ENDPOINTS = {
  create: endpoint(
    "POST",
    "",
    false,
    WireProfileSchema,
    "look the account up by its email (accountByEmail) before creating it again",
  ),
  find: endpoint("GET", "", true, WireProfileSchema),
  byUid: endpoint("GET", "/{uid}", true, WireProfileSchema),
  // Same body, same result: safe to repeat.
  update: endpoint("PUT", "/{uid}", true, WireProfileSchema),
  phoneId: endpoint("PUT", "/{uid}/phoneid", true, WireProfileSchema),
  passwordHash: endpoint("GET", "/{uid}/password", true, WirePasswordHashSchema),
  setPassword: endpoint("PUT", "/{uid}/password", true, WirePasswordHashSchema),
  // A repeated delete would answer 938 for a delete that succeeded.
  deleteByUid: endpoint("DELETE", "/{uid}", false, WireDeletedSchema),
  deleteByEmail: endpoint("DELETE", "", false, WireDeletedSchema),
  invalidateEmail: endpoint(
    "PUT",
    "/{uid}/invalidateemail",
    false,
    WirePostedSchema,
    "a verification email may have been sent; ask the account's owner before sending another",
  ),
  invalidatePhone: endpoint(
    "PUT",
    "/{uid}/invalidatephone",
    false,
    WirePostedSchema,
    "a verification code may have been sent; ask the account's owner before sending another",
  ),
  forgotToken: endpoint(
    "POST",
    "/forgot/token",
    false,
    WireForgotTokenSchema,
    "a reset email may have been sent; ask the account's owner before sending another",
  ),
  verifyToken: endpoint("POST", "/verify/token", false, WireVerificationTokenSchema),
  accessToken: endpoint("GET", "/access_token", false, WireAccessTokenSchema),
  refreshToken: endpoint("GET", "/access_token/refresh", false, WireAccessTokenSchema),
  // A repeat after success answers 1217 (already revoked).
  revokeToken: endpoint("GET", "/access_token/refresh/revoke", false, WireDeletedSchema),
  revokeAll: endpoint("DELETE", "/{uid}/access_token/refresh/revoke", true, WireDeletedSchema),
  upsertEmail: endpoint("PUT", "/{uid}/email", true, WireProfileSchema),
  // A repeat after success answers 1340 (not in profile).
  removeEmail: endpoint("DELETE", "/{uid}/email", false, WireProfileSchema),
  identities: endpoint("GET", "/identities", true, WireIdentitiesSchema),
  // A repeat after success answers 938 (old UID gone).
  updateUid: endpoint("PUT", "/uid", false, WirePostedSchema),
  privacyHistory: endpoint(
    "GET",
    "/{uid}/privacypolicy/history",
    true,
    WirePrivacyPolicyHistorySchema,
  ),
} as const;

const E = ACCOUNT_ENDPOINTS;

/**
 * The Accounts client over the adapter, bound to one request's scope (its id, deadline and call
 * count go with every call).
 */
export const createAccountsClient = ({ call }: BoundHttp): AccountsClient => {
  const uid = (value: string) => ({ uid: value });

  return {
    createAccount: (body, fields) => call(E.create, { query: { fields }, body }),
    getByEmail: (email, fields) => call(E.find, { query: { email, fields } }),
    getByUserName: (userName, fields) => call(E.find, { query: { userName, fields } }),
    getByPhone: (phone, fields) => call(E.find, { query: { phone, fields } }),
    getByUid: (id, fields) => call(E.byUid, { params: uid(id), query: { fields } }),
    updateAccount: (id, body, nullSupport, fields) =>
      call(E.update, { params: uid(id), query: { fields, nullSupport }, body }),
    updatePhoneId: (id, phone, fields) =>
      call(E.phoneId, { params: uid(id), query: { fields }, body: { Phone: phone } }),
    getPasswordHash: (id) => call(E.passwordHash, { params: uid(id) }),
    setPassword: (id, password) =>
      call(E.setPassword, { params: uid(id), body: { Password: password } }),
    deleteByUid: (id) => call(E.deleteByUid, { params: uid(id) }),
    deleteByEmail: (email) => call(E.deleteByEmail, { query: { email } }),
    invalidateEmailVerification: (id, options = {}) =>
      call(E.invalidateEmail, {
        params: uid(id),
        query: { emailTemplate: options.emailTemplate, verificationUrl: options.verificationUrl },
      }),
    resetPhoneIdVerification: (id, options = {}) =>
      call(E.invalidatePhone, {
        params: uid(id),
        query: { smsTemplate: options.smsTemplate, isVoiceOtp: options.isVoiceOtp },
      }),
    forgotPasswordToken: (who, options = {}) =>
      call(E.forgotToken, {
        query: {
          emailTemplate: options.emailTemplate,
          resetPasswordUrl: options.resetPasswordUrl,
          sendEmail: options.sendEmail,
        },
        body: who,
      }),
    emailVerificationToken: (email) => call(E.verifyToken, { body: { email } }),
    accessTokenByUid: (id) => call(E.accessToken, { query: { uid: id } }),
    refreshAccessToken: (refreshToken) =>
      call(E.refreshToken, { query: { refresh_Token: refreshToken } }),
    revokeRefreshToken: (refreshToken) =>
      call(E.revokeToken, { query: { refresh_Token: refreshToken } }),
    revokeAllRefreshTokens: (id) => call(E.revokeAll, { params: uid(id) }),
    upsertEmail: (id, emails, fields) =>
      call(E.upsertEmail, { params: uid(id), query: { fields }, body: { Email: emails } }),
    removeEmail: (id, email, fields) =>
      call(E.removeEmail, { params: uid(id), query: { fields }, body: { email } }),
    identitiesByEmail: (email, fields) => call(E.identities, { query: { email, fields } }),
    updateUid: (id, newUid) => call(E.updateUid, { query: { uid: id }, body: { NewUid: newUid } }),
    privacyPolicyHistory: (id) => call(E.privacyHistory, { params: uid(id) }),
  };
};
