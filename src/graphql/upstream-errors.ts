import {
  ErrorCodes,
  type ErrorRow,
  type ErrorRows,
  type FieldErrorRows,
  errorRow as row,
} from "../errors.js";
import type { PasswordRule } from "../loginradius/password-rule.js";
import { AUTH_ERROR_CODES, type UpstreamError } from "../loginradius/upstream-error.js";
import { IDENTIFIER_ERROR_ROWS, IDENTIFIER_FIELD_RENAMES } from "./identifier-errors.js";
import { type FieldRenames, inputFieldOf, renameIndex } from "./upstream-fields.js";

/** What a client sees of an error: its message and `extensions` (code first). */
export interface ClientError {
  message: string;
  extensions: { code: string } & Record<string, unknown>;
}

/** What every section's table is merged over: the errors no section owns. */
export interface ErrorTable {
  /** LoginRadius `ErrorCode` -> GraphQL error, every section's rows merged. */
  rows: ErrorRows;
  /** LoginRadius body keys -> our input fields, every section's renames merged. */
  renames: FieldRenames;
  /** Codes narrowed by the one field they name (src/errors.ts FieldErrorRows), merged. */
  fieldRows?: FieldErrorRows;
  /**
   * Rows of one endpoint alone, by its name (`GET /identity`), consulted before `rows`: a code
   * that means something else on that endpoint (endpoints.ts `CallSpec.errors`).
   */
  byEndpoint?: Readonly<Record<string, ErrorRows>>;
}

/** The row a code has when its `Errors[]` names one of the fields it is narrowed by. */
const fieldRowOf = (fieldRows: FieldErrorRows, error: UpstreamError): ErrorRow | undefined => {
  const byField = error.errorCode === null ? undefined : fieldRows[error.errorCode];
  if (error.failure !== "rejected" || !byField) return undefined;
  const index = new Map(Object.entries(byField).map(([f, r]) => [f.toLowerCase(), r]));
  return error.fieldNames.map((f) => index.get(f.toLowerCase())).find((r) => r !== undefined);
};

const AUTH = row(
  ErrorCodes.UPSTREAM_AUTH_FAILED,
  "LoginRadius refused this service's credentials; check LOGINRADIUS_API_KEY and LOGINRADIUS_API_SECRET.",
);

/**
 * Codes any endpoint may answer: refused credentials (the adapter's AUTH_ERROR_CODES), 1134,
 * field validation with `Errors[]` naming the fields at fault, and the account and identifier
 * codes several sections share. Sections add their own rows.
 */
export const CORE_ERROR_ROWS: ErrorRows = {
  ...IDENTIFIER_ERROR_ROWS,
  ...Object.fromEntries([...AUTH_ERROR_CODES].map((code) => [code, AUTH])),
  1134: row(ErrorCodes.BAD_USER_INPUT, "LoginRadius rejected one or more fields."),
};

/**
 * A 1134 on a password, by the rule LoginRadius reports (password-rule.ts): our message, and the
 * rule in `extensions.rule`. The site's policy sets the bounds; LoginRadius's wording is not passed on.
 */
export const PASSWORD_RULE_ROWS: Record<PasswordRule, ErrorRow> = {
  MIN_LENGTH: row(
    ErrorCodes.BAD_USER_INPUT,
    "The password is shorter than the site's minimum length.",
  ),
  MAX_LENGTH: row(
    ErrorCodes.BAD_USER_INPUT,
    "The password is longer than the site's maximum length.",
  ),
  UPPERCASE: row(ErrorCodes.BAD_USER_INPUT, "The password needs an uppercase letter."),
  LOWERCASE: row(ErrorCodes.BAD_USER_INPUT, "The password needs a lowercase letter."),
  DIGIT: row(ErrorCodes.BAD_USER_INPUT, "The password needs a digit."),
  SPECIAL_CHARACTER: row(ErrorCodes.BAD_USER_INPUT, "The password needs a special character."),
  COMMON_PASSWORD: row(ErrorCodes.BAD_USER_INPUT, "The password is too common to be accepted."),
  BREACHED_PASSWORD: row(ErrorCodes.BAD_USER_INPUT, "The password is known from a data breach."),
  POLICY: row(ErrorCodes.BAD_USER_INPUT, "The password does not meet the site's password policy."),
};

/** Password codes of their own: the rule they mean, beside their section's row. */
const CODE_RULES: Readonly<Record<number, PasswordRule>> = {
  1216: "COMMON_PASSWORD",
  1315: "BREACHED_PASSWORD",
};

/** The rule an upstream error reports about a password, if any. */
const ruleOf = (error: UpstreamError): PasswordRule | null =>
  error.failure !== "rejected" || error.errorCode === null
    ? null
    : (error.passwordRule ?? CODE_RULES[error.errorCode] ?? null);

const FAILURES: Record<UpstreamError["failure"], ErrorRow> = {
  rejected: row(ErrorCodes.UPSTREAM_ERROR, "LoginRadius rejected the request."),
  rate_limited: row(
    ErrorCodes.UPSTREAM_RATE_LIMITED,
    "LoginRadius is rate limiting this service; retry later.",
  ),
  unavailable: row(ErrorCodes.UPSTREAM_UNAVAILABLE, "LoginRadius is unavailable; retry later."),
  timeout: row(ErrorCodes.UPSTREAM_TIMEOUT, "LoginRadius did not answer in time; retry later."),
  bad_response: row(
    ErrorCodes.UPSTREAM_UNAVAILABLE,
    "LoginRadius sent a response that could not be read.",
    undefined,
    "bad_response",
  ),
  too_large: row(
    ErrorCodes.UPSTREAM_UNAVAILABLE,
    "LoginRadius sent a response larger than this service accepts.",
    undefined,
    "too_large",
  ),
  redirected: row(ErrorCodes.UPSTREAM_ERROR, "LoginRadius answered with a redirect; not followed."),
  overloaded: row(
    ErrorCodes.UPSTREAM_UNAVAILABLE,
    "Too many LoginRadius calls are waiting; retry later.",
    undefined,
    "overloaded",
  ),
  circuit_open: row(
    ErrorCodes.UPSTREAM_UNAVAILABLE,
    "LoginRadius is failing; calls are paused for a moment. Retry later.",
    undefined,
    "circuit_open",
  ),
  // The field is the parameter's own (the error's field names, through the renames).
  invalid_request: row(ErrorCodes.BAD_USER_INPUT, "A path parameter is not valid."),
};

const PROBLEM_MESSAGE: Partial<Record<UpstreamError["failure"], string>> = {
  rejected: "LoginRadius rejected this value.",
  invalid_request: "This value cannot be sent as a path segment; nothing was sent.",
};

const FAILED_HOW: Partial<Record<UpstreamError["failure"], string>> = {
  timeout: "no answer came in time",
  unavailable: "the connection dropped or LoginRadius failed",
  bad_response: "its answer could not be read",
  too_large: "its answer was too large to read",
};

/**
 * A call not safe to repeat that LoginRadius may have performed: "retry later" would invite a
 * second account, email or SMS, so the message says to check first, and what (per endpoint).
 */
const unknownOutcome = (failure: UpstreamError["failure"], checkFirst: string): ErrorRow =>
  row(
    ErrorCodes.UPSTREAM_OUTCOME_UNKNOWN,
    `LoginRadius may have done this: the request was sent, then ${FAILED_HOW[failure] ?? "it failed"}. ` +
      `Check before repeating it: ${checkFirst}.`,
    undefined,
    failure,
  );

/**
 * Upstream errors -> what clients see, by the merged table, in one step (no GraphQLError in
 * between for the formatter to copy). Where the LoginRadius code wins over
 * the failure kind: a 401 with 902 is auth, not "rejected". The messages are ours: LoginRadius
 * descriptions are upstream text and are not passed on.
 */
export const createUpstreamErrorMapping = (table: ErrorTable) => {
  const rows: ErrorRows = { ...CORE_ERROR_ROWS, ...table.rows };
  const renames = renameIndex({ ...IDENTIFIER_FIELD_RENAMES, ...table.renames });
  const rowFor = (error: UpstreamError): ErrorRow => {
    if (error.checkFirst !== null) return unknownOutcome(error.failure, error.checkFirst);
    if (error.failure === "rejected" && error.errorCode === 1134 && error.passwordRule)
      return PASSWORD_RULE_ROWS[error.passwordRule];
    if (error.failure === "rejected" && error.errorCode !== null)
      return (
        table.byEndpoint?.[error.endpoint]?.[error.errorCode] ??
        rows[error.errorCode] ??
        FAILURES.rejected
      );
    if (error.errorCode !== null && rows[error.errorCode]?.code === ErrorCodes.UPSTREAM_AUTH_FAILED)
      return AUTH;
    return FAILURES[error.failure];
  };
  const translate = (error: UpstreamError): ClientError => {
    const narrowed = fieldRowOf(table.fieldRows ?? {}, error);
    const mapping = narrowed ?? rowFor(error);
    const fields = [
      ...new Set(
        error.fieldNames.map((f) => inputFieldOf(f, renames)).filter((f) => f !== undefined),
      ),
    ];
    const message = PROBLEM_MESSAGE[error.failure] ?? PROBLEM_MESSAGE.rejected;
    const problems = narrowed ? [] : fields.map((field) => ({ field, message }));
    const field = mapping.field ?? problems[0]?.field;
    const rule = ruleOf(error);
    return {
      message: mapping.message,
      extensions: {
        code: mapping.code,
        ...(field ? { field } : {}),
        ...(rule ? { rule } : {}),
        ...(mapping.reason ? { reason: mapping.reason } : {}),
        ...(problems.length > 0 ? { problems } : {}),
        ...(error.retryAfterSeconds !== null ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        ...(error.errorCode !== null ? { loginradius: { errorCode: error.errorCode } } : {}),
      },
    };
  };
  return { rows, translate };
};
