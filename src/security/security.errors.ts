import { ErrorCodes, type ErrorRows, errorRow as row } from "../errors.js";
import type { FieldRenames } from "../graphql/upstream-fields.js";

const { NOT_FOUND, BAD_USER_INPUT, FAILED_PRECONDITION } = ErrorCodes;

const NOT_FOR_SITE =
  "is not enabled for this LoginRadius site (a site setting, not the account's).";

/**
 * The LoginRadius codes the Account Security endpoints answer -> GraphQL errors (938 "no such
 * account" is a shared row, src/graphql/identifier-errors.ts; credentials and 1134 are the core's; 958/1081, a body we
 * never send malformed, fall through to UPSTREAM_ERROR). The
 * messages are ours. Codes that depend on site configuration are listed too, though the emulator
 * does not send them (docs/loginradius-security.md).
 */
export const SECURITY_ERROR_ROWS: ErrorRows = {
  1099: row(FAILED_PRECONDITION, "The account has no authenticator app to reset.", "kind"),
  1101: row(
    FAILED_PRECONDITION,
    "This second factor is not configured for the account (backup codes need one).",
  ),
  1334: row(FAILED_PRECONDITION, "The account has no Duo authenticator to reset.", "kind"),
  1313: row(FAILED_PRECONDITION, "The account has no push authenticator to reset.", "kind"),
  1328: row(FAILED_PRECONDITION, "The account has no passkey second factor to reset.", "kind"),
  1327: row(FAILED_PRECONDITION, `Passkey two-factor authentication ${NOT_FOR_SITE}`),
  1121: row(BAD_USER_INPUT, "The request names no authenticator to reset.", "kind"),
  1127: row(
    FAILED_PRECONDITION,
    "The backup codes were already shown once and cannot be read again; call resetBackupCodes for new ones.",
  ),
  1325: row(NOT_FOUND, "The account has no passkey with this ID.", "passkeyId"),
  1097: row(FAILED_PRECONDITION, `Two-factor authentication ${NOT_FOR_SITE}`),
  1098: row(FAILED_PRECONDITION, `Two-factor authentication ${NOT_FOR_SITE}`),
  1256: row(FAILED_PRECONDITION, `Email OTP two-factor authentication ${NOT_FOR_SITE}`),
  1257: row(FAILED_PRECONDITION, `Security question two-factor authentication ${NOT_FOR_SITE}`),
  1299: row(FAILED_PRECONDITION, `Push two-factor authentication ${NOT_FOR_SITE}`),
  1320: row(FAILED_PRECONDITION, `Passkeys ${NOT_FOR_SITE}`),
  1330: row(FAILED_PRECONDITION, `Duo two-factor authentication ${NOT_FOR_SITE}`),
  1331: row(FAILED_PRECONDITION, "Duo two-factor authentication is misconfigured for this site."),
  1227: row(FAILED_PRECONDITION, `Consent management ${NOT_FOR_SITE}`),
  1228: row(NOT_FOUND, "The account has no consent log."),
};

/** LoginRadius body keys of these endpoints -> our arguments. */
export const SECURITY_FIELD_RENAMES: FieldRenames = {
  SecondFactorValidationToken: "token",
  passkeyid: "passkeyId",
};
