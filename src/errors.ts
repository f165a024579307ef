import type { ValidationError } from "class-validator";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { inputFieldOf } from "./graphql/upstream-fields.js";
import { UpstreamError } from "./loginradius/upstream-error.js";

/** The `extensions.code` values clients may see. Stable: clients branch on them. */
export const ErrorCodes = {
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  CONFLICT: "CONFLICT",
  FAILED_PRECONDITION: "FAILED_PRECONDITION",
  UPSTREAM_RATE_LIMITED: "UPSTREAM_RATE_LIMITED",
  UPSTREAM_UNAVAILABLE: "UPSTREAM_UNAVAILABLE",
  UPSTREAM_TIMEOUT: "UPSTREAM_TIMEOUT",
  UPSTREAM_AUTH_FAILED: "UPSTREAM_AUTH_FAILED",
  UPSTREAM_ERROR: "UPSTREAM_ERROR",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /** No, or no valid, caller credentials (HTTP 401, before any GraphQL work). */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** The caller lacks the scope a field needs; that field alone fails. */
  FORBIDDEN: "FORBIDDEN",
  /** The identity provider's keys could not be fetched, so a JWT could not be checked (HTTP 503). */
  AUTH_UNAVAILABLE: "AUTH_UNAVAILABLE",
  /** The `Host` header names no host this service answers for (HTTP 421, or 400 without one). */
  MISDIRECTED_REQUEST: "MISDIRECTED_REQUEST",
  /** Operation limits (src/graphql/limits/): refused before execution, HTTP 400, no upstream call. */
  MAX_DEPTH_EXCEEDED: "MAX_DEPTH_EXCEEDED",
  MAX_ALIASES_EXCEEDED: "MAX_ALIASES_EXCEEDED",
  MAX_DIRECTIVES_EXCEEDED: "MAX_DIRECTIVES_EXCEEDED",
  MAX_TOKENS_EXCEEDED: "MAX_TOKENS_EXCEEDED",
  COST_LIMIT_EXCEEDED: "COST_LIMIT_EXCEEDED",
  SIDE_EFFECT_LIMIT_EXCEEDED: "SIDE_EFFECT_LIMIT_EXCEEDED",
  /** The caller's per-second budget is spent: HTTP 429 with Retry-After. */
  RATE_LIMITED: "RATE_LIMITED",
  /** A malformed automatic persisted query (bad version, hash or hash mismatch): HTTP 400. */
  PERSISTED_QUERY_INVALID: "PERSISTED_QUERY_INVALID",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

interface Mapping {
  code: ErrorCode;
  message: string;
  /** The input field at fault, in GraphQL spelling. */
  field?: string;
  /** `extensions.reason`: why, within one code (UPSTREAM_UNAVAILABLE: overloaded, circuit_open...). */
  reason?: string;
}

const m = (code: ErrorCode, message: string, field?: string, reason?: string): Mapping => ({
  code,
  message,
  ...(field ? { field } : {}),
  ...(reason ? { reason } : {}),
});

const AUTH = m(
  ErrorCodes.UPSTREAM_AUTH_FAILED,
  "LoginRadius refused this service's credentials; check LOGINRADIUS_API_KEY and LOGINRADIUS_API_SECRET.",
);

/**
 * LoginRadius `ErrorCode` -> GraphQL error. The messages are ours: LoginRadius descriptions are
 * upstream text and are not passed on. The README prints this table.
 */
export const LOGINRADIUS_ERRORS: Record<number, Mapping> = {
  938: m(ErrorCodes.NOT_FOUND, "No account matches."),
  1022: m(ErrorCodes.NOT_FOUND, "No account has this user name.", "userName"),
  1023: m(ErrorCodes.NOT_FOUND, "No account has this email.", "email"),
  1114: m(ErrorCodes.NOT_FOUND, "No record found."),
  936: m(ErrorCodes.CONFLICT, "This email is already registered to another account.", "email"),
  1017: m(
    ErrorCodes.CONFLICT,
    "This user name is already registered to another account.",
    "userName",
  ),
  1044: m(ErrorCodes.CONFLICT, "An account with this UID already exists.", "uid"),
  1058: m(
    ErrorCodes.CONFLICT,
    "This phone number is already registered to another account.",
    "phone",
  ),
  990: m(ErrorCodes.BAD_USER_INPUT, "The email address is not valid.", "email"),
  1038: m(ErrorCodes.BAD_USER_INPUT, "A valid email address is required.", "email"),
  1043: m(ErrorCodes.BAD_USER_INPUT, "The phone number is not valid.", "phone"),
  1096: m(ErrorCodes.BAD_USER_INPUT, "The phone number is not valid.", "phone"),
  937: m(ErrorCodes.BAD_USER_INPUT, "The UID is not valid.", "uid"),
  1200: m(
    ErrorCodes.BAD_USER_INPUT,
    "A UID may contain only letters, digits, _ and -, 1 to 50 long.",
    "uid",
  ),
  1201: m(ErrorCodes.BAD_USER_INPUT, "Every email needs a type.", "emails"),
  1202: m(ErrorCodes.BAD_USER_INPUT, "The same email address appears more than once.", "emails"),
  1203: m(ErrorCodes.BAD_USER_INPUT, "Only one email may have the type Primary.", "emails"),
  1089: m(ErrorCodes.BAD_USER_INPUT, "A password is required.", "password"),
  1015: m(ErrorCodes.BAD_USER_INPUT, "The new password is not valid.", "password"),
  1216: m(
    ErrorCodes.BAD_USER_INPUT,
    "The password is too weak: it is commonly used or known from a breach.",
    "password",
  ),
  1039: m(ErrorCodes.NOT_FOUND, "No account with an email matches this UID.", "uid"),
  1315: m(ErrorCodes.BAD_USER_INPUT, "The password was found in a data breach.", "password"),
  968: m(ErrorCodes.BAD_USER_INPUT, "The date is not valid or lies in the future.", "birthDate"),
  993: m(ErrorCodes.BAD_USER_INPUT, "Custom field values must be strings.", "customFields"),
  1118: m(ErrorCodes.BAD_USER_INPUT, "An email, UID or phone number is required."),
  1134: m(ErrorCodes.BAD_USER_INPUT, "LoginRadius rejected one or more fields."),
  1217: m(ErrorCodes.BAD_USER_INPUT, "The refresh token is invalid or revoked.", "refreshToken"),
  1340: m(ErrorCodes.BAD_USER_INPUT, "This email is not on the account.", "email"),
  1005: m(ErrorCodes.FAILED_PRECONDITION, "An account must keep at least one email."),
  1006: m(ErrorCodes.FAILED_PRECONDITION, "This email cannot be added or removed."),
  1113: m(ErrorCodes.FAILED_PRECONDITION, "The account has no email to invalidate."),
  1126: m(ErrorCodes.FAILED_PRECONDITION, "The email is already verified."),
  1129: m(ErrorCodes.FAILED_PRECONDITION, "The email is already verified."),
  1147: m(ErrorCodes.FAILED_PRECONDITION, "The account has no phone number."),
  1161: m(ErrorCodes.FAILED_PRECONDITION, "The phone number is already unverified."),
  991: m(ErrorCodes.FAILED_PRECONDITION, "The account is blocked."),
  901: AUTH,
  902: AUTH,
  905: AUTH,
  906: AUTH,
  909: AUTH,
  920: AUTH,
  921: AUTH,
  922: AUTH,
  923: AUTH,
  1143: AUTH,
};

const FAILURES: Record<UpstreamError["failure"], Mapping> = {
  rejected: m(ErrorCodes.UPSTREAM_ERROR, "LoginRadius rejected the request."),
  rate_limited: m(
    ErrorCodes.UPSTREAM_RATE_LIMITED,
    "LoginRadius is rate limiting this service; retry later.",
  ),
  unavailable: m(ErrorCodes.UPSTREAM_UNAVAILABLE, "LoginRadius is unavailable; retry later."),
  timeout: m(ErrorCodes.UPSTREAM_TIMEOUT, "LoginRadius did not answer in time; retry later."),
  bad_response: m(
    ErrorCodes.UPSTREAM_UNAVAILABLE,
    "LoginRadius sent a response that could not be read.",
    undefined,
    "bad_response",
  ),
  too_large: m(
    ErrorCodes.UPSTREAM_UNAVAILABLE,
    "LoginRadius sent a response larger than this service accepts.",
    undefined,
    "too_large",
  ),
  redirected: m(ErrorCodes.UPSTREAM_ERROR, "LoginRadius answered with a redirect; not followed."),
  overloaded: m(
    ErrorCodes.UPSTREAM_UNAVAILABLE,
    "Too many LoginRadius calls are waiting; retry later.",
    undefined,
    "overloaded",
  ),
  circuit_open: m(
    ErrorCodes.UPSTREAM_UNAVAILABLE,
    "LoginRadius is failing; calls are paused for a moment. Retry later.",
    undefined,
    "circuit_open",
  ),
  invalid_request: m(ErrorCodes.BAD_USER_INPUT, "A path parameter is not valid.", "uid"),
};

/** Where the LoginRadius code wins over the failure kind (a 401 with 902 is auth, not "rejected"). */
const mappingFor = (error: UpstreamError): Mapping => {
  if (error.failure === "rejected" && error.errorCode !== null)
    return LOGINRADIUS_ERRORS[error.errorCode] ?? FAILURES.rejected;
  if (
    error.errorCode !== null &&
    LOGINRADIUS_ERRORS[error.errorCode]?.code === ErrorCodes.UPSTREAM_AUTH_FAILED
  )
    return AUTH;
  return FAILURES[error.failure];
};

const PROBLEM_MESSAGE = "LoginRadius rejected this value.";

export const upstreamToGraphQLError = (error: UpstreamError): GraphQLError => {
  const mapping = mappingFor(error);
  const fields = [...new Set(error.fieldNames.map(inputFieldOf).filter((f) => f !== undefined))];
  const problems = fields.map((field) => ({ field, message: PROBLEM_MESSAGE }));
  const field = mapping.field ?? problems[0]?.field;
  return new GraphQLError(mapping.message, {
    extensions: {
      code: mapping.code,
      ...(field ? { field } : {}),
      ...(mapping.reason ? { reason: mapping.reason } : {}),
      ...(problems.length > 0 ? { problems } : {}),
      ...(error.retryAfterSeconds !== null ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      ...(error.errorCode !== null ? { loginradius: { errorCode: error.errorCode } } : {}),
    },
  });
};

/** class-validator's nested errors as `input.emails[0].value`-style paths. */
const flatten = (errors: ValidationError[], prefix = ""): { field: string; message: string }[] =>
  errors.flatMap((e) => {
    const isIndex = /^\d+$/.test(e.property);
    const path = isIndex
      ? `${prefix}[${e.property}]`
      : prefix
        ? `${prefix}.${e.property}`
        : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field: path, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });

const validationToGraphQLError = (error: ArgumentValidationError): GraphQLError => {
  const problems = flatten(error.extensions.validationErrors);
  const first = problems[0];
  return new GraphQLError(first ? `Invalid ${first.field}: ${first.message}` : "Invalid input.", {
    extensions: { code: ErrorCodes.BAD_USER_INPUT, field: first?.field, problems },
  });
};

/** A client-visible error thrown by our own code. */
export const userError = (code: ErrorCode, message: string, field?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } });

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCodes).filter((c) => c !== ErrorCodes.INTERNAL_SERVER_ERROR),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "UNAUTHENTICATED",
  "FORBIDDEN",
]);

/**
 * The error a resolver threw, under graphql-js's located wrapper. Duck-typed rather than
 * `instanceof GraphQLError`, which fails when graphql is loaded twice (its CJS and ESM builds).
 */
const unwrapResolverError = (error: unknown): unknown => {
  let current = error;
  while (
    typeof current === "object" &&
    current !== null &&
    "originalError" in current &&
    current.originalError instanceof Error &&
    "path" in current &&
    current.path !== undefined
  )
    current = current.originalError;
  return current;
};

const isValidationError = (error: unknown): error is ArgumentValidationError =>
  error instanceof ArgumentValidationError ||
  (error instanceof Error &&
    Array.isArray(
      (error as { extensions?: { validationErrors?: unknown } }).extensions?.validationErrors,
    ));

/**
 * type-graphql's own auth errors (when a checker returns false rather than throwing): its
 * AuthorizationError says UNAUTHORIZED, which is FORBIDDEN here. By class name (their `name` is
 * GraphQLError's), for the same dual-package reason as above.
 */
const isTypeGraphQLAuthError = (error: unknown): error is Error =>
  error instanceof Error &&
  (error.constructor.name === "AuthorizationError" ||
    error.constructor.name === "AuthenticationError");

const authToGraphQLError = (error: Error): GraphQLError =>
  error.constructor.name === "AuthenticationError"
    ? new GraphQLError("Caller authentication is required.", {
        extensions: { code: ErrorCodes.UNAUTHENTICATED },
      })
    : new GraphQLError("This caller may not use this field.", {
        extensions: { code: ErrorCodes.FORBIDDEN },
      });

/** The `extensions.code` a client sees for an error a resolver threw (for the audit trail). */
export const errorCodeOf = (error: unknown): string => {
  const extensions = (error as { extensions?: Record<string, unknown> } | null)?.extensions;
  const formatted = formatError({ message: "", ...(extensions ? { extensions } : {}) }, error);
  return String(formatted.extensions?.code ?? ErrorCodes.INTERNAL_SERVER_ERROR);
};

/**
 * The one place errors become what clients see (Apollo's `formatError`): upstream errors by the
 * table, validation errors with the field at fault, our own coded errors as they are, and
 * everything else masked, so no stack, URL, secret or upstream body ever leaves.
 */
export const formatError = (
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string, error: unknown) => void = () => {},
): GraphQLFormattedError => {
  const original = unwrapResolverError(error);
  const base = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  let mapped: GraphQLError | undefined;
  if (original instanceof UpstreamError) mapped = upstreamToGraphQLError(original);
  else if (isValidationError(original)) mapped = validationToGraphQLError(original);
  else if (isTypeGraphQLAuthError(original)) mapped = authToGraphQLError(original);
  if (mapped) return { message: mapped.message, ...base, extensions: mapped.extensions };
  const code = formatted.extensions?.code;
  if (typeof code === "string" && KNOWN_CODES.has(code)) {
    const { stacktrace: _, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log("unexpected error", original);
  return {
    message: "Internal server error.",
    ...base,
    extensions: { code: ErrorCodes.INTERNAL_SERVER_ERROR },
  };
};
