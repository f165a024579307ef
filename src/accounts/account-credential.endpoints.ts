import { call, uid } from "./account-profile.endpoints.js";
import {
  WireAccessTokenSchema,
  WireDeletedSchema,
  WireForgotTokenSchema,
  WirePasswordHashSchema,
  WirePostedSchema,
  WireVerificationTokenSchema,
} from "./accounts.wire.js";

const SENT = "ask the account's owner before sending another";

/**
 * The Accounts endpoints of passwords, verification and tokens, one row per client method:
 * nothing here changes what a profile read returns but the password. Never retried: anything
 * that sends an email or SMS, or mints a token.
 */
export const CREDENTIAL_ENDPOINTS = {
  getPasswordHash: call("GET", "/{uid}/password", {
    retry: true,
    answer: WirePasswordHashSchema,
    input: (id: string) => ({ params: uid(id) }),
    covers: {
      sdk: "accountApi.getAccountPasswordHashByUid",
      reference: "account/account-password",
      graph: ["Account.passwordHash"],
    },
  }),
  setPassword: call("PUT", "/{uid}/password", {
    retry: true,
    answer: WirePasswordHashSchema,
    input: (id: string, password: string) => ({ params: uid(id), body: { Password: password } }),
    covers: {
      sdk: "accountApi.setAccountPasswordByUid",
      reference: "account/account-set-password",
      graph: ["Mutation.setAccountPassword"],
    },
  }),
  invalidateEmailVerification: call("PUT", "/{uid}/invalidateemail", {
    retry: false,
    answer: WirePostedSchema,
    input: (id: string, options: { emailTemplate?: string; verificationUrl?: string } = {}) => ({
      params: uid(id),
      query: { emailTemplate: options.emailTemplate, verificationUrl: options.verificationUrl },
    }),
    checkFirst: `a verification email may have been sent; ${SENT}`,
    covers: {
      sdk: "accountApi.invalidateAccountEmailVerification",
      reference: "account/account-invalidate-verification-email",
      graph: ["Mutation.invalidateEmailVerification"],
    },
  }),
  resetPhoneIdVerification: call("PUT", "/{uid}/invalidatephone", {
    retry: false,
    answer: WirePostedSchema,
    input: (id: string, options: { smsTemplate?: string; isVoiceOtp?: boolean } = {}) => ({
      params: uid(id),
      query: { smsTemplate: options.smsTemplate, isVoiceOtp: options.isVoiceOtp },
    }),
    checkFirst: `a verification code may have been sent; ${SENT}`,
    covers: {
      sdk: "accountApi.resetPhoneIDVerificationByUid",
      reference: "phone-authentication/reset-phone-id-verification",
      graph: ["Mutation.resetPhoneIdVerification"],
    },
  }),
  forgotPasswordToken: call("POST", "/forgot/token", {
    retry: false,
    answer: WireForgotTokenSchema,
    input: (
      who: { email: string } | { username: string },
      options: { emailTemplate?: string; resetPasswordUrl?: string; sendEmail?: boolean } = {},
    ) => ({
      query: {
        emailTemplate: options.emailTemplate,
        resetPasswordUrl: options.resetPasswordUrl,
        sendEmail: options.sendEmail,
      },
      body: who,
    }),
    checkFirst: `a reset email may have been sent; ${SENT}`,
    covers: {
      sdk: "accountApi.getForgotPasswordToken",
      reference: "account/get-forgot-password-token",
      graph: ["Mutation.generateForgotPasswordToken"],
    },
  }),
  emailVerificationToken: call("POST", "/verify/token", {
    retry: false,
    answer: WireVerificationTokenSchema,
    input: (email: string) => ({ body: { email } }),
    covers: {
      sdk: "accountApi.getEmailVerificationToken",
      reference: "account/get-email-verification-token",
      graph: ["Mutation.generateEmailVerificationToken"],
    },
  }),
  accessTokenByUid: call("GET", "/access_token", {
    retry: false,
    answer: WireAccessTokenSchema,
    input: (id: string) => ({ query: { uid: id } }),
    covers: {
      toldApartBy: "`?uid=`",
      sdk: "accountApi.getAccessTokenByUid",
      reference: "account/account-impersonation-api",
      graph: ["Mutation.issueAccessToken"],
    },
  }),
  refreshAccessToken: call("GET", "/access_token/refresh", {
    retry: false,
    answer: WireAccessTokenSchema,
    input: (refreshToken: string) => ({ query: { refresh_Token: refreshToken } }),
    covers: {
      sdk: "accountApi.refreshAccessTokenByRefreshToken",
      reference: "refresh-token/refresh-access-token-by-refresh-token",
      graph: ["Mutation.refreshAccessToken"],
    },
  }),
  // A repeat after success answers 1217 (already revoked).
  revokeRefreshToken: call("GET", "/access_token/refresh/revoke", {
    retry: false,
    answer: WireDeletedSchema,
    input: (refreshToken: string) => ({ query: { refresh_Token: refreshToken } }),
    covers: {
      sdk: "accountApi.revokeRefreshToken",
      reference: "refresh-token/revoke-refresh-token",
      graph: ["Mutation.revokeRefreshToken"],
    },
  }),
  revokeAllRefreshTokens: call("DELETE", "/{uid}/access_token/refresh/revoke", {
    retry: true,
    answer: WireDeletedSchema,
    input: (id: string) => ({ params: uid(id) }),
    covers: {
      sdk: "accountApi.revokeAllRefreshToken",
      reference: "refresh-token/revoke-all-refresh-token",
      graph: ["Mutation.revokeAllRefreshTokens"],
    },
  }),
};
