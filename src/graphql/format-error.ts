import type { ValidationError } from "class-validator";
import type { GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { ErrorCodes } from "../errors.js";
import { UpstreamError } from "../loginradius/upstream-error.js";
import {
  type ClientError,
  createUpstreamErrorMapping,
  type ErrorTable,
} from "./upstream-errors.js";

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

const translateValidation = (error: ArgumentValidationError): ClientError => {
  const problems = flatten(error.extensions.validationErrors);
  const first = problems[0];
  return {
    message: first ? `Invalid ${first.field}: ${first.message}` : "Invalid input.",
    extensions: { code: ErrorCodes.BAD_USER_INPUT, field: first?.field, problems },
  };
};

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCodes).filter((c) => c !== ErrorCodes.INTERNAL_SERVER_ERROR),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
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

export type FormatError = (
  formatted: GraphQLFormattedError,
  error: unknown,
  log?: (message: string, error: unknown) => void,
) => GraphQLFormattedError;

/**
 * The one place errors become what clients see (Apollo's `formatError`), for a merged error
 * table: upstream errors by the table, validation errors with the field at fault, our own coded
 * errors as they are, and everything else masked, so no stack, URL, secret or upstream body
 * ever leaves. `errorCodeOf` is the code a client sees for a resolver's error (the audit trail).
 */
export const createErrorFormatting = (table: ErrorTable) => {
  const upstream = createUpstreamErrorMapping(table);
  // An audited field's failure is asked for its code (the audit trail) and then formatted for
  // the response: translated once, the second asker gets the same object.
  const translations = new WeakMap<object, ClientError>();
  const translated = (original: unknown): ClientError | undefined => {
    if (!(original instanceof UpstreamError) && !isValidationError(original)) return undefined;
    let known = translations.get(original);
    if (!known) {
      known =
        original instanceof UpstreamError
          ? upstream.translate(original)
          : translateValidation(original);
      translations.set(original, known);
    }
    return known;
  };
  const formatError: FormatError = (formatted, error, log = () => {}) => {
    const original = unwrapResolverError(error);
    const base = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    const mapped = translated(original);
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
  /** The code formatError gives this error, without formatting it. */
  const errorCodeOf = (error: unknown): string => {
    const original = unwrapResolverError(error);
    const mapped = translated(original);
    if (mapped) return mapped.extensions.code;
    const code = (original as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    return typeof code === "string" && KNOWN_CODES.has(code)
      ? code
      : ErrorCodes.INTERNAL_SERVER_ERROR;
  };
  return {
    rows: upstream.rows,
    translateUpstream: upstream.translate,
    formatError,
    errorCodeOf,
  };
};

export type ErrorFormatting = ReturnType<typeof createErrorFormatting>;
