import { ErrorCodes, type ErrorRows, errorRow as row } from "../errors.js";
import type { FieldRenames } from "../graphql/upstream-fields.js";

const { NOT_FOUND, BAD_USER_INPUT } = ErrorCodes;

/**
 * The LoginRadius codes the Account Custom Object endpoints answer -> GraphQL errors (938 is a
 * shared row, src/graphql/identifier-errors.ts; credentials and 1134 are the core's). Queries answer null for 1057.
 */
export const CUSTOM_OBJECT_ERROR_ROWS: ErrorRows = {
  1035: row(BAD_USER_INPUT, "The record data must be a JSON object.", "data"),
  1057: row(NOT_FOUND, "The account has no record of this id in this custom object.", "recordId"),
  1064: row(
    BAD_USER_INPUT,
    "No custom object of this name is configured on the site.",
    "objectName",
  ),
};

/** LoginRadius query and body keys (its `Errors[].FieldName`), path parameters -> our fields. */
export const CUSTOM_OBJECT_FIELD_RENAMES: FieldRenames = {
  updateType: "mode",
  objectName: "objectName",
  CustomObject: "data",
  recordId: "recordId",
};
