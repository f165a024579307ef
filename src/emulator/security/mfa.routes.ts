import { randomBytes } from "node:crypto";
import { ACCOUNT, requireAccount } from "../accounts/index.js";
import { bodyValue } from "../core/request.js";
import { SECURITY } from "./codes.js";
import {
  recordOf,
  type SecurityContext,
  type SecurityRoute,
  saveRecord,
  uidFromQuery,
} from "./security.context.js";
import { type Authenticator, type SecurityRecord, sha256 } from "./security.store.js";

/** The documented "not configured for this profile" code of each second factor. */
const NOT_CONFIGURED: Record<Authenticator, 1099 | 1101 | 1313 | 1328 | 1334> = {
  sms: 1101,
  app: 1099,
  email: 1101,
  question: 1101,
  duo: 1334,
  push: 1313,
  passkey: 1328,
};

/**
 * "Account Reset MFA Passkey Authenticator": the docs give this by-UID reset (API key, secret and
 * `uid`) a path under `/identity/v2/auth/account`, unlike its siblings under `/manage`; served
 * where the docs put it.
 */
export const MFA_PASSKEY_RESET_PATH = "/identity/v2/auth/account/2fa/authenticator/passkey";

/** Turns the given second factors off; a factor that is not on is its documented error. */
const resetFactors = (ctx: SecurityContext, uid: string, factors: Authenticator[]): unknown => {
  const account = requireAccount(ctx.stores.accounts, uid);
  const record = recordOf(ctx, account);
  for (const factor of factors)
    if (!record.enabled.includes(factor)) throw SECURITY.fail(NOT_CONFIGURED[factor]);
  const enabled = record.enabled.filter((f) => !factors.includes(f));
  saveRecord(ctx, account, {
    ...record,
    enabled,
    otpPhone: factors.includes("sms") ? null : record.otpPhone,
    // Backup codes belong to MFA as a whole: gone with the last second factor.
    backupCodes: enabled.length === 0 ? null : record.backupCodes,
  });
  return { IsDeleted: true };
};

/**
 * One path, two resets: `{otpauthenticator: true}` is the SMS OTP authenticator,
 * `{authenticator: true}` the authenticator app; neither is 1121.
 */
const resetSmsOrApp = (ctx: SecurityContext): unknown => {
  const uid = uidFromQuery(ctx);
  const body = ctx.body;
  const factors: Authenticator[] = [];
  if (bodyValue(body, "otpauthenticator") === true) factors.push("sms");
  if (bodyValue(body, "authenticator") === true) factors.push("app");
  if (factors.length === 0) {
    requireAccount(ctx.stores.accounts, uid);
    throw SECURITY.fail(1121);
  }
  return resetFactors(ctx, uid, factors);
};

/** Ten codes of the documented form `xxxxx-xxxxx`. */
export const newBackupCodes = (): string[] =>
  Array.from({ length: 10 }, () => {
    const hex = randomBytes(5).toString("hex");
    return `${hex.slice(0, 5)}-${hex.slice(5)}`;
  });

const issueBackupCodes = (ctx: SecurityContext, reset: boolean): unknown => {
  const account = requireAccount(ctx.stores.accounts, uidFromQuery(ctx));
  const record: SecurityRecord = recordOf(ctx, account);
  if (record.enabled.length === 0) throw SECURITY.fail(1101);
  if (!reset && record.backupCodes !== null) throw SECURITY.fail(1127);
  const codes = newBackupCodes();
  saveRecord(ctx, account, { ...record, backupCodes: codes.map(sha256) });
  return { BackUpCodes: codes };
};

const byQuery =
  (factor: Authenticator) =>
  (ctx: SecurityContext): unknown =>
    resetFactors(ctx, uidFromQuery(ctx), [factor]);

/** Authenticator resets by UID and the backup codes (shown once, then only by a reset). */
export const mfaRoutes: SecurityRoute[] = [
  { method: "DELETE", path: `${ACCOUNT}/2fa/authenticator`, body: true, handle: resetSmsOrApp },
  { method: "DELETE", path: `${ACCOUNT}/2fa/authenticator/otp/email`, handle: byQuery("email") },
  {
    method: "DELETE",
    path: `${ACCOUNT}/2fa/authenticator/securityquestionanswer`,
    handle: byQuery("question"),
  },
  { method: "DELETE", path: `${ACCOUNT}/2fa/authenticator/duo`, handle: byQuery("duo") },
  { method: "DELETE", path: MFA_PASSKEY_RESET_PATH, handle: byQuery("passkey") },
  {
    method: "DELETE",
    path: `${ACCOUNT}/2fa/authenticator/push/{uid}`,
    handle: (ctx) => resetFactors(ctx, ctx.params.uid as string, ["push"]),
  },
  {
    method: "GET",
    path: `${ACCOUNT}/2fa/backupcode`,
    handle: (ctx) => issueBackupCodes(ctx, false),
  },
  {
    method: "GET",
    path: `${ACCOUNT}/2fa/backupcode/reset`,
    handle: (ctx) => issueBackupCodes(ctx, true),
  },
];
