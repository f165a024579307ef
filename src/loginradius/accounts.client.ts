import type { LoginRadiusHttp } from "./http.js";
import type {
  WireAccessToken,
  WireDeleted,
  WireEmail,
  WireForgotToken,
  WireIdentities,
  WirePasswordHash,
  WirePosted,
  WirePrivacyPolicyHistory,
  WireProfile,
  WireProfileBody,
  WireVerificationToken,
} from "./wire.js";

/** A `fields` projection as LoginRadius takes it (`Uid,Email`); undefined = everything. */
export type Fields = string | undefined;

/**
 * One method per endpoint of the Accounts section, returning the wire types. Resolvers and
 * loaders see this interface; the ky client below is one implementation, a test double another.
 */
export interface AccountsClient {
  createAccount(body: WireProfileBody, fields?: Fields): Promise<WireProfile>;
  getByEmail(email: string, fields?: Fields): Promise<WireProfile>;
  getByUserName(userName: string, fields?: Fields): Promise<WireProfile>;
  getByPhone(phone: string, fields?: Fields): Promise<WireProfile>;
  getByUid(uid: string, fields?: Fields): Promise<WireProfile>;
  updateAccount(
    uid: string,
    body: WireProfileBody,
    nullSupport: boolean,
    fields?: Fields,
  ): Promise<WireProfile>;
  updatePhoneId(uid: string, phone: string, fields?: Fields): Promise<WireProfile>;
  getPasswordHash(uid: string): Promise<WirePasswordHash>;
  setPassword(uid: string, password: string): Promise<WirePasswordHash>;
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
  forgotPasswordToken(
    who: { email: string } | { username: string },
    options?: { emailTemplate?: string; resetPasswordUrl?: string; sendEmail?: boolean },
  ): Promise<WireForgotToken>;
  emailVerificationToken(email: string): Promise<WireVerificationToken>;
  accessTokenByUid(uid: string): Promise<WireAccessToken>;
  refreshAccessToken(refreshToken: string): Promise<WireAccessToken>;
  revokeRefreshToken(refreshToken: string): Promise<WireDeleted>;
  revokeAllRefreshTokens(uid: string): Promise<WireDeleted>;
  upsertEmail(uid: string, emails: WireEmail[], fields?: Fields): Promise<WireProfile>;
  removeEmail(uid: string, email: string, fields?: Fields): Promise<WireProfile>;
  identitiesByEmail(email: string, fields?: Fields): Promise<WireIdentities>;
  updateUid(uid: string, newUid: string): Promise<WirePosted>;
  privacyPolicyHistory(uid: string): Promise<WirePrivacyPolicyHistory>;
}

const ACCOUNT = "/identity/v2/manage/account";

export const createAccountsClient = (http: LoginRadiusHttp): AccountsClient => {
  const read = <T>(
    path: string,
    params: Record<string, string>,
    query: Record<string, string | undefined> = {},
  ) => http.call<T>({ method: "GET", path, params, query, retry: true });

  return {
    createAccount: (body, fields) =>
      http.call({ method: "POST", path: ACCOUNT, query: { fields }, body, retry: false }),
    getByEmail: (email, fields) => read(ACCOUNT, {}, { email, fields }),
    getByUserName: (userName, fields) => read(ACCOUNT, {}, { userName, fields }),
    getByPhone: (phone, fields) => read(ACCOUNT, {}, { phone, fields }),
    getByUid: (uid, fields) => read(`${ACCOUNT}/{uid}`, { uid }, { fields }),
    // Same body, same result: safe to repeat.
    updateAccount: (uid, body, nullSupport, fields) =>
      http.call({
        method: "PUT",
        path: `${ACCOUNT}/{uid}`,
        params: { uid },
        query: { fields, nullSupport },
        body,
        retry: true,
      }),
    updatePhoneId: (uid, phone, fields) =>
      http.call({
        method: "PUT",
        path: `${ACCOUNT}/{uid}/phoneid`,
        params: { uid },
        query: { fields },
        body: { Phone: phone },
        retry: true,
      }),
    getPasswordHash: (uid) => read(`${ACCOUNT}/{uid}/password`, { uid }),
    setPassword: (uid, password) =>
      http.call({
        method: "PUT",
        path: `${ACCOUNT}/{uid}/password`,
        params: { uid },
        body: { Password: password },
        retry: true,
      }),
    // A repeated delete would answer 938 for a delete that succeeded: never retried.
    deleteByUid: (uid) =>
      http.call({ method: "DELETE", path: `${ACCOUNT}/{uid}`, params: { uid }, retry: false }),
    deleteByEmail: (email) =>
      http.call({ method: "DELETE", path: ACCOUNT, query: { email }, retry: false }),
    // Sends an email: never retried.
    invalidateEmailVerification: (uid, options = {}) =>
      http.call({
        method: "PUT",
        path: `${ACCOUNT}/{uid}/invalidateemail`,
        params: { uid },
        query: { emailTemplate: options.emailTemplate, verificationUrl: options.verificationUrl },
        retry: false,
      }),
    // Sends an SMS: never retried.
    resetPhoneIdVerification: (uid, options = {}) =>
      http.call({
        method: "PUT",
        path: `${ACCOUNT}/{uid}/invalidatephone`,
        params: { uid },
        query: { smsTemplate: options.smsTemplate, isVoiceOtp: options.isVoiceOtp },
        retry: false,
      }),
    forgotPasswordToken: (who, options = {}) =>
      http.call({
        method: "POST",
        path: `${ACCOUNT}/forgot/token`,
        query: {
          emailTemplate: options.emailTemplate,
          resetPasswordUrl: options.resetPasswordUrl,
          sendEmail: options.sendEmail,
        },
        body: who,
        retry: false,
      }),
    emailVerificationToken: (email) =>
      http.call({ method: "POST", path: `${ACCOUNT}/verify/token`, body: { email }, retry: false }),
    // Each call mints a new token: never retried.
    accessTokenByUid: (uid) =>
      http.call({ method: "GET", path: `${ACCOUNT}/access_token`, query: { uid }, retry: false }),
    refreshAccessToken: (refreshToken) =>
      http.call({
        method: "GET",
        path: `${ACCOUNT}/access_token/refresh`,
        query: { refresh_Token: refreshToken },
        retry: false,
      }),
    // A repeat after success answers 1217 (already revoked): never retried.
    revokeRefreshToken: (refreshToken) =>
      http.call({
        method: "GET",
        path: `${ACCOUNT}/access_token/refresh/revoke`,
        query: { refresh_Token: refreshToken },
        retry: false,
      }),
    revokeAllRefreshTokens: (uid) =>
      http.call({
        method: "DELETE",
        path: `${ACCOUNT}/{uid}/access_token/refresh/revoke`,
        params: { uid },
        retry: true,
      }),
    upsertEmail: (uid, emails, fields) =>
      http.call({
        method: "PUT",
        path: `${ACCOUNT}/{uid}/email`,
        params: { uid },
        query: { fields },
        body: { Email: emails },
        retry: true,
      }),
    // A repeat after success answers 1340 (not in profile): never retried.
    removeEmail: (uid, email, fields) =>
      http.call({
        method: "DELETE",
        path: `${ACCOUNT}/{uid}/email`,
        params: { uid },
        query: { fields },
        body: { email },
        retry: false,
      }),
    identitiesByEmail: (email, fields) => read(`${ACCOUNT}/identities`, {}, { email, fields }),
    // A repeat after success answers 938 (old UID gone): never retried.
    updateUid: (uid, newUid) =>
      http.call({
        method: "PUT",
        path: `${ACCOUNT}/uid`,
        query: { uid },
        body: { NewUid: newUid },
        retry: false,
      }),
    privacyPolicyHistory: (uid) => read(`${ACCOUNT}/{uid}/privacypolicy/history`, { uid }),
  };
};
