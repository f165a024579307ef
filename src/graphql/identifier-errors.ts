import { ErrorCodes, type ErrorRows, errorRow as row } from "../errors.js";
import type { FieldRenames } from "./upstream-fields.js";

const { NOT_FOUND, CONFLICT, BAD_USER_INPUT, FAILED_PRECONDITION } = ErrorCodes;

/** LoginRadius's "no account has this UID": every endpoint under an account's UID may answer it. */
export const ACCOUNT_NOT_FOUND = 938;

/**
 * Codes about an account and its identifiers (UID, email, phone) that the endpoints of several
 * sections answer, so no section's table may be the one they rely on: without it they would
 * reach clients as UPSTREAM_ERROR. Merged under every section's rows (upstream-errors.ts).
 */
export const IDENTIFIER_ERROR_ROWS: ErrorRows = {
  [ACCOUNT_NOT_FOUND]: row(NOT_FOUND, "No account matches."),
  936: row(CONFLICT, "This email is already registered to another account.", "email"),
  1058: row(CONFLICT, "This phone number is already registered to another account.", "phone"),
  1043: row(BAD_USER_INPUT, "The phone number is not valid.", "phone"),
  1096: row(BAD_USER_INPUT, "The phone number is not valid.", "phone"),
  1126: row(FAILED_PRECONDITION, "The email is already verified."),
};

/** The identifier every section's paths and bodies carry, as LoginRadius names it (`{uid}`, `Uid`). */
export const IDENTIFIER_FIELD_RENAMES: FieldRenames = { Uid: "uid" };
