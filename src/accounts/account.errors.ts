import { ErrorCodes, type ErrorRows, errorRow as row } from "../errors.js";
import type { FieldRenames } from "../graphql/upstream-fields.js";
import { PROFILE_BODY_KEYS } from "./account.fields.js";

const { NOT_FOUND, CONFLICT, BAD_USER_INPUT, FAILED_PRECONDITION } = ErrorCodes;

/**
 * The LoginRadius codes the Accounts endpoints answer -> GraphQL errors (credentials and 1134
 * are the core's, src/graphql/upstream-errors.ts; no such account, an email or phone taken or
 * invalid, an email already verified are shared, src/graphql/identifier-errors.ts). The messages are ours: LoginRadius
 * descriptions are upstream text and are not passed on. The README prints this table.
 */
export const ACCOUNT_ERROR_ROWS: ErrorRows = {
  1022: row(NOT_FOUND, "No account has this user name.", "userName"),
  1023: row(NOT_FOUND, "No account has this email.", "email"),
  1114: row(NOT_FOUND, "No record found."),
  1017: row(CONFLICT, "This user name is already registered to another account.", "userName"),
  1044: row(CONFLICT, "An account with this UID already exists.", "uid"),
  990: row(BAD_USER_INPUT, "The email address is not valid.", "email"),
  1038: row(BAD_USER_INPUT, "A valid email address is required.", "email"),
  937: row(BAD_USER_INPUT, "The UID is not valid.", "uid"),
  1200: row(
    BAD_USER_INPUT,
    "A UID may contain only letters, digits, _ and -, 1 to 50 long.",
    "uid",
  ),
  1201: row(BAD_USER_INPUT, "Every email needs a type.", "emails"),
  1202: row(BAD_USER_INPUT, "The same email address appears more than once.", "emails"),
  1203: row(BAD_USER_INPUT, "Only one email may have the type Primary.", "emails"),
  1089: row(BAD_USER_INPUT, "A password is required.", "password"),
  1015: row(BAD_USER_INPUT, "The new password is not valid.", "password"),
  1216: row(
    BAD_USER_INPUT,
    "The password is too weak: it is commonly used or known from a breach.",
    "password",
  ),
  1039: row(NOT_FOUND, "No account with an email matches this UID.", "uid"),
  1315: row(BAD_USER_INPUT, "The password was found in a data breach.", "password"),
  968: row(BAD_USER_INPUT, "The date is not valid or lies in the future.", "birthDate"),
  993: row(BAD_USER_INPUT, "Custom field values must be strings.", "customFields"),
  1118: row(BAD_USER_INPUT, "An email, UID or phone number is required."),
  1217: row(BAD_USER_INPUT, "The refresh token is invalid or revoked.", "refreshToken"),
  1340: row(BAD_USER_INPUT, "This email is not on the account.", "email"),
  1005: row(FAILED_PRECONDITION, "An account must keep at least one email."),
  1006: row(FAILED_PRECONDITION, "This email cannot be added or removed."),
  1113: row(FAILED_PRECONDITION, "The account has no email to invalidate."),
  1129: row(FAILED_PRECONDITION, "The email is already verified."),
  1147: row(FAILED_PRECONDITION, "The account has no phone number."),
  1161: row(FAILED_PRECONDITION, "The phone number is already unverified."),
  991: row(FAILED_PRECONDITION, "The account is blocked."),
};

/**
 * LoginRadius body keys (as its `Errors[].FieldName` names them) -> our input fields: every
 * one-to-one profile key of account.fields.ts, and the keys whose input differs in shape.
 */
export const ACCOUNT_FIELD_RENAMES: FieldRenames = {
  ...Object.fromEntries(Object.entries(PROFILE_BODY_KEYS).map(([field, key]) => [key, field])),
  Email: "emails",
  "Email[].Type": "type",
  "Email[].Value": "value",
  Phone: "phone",
  PrivacyPolicy: "privacyPolicyVersion",
  NewUid: "newUid",
};
