import { GraphQLError } from "graphql";

/** The `extensions.code` values clients may see. Stable: clients branch on them. */
export const ErrorCodes = {
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  CONFLICT: "CONFLICT",
  FAILED_PRECONDITION: "FAILED_PRECONDITION",
  UPSTREAM_RATE_LIMITED: "UPSTREAM_RATE_LIMITED",
  UPSTREAM_UNAVAILABLE: "UPSTREAM_UNAVAILABLE",
  UPSTREAM_TIMEOUT: "UPSTREAM_TIMEOUT",
  /**
   * A call not safe to repeat failed after it was sent (timeout, drop, 5xx): LoginRadius may have
   * done it. The message says what to check before repeating; never "retry later".
   */
  UPSTREAM_OUTCOME_UNKNOWN: "UPSTREAM_OUTCOME_UNKNOWN",
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
  /** The operation may answer more values than MAX_RESULT_ITEMS (refused before execution). */
  RESULT_LIMIT_EXCEEDED: "RESULT_LIMIT_EXCEEDED",
  /** The serialized answer is over MAX_RESPONSE_BYTES: this error is sent in its place. */
  RESPONSE_TOO_LARGE: "RESPONSE_TOO_LARGE",
  /** The caller's per-second budget is spent: HTTP 429 with Retry-After. */
  RATE_LIMITED: "RATE_LIMITED",
  /** A malformed automatic persisted query (bad version, hash or hash mismatch): HTTP 400. */
  PERSISTED_QUERY_INVALID: "PERSISTED_QUERY_INVALID",
  /** A document id that no registered (trusted) document or APQ entry has: HTTP 400. */
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  /** A trusted-only caller sent a document that is not registered: HTTP 400, nothing run. */
  TRUSTED_DOCUMENT_REQUIRED: "TRUSTED_DOCUMENT_REQUIRED",
  /** The audit trail's intent line could not be stored: the act is refused, nothing sent upstream. */
  AUDIT_UNAVAILABLE: "AUDIT_UNAVAILABLE",
  /** The query text is over MAX_QUERY_BYTES: HTTP 413, refused before parsing. */
  QUERY_TOO_LARGE: "QUERY_TOO_LARGE",
  /** Brackets nested deeper than the parser may recurse (`[[[[...`): HTTP 400, before parsing. */
  MAX_NESTING_EXCEEDED: "MAX_NESTING_EXCEEDED",
  /** The process holds its budget of request bodies (64 MiB) already: HTTP 503, Retry-After 1. */
  SERVER_BUSY: "SERVER_BUSY",
  /** A webhook body over WEBHOOK_MAX_BODY_BYTES: HTTP 413, read to its end and dropped. */
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** What one LoginRadius `ErrorCode` becomes for clients: a row of a section's error table. */
export interface ErrorRow {
  code: ErrorCode;
  /** Ours, never LoginRadius's text. */
  message: string;
  /** The input field at fault, in GraphQL spelling. */
  field?: string;
  /** `extensions.reason`: why, within one code (UPSTREAM_UNAVAILABLE: overloaded, circuit_open...). */
  reason?: string;
}

/** LoginRadius `ErrorCode` -> GraphQL error; each section contributes rows, src/sections.ts merges. */
export type ErrorRows = Readonly<Record<number, ErrorRow>>;

/**
 * Rows for a code that means something narrower when its `Errors[]` names one LoginRadius field:
 * code -> field (any casing) -> row. Such a row says what is wrong with that field, so the
 * error carries no generic `problems` list beside it.
 */
export type FieldErrorRows = Readonly<Record<number, Readonly<Record<string, ErrorRow>>>>;

export const errorRow = (
  code: ErrorCode,
  message: string,
  field?: string,
  reason?: string,
): ErrorRow => ({
  code,
  message,
  ...(field ? { field } : {}),
  ...(reason ? { reason } : {}),
});

/** A client-visible error thrown by our own code. */
export const userError = (code: ErrorCode, message: string, field?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } });
