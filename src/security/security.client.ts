import type { BoundHttp } from "../loginradius/bound-http.js";
import { clientOver } from "../loginradius/endpoint-client.js";
import {
  type ClientOf,
  endpointsUnder,
  endpointTable,
  variants,
} from "../loginradius/endpoints.js";
import type { CallInput } from "../loginradius/http.js";
import {
  WireBackupCodesSchema,
  WireConsentLogsSchema,
  WireIsDeletedSchema,
  WireIsValidSchema,
  WirePasskeysSchema,
} from "./security.wire.js";

const { call } = endpointsUnder("/identity/v2/manage/account");
/**
 * "Account Reset MFA Passkey Authenticator" takes the API key, secret and `uid` like its siblings,
 * but the docs put it under `/identity/v2/auth/account` (passkey/account-reset-mfa-passkey-authenticator).
 */
const authAccount = endpointsUnder("/identity/v2/auth/account");

const MFA = "multi-factor-authentication";
const RESET = ["Mutation.resetAuthenticator"];
const REAUTH = ["Mutation.validateReauthentication"];
/** What to check when a call below may have been performed but its answer was lost. */
const NEW_CODES =
  "new backup codes may have been generated and lost; reset them (resetBackupCodes) for a set you can show";
const NEW_STEP_UP =
  "the step-up token may have been used; ask the user for a new one rather than sending it again";

const byUid = (uid: string) => ({ query: { uid } });
/** A reset: never repeated (a repeat after success answers "not configured" or 1325). */
const reset = (
  path: string,
  sdk: string,
  reference: string,
  input: (uid: string) => CallInput = byUid,
) =>
  call("DELETE", path, {
    retry: false,
    answer: WireIsDeletedSchema,
    input,
    covers: { sdk, reference: `${MFA}/${reference}`, graph: RESET },
  });

/** The second factors an administrator can reset, each with its call. */
const RESETS = {
  // SMS OTP and authenticator app share the path; the body key tells them apart.
  SMS_OTP: call("DELETE", "/2fa/authenticator", {
    retry: false,
    answer: WireIsDeletedSchema,
    input: (uid: string) => ({ query: { uid }, body: { otpauthenticator: true } }),
    covers: {
      toldApartBy: "`{otpauthenticator: true}`",
      sdk: "multiFactorAuthenticationApi.mfaResetSMSAuthenticatorByUid",
      reference: `${MFA}/sms-authenticator/mfa-reset-sms-authenticator-by-uid`,
      graph: RESET,
    },
  }),
  AUTHENTICATOR_APP: call("DELETE", "/2fa/authenticator", {
    retry: false,
    answer: WireIsDeletedSchema,
    input: (uid: string) => ({ query: { uid }, body: { authenticator: true } }),
    covers: {
      toldApartBy: "`{authenticator: true}`",
      sdk: "multiFactorAuthenticationApi.mfaResetAuthenticatorByUid",
      reference: `${MFA}/authenticator/mfa-reset-authenticator-by-uid`,
      graph: RESET,
    },
  }),
  EMAIL_OTP: reset(
    "/2fa/authenticator/otp/email",
    "multiFactorAuthenticationApi.mfaResetEmailOtpAuthenticatorByUid",
    "email-authenticator/reset-mfa-email-otp-authenticator-settings-by-uid",
  ),
  SECURITY_QUESTION: reset(
    "/2fa/authenticator/securityquestionanswer",
    "multiFactorAuthenticationApi.mfaResetSecurityQuestionAuthenticatorByUid",
    "security-question-authenticator/delete-reset-mfa-security-question-authenticator-settings-uid",
  ),
  DUO: reset(
    "/2fa/authenticator/duo",
    "– (docs only)",
    "duo-security-authenticator/reset-mfa-duo-security-authenticator-settings-by-uid",
  ),
  PUSH: reset(
    "/2fa/authenticator/push/{uid}",
    "– (docs only)",
    "push-notification/mfa-reset-push-authenticator-by-uid",
    (uid: string) => ({ params: { uid } }),
  ),
  PASSKEY: authAccount.call("DELETE", "/2fa/authenticator/passkey", {
    retry: false,
    answer: WireIsDeletedSchema,
    input: byUid,
    covers: {
      toldApartBy: "`?uid=` (key and secret, as the docs give it)",
      sdk: "– (docs only)",
      reference: `${MFA}/passkey/account-reset-mfa-passkey-authenticator`,
      graph: RESET,
    },
  }),
};

// POSTs, never repeated: whether LoginRadius consumes a step-up token it validated is not
// documented (the emulator does not), and a repeat could then answer "invalid" for a valid one.
const reauth = (path: string, sdk: string, reference: string) =>
  call("POST", path, {
    retry: false,
    answer: WireIsValidSchema,
    input: (uid: string, _kind: string, token: string) => ({
      params: { uid },
      body: { SecondFactorValidationToken: token },
    }),
    checkFirst: NEW_STEP_UP,
    covers: {
      sdk: `reAuthenticationApi.${sdk}`,
      reference: `step-up-authentication/${reference}`,
      graph: REAUTH,
    },
  });

/** The step-up ("re-authentication") checks, each with its call. */
const REAUTHS = {
  TWO_FACTOR: reauth(
    "/{uid}/reauth/2fa",
    "verifyMultiFactorOtpReauthentication",
    "mfa/step-up-auth-validate-mfa",
  ),
  PASSWORD: reauth(
    "/{uid}/reauth/password",
    "verifyMultiFactorPasswordReauthentication",
    "step-up-auth-validate-password",
  ),
  PIN: reauth(
    "/{uid}/reauth/pin",
    "verifyMultiFactorPINReauthentication",
    "pin/step-up-auth-validate-pin",
  ),
};

/** The second factors an administrator can reset, as `resetAuthenticator` names them. */
export type AuthenticatorKind = keyof typeof RESETS;
/** The step-up ("re-authentication") checks. */
export type ReauthKind = keyof typeof REAUTHS;

/**
 * The Account Security endpoints, one row per client method. Retried: the passkey and consent
 * reads. Never retried: every reset and removal, and both backup-code calls (each mints codes; a
 * repeated first GET answers 1127 and the codes are lost).
 */
export const SECURITY_ENDPOINTS = endpointTable("Account Security", {
  resetAuthenticator: variants((_uid: string, kind: AuthenticatorKind) => kind, RESETS),
  /** The first call mints and shows ten codes; later ones answer 1127. */
  backupCodes: call("GET", "/2fa/backupcode", {
    retry: false,
    answer: WireBackupCodesSchema,
    input: byUid,
    checkFirst: NEW_CODES,
    covers: {
      sdk: "multiFactorAuthenticationApi.mfaBackupCodeByUid",
      reference: `${MFA}/backup-codes/mfa-backup-code-by-uid`,
      graph: ["Account.backupCodes"],
    },
  }),
  resetBackupCodes: call("GET", "/2fa/backupcode/reset", {
    retry: false,
    answer: WireBackupCodesSchema,
    input: byUid,
    checkFirst: NEW_CODES,
    covers: {
      sdk: "multiFactorAuthenticationApi.mfaResetBackupCodeByUid",
      reference: `${MFA}/backup-codes/mfa-reset-backup-code-by-uid`,
      graph: ["Mutation.resetBackupCodes"],
    },
  }),
  validateReauth: variants((_uid: string, kind: ReauthKind, _token: string) => kind, REAUTHS),
  consentLogs: call("GET", "/{uid}/consent/logs", {
    retry: true,
    answer: WireConsentLogsSchema,
    input: (uid: string) => ({ params: { uid } }),
    covers: {
      sdk: "consentManagementApi.getConsentLogsByUid",
      reference: "consent-management/consent-log-by-uid",
      graph: ["Account.consentLogs"],
    },
  }),
  passkeys: call("GET", "/passkey", {
    retry: true,
    answer: WirePasskeysSchema,
    input: byUid,
    covers: {
      toldApartBy: "`?uid=`",
      sdk: "– (docs only)",
      reference: "passkey/manage-list-users-passkeys",
      graph: ["Account.passkeys"],
    },
  }),
  removePasskey: call("DELETE", "/passkey/{passkeyid}", {
    retry: false,
    answer: WireIsDeletedSchema,
    input: (uid: string, passkeyId: string) => ({
      params: { passkeyid: passkeyId },
      query: { uid },
    }),
    covers: {
      toldApartBy: "`?uid=`",
      sdk: "– (docs only)",
      reference: "passkey/manage-remove-passkey-by-uid",
      graph: ["Mutation.removePasskey"],
    },
  }),
});

/** The whole Account Security section, as the repository sees it. */
export type SecurityClient = ClientOf<typeof SECURITY_ENDPOINTS>;

/** The Account Security client over the adapter, as bound to one request (its id, deadline and call count go with every call). */
export const createSecurityClient = (http: BoundHttp): SecurityClient =>
  clientOver(SECURITY_ENDPOINTS, http);
