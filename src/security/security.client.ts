import type { BoundHttp } from "../loginradius/bound-http.js";
import { endpointsUnder } from "../loginradius/endpoints.js";
import type { CallInput, Endpoint } from "../loginradius/http.js";
import {
  type WireBackupCodes,
  WireBackupCodesSchema,
  type WireConsentLogs,
  WireConsentLogsSchema,
  type WireIsDeleted,
  WireIsDeletedSchema,
  type WireIsValid,
  WireIsValidSchema,
  type WirePasskeys,
  WirePasskeysSchema,
} from "./security.wire.js";

/** The second factors an administrator can reset, as `resetAuthenticator` names them. */
export type AuthenticatorKind =
  | "SMS_OTP"
  | "AUTHENTICATOR_APP"
  | "EMAIL_OTP"
  | "SECURITY_QUESTION"
  | "DUO"
  | "PUSH"
  | "PASSKEY";

/** The step-up ("re-authentication") checks. */
export type ReauthKind = "TWO_FACTOR" | "PASSWORD" | "PIN";

/** Reads: nothing here changes the account (but see `backupCodes`). */
export interface SecurityReads {
  /** The first call mints and shows ten codes; later ones answer 1127. */
  backupCodes(uid: string): Promise<WireBackupCodes>;
  passkeys(uid: string): Promise<WirePasskeys>;
  consentLogs(uid: string): Promise<WireConsentLogs>;
  validateReauth(uid: string, kind: ReauthKind, token: string): Promise<WireIsValid>;
}

/** Resets and removals: each changes how the user signs in. */
export interface SecurityWrites {
  resetAuthenticator(uid: string, kind: AuthenticatorKind): Promise<WireIsDeleted>;
  resetBackupCodes(uid: string): Promise<WireBackupCodes>;
  removePasskey(uid: string, passkeyId: string): Promise<WireIsDeleted>;
}

/** The whole Account Security section: what the repository sees. */
export interface SecurityClient extends SecurityReads, SecurityWrites {}

const ACCOUNT = "/identity/v2/manage/account";

const endpoint = endpointsUnder(ACCOUNT);

/**
 * "Account Reset MFA Passkey Authenticator" takes the API key, secret and `uid` like its siblings,
 * but the docs put it under `/identity/v2/auth/account` (passkey/account-reset-mfa-passkey-authenticator).
 */
const authAccountEndpoint = endpointsUnder("/identity/v2/auth/account");

/** What to check when a call below may have been performed but its answer was lost. */
const NEW_CODES =
  "new backup codes may have been generated and lost; reset them (resetBackupCodes) for a set you can show";
const NEW_STEP_UP =
  "the step-up token may have been used; ask the user for a new one rather than sending it again";

/**
 * The Account Security endpoints. Retried: the passkey and consent reads. Never retried:
 * every reset and removal (a repeat after success answers "not configured" or 1325), and both
 * backup-code calls (each mints codes; a repeated first GET answers 1127 and the codes are lost).
 */
export const SECURITY_ENDPOINTS = {
  // SMS OTP and authenticator app share the path; the body key tells them apart.
  resetOtpOrApp: endpoint("DELETE", "/2fa/authenticator", false, WireIsDeletedSchema),
  resetEmailOtp: endpoint("DELETE", "/2fa/authenticator/otp/email", false, WireIsDeletedSchema),
  resetQuestion: endpoint(
    "DELETE",
    "/2fa/authenticator/securityquestionanswer",
    false,
    WireIsDeletedSchema,
  ),
  resetDuo: endpoint("DELETE", "/2fa/authenticator/duo", false, WireIsDeletedSchema),
  resetPush: endpoint("DELETE", "/2fa/authenticator/push/{uid}", false, WireIsDeletedSchema),
  resetPasskey: authAccountEndpoint(
    "DELETE",
    "/2fa/authenticator/passkey",
    false,
    WireIsDeletedSchema,
  ),
  backupCodes: endpoint("GET", "/2fa/backupcode", false, WireBackupCodesSchema, NEW_CODES),
  resetBackupCodes: endpoint(
    "GET",
    "/2fa/backupcode/reset",
    false,
    WireBackupCodesSchema,
    NEW_CODES,
  ),
  // POSTs, never repeated: whether LoginRadius consumes a step-up token it validated is not
  // documented (the emulator does not), and a repeat could then answer "invalid" for a valid one.
  reauth2fa: endpoint("POST", "/{uid}/reauth/2fa", false, WireIsValidSchema, NEW_STEP_UP),
  reauthPassword: endpoint("POST", "/{uid}/reauth/password", false, WireIsValidSchema, NEW_STEP_UP),
  reauthPin: endpoint("POST", "/{uid}/reauth/pin", false, WireIsValidSchema, NEW_STEP_UP),
  consentLogs: endpoint("GET", "/{uid}/consent/logs", true, WireConsentLogsSchema),
  passkeys: endpoint("GET", "/passkey", true, WirePasskeysSchema),
  removePasskey: endpoint("DELETE", "/passkey/{passkeyid}", false, WireIsDeletedSchema),
} as const;

const E = SECURITY_ENDPOINTS;

/** Each authenticator kind -> its reset call (endpoint, and where the UID goes). */
const RESETS: Record<AuthenticatorKind, (uid: string) => [Endpoint, CallInput]> = {
  SMS_OTP: (uid) => [E.resetOtpOrApp, { query: { uid }, body: { otpauthenticator: true } }],
  AUTHENTICATOR_APP: (uid) => [E.resetOtpOrApp, { query: { uid }, body: { authenticator: true } }],
  EMAIL_OTP: (uid) => [E.resetEmailOtp, { query: { uid } }],
  SECURITY_QUESTION: (uid) => [E.resetQuestion, { query: { uid } }],
  DUO: (uid) => [E.resetDuo, { query: { uid } }],
  PUSH: (uid) => [E.resetPush, { params: { uid } }],
  PASSKEY: (uid) => [E.resetPasskey, { query: { uid } }],
};

const REAUTH: Record<ReauthKind, Endpoint<typeof WireIsValidSchema>> = {
  TWO_FACTOR: E.reauth2fa,
  PASSWORD: E.reauthPassword,
  PIN: E.reauthPin,
};

/** The Account Security client over the adapter, bound to one request's scope. */
export const createSecurityClient = ({ call }: BoundHttp): SecurityClient => {
  return {
    resetAuthenticator: (uid, kind) => {
      const [e, input] = RESETS[kind](uid);
      return call(e as Endpoint<typeof WireIsDeletedSchema>, input);
    },
    backupCodes: (uid) => call(E.backupCodes, { query: { uid } }),
    resetBackupCodes: (uid) => call(E.resetBackupCodes, { query: { uid } }),
    validateReauth: (uid, kind, token) =>
      call(REAUTH[kind], { params: { uid }, body: { SecondFactorValidationToken: token } }),
    consentLogs: (uid) => call(E.consentLogs, { params: { uid } }),
    passkeys: (uid) => call(E.passkeys, { query: { uid } }),
    removePasskey: (uid, passkeyId) =>
      call(E.removePasskey, { params: { passkeyid: passkeyId }, query: { uid } }),
  };
};
