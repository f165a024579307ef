import { ErrorCodes, type ErrorRows, errorRow as row } from "../errors.js";
import type { FieldRenames } from "../graphql/upstream-fields.js";

const { BAD_USER_INPUT, FAILED_PRECONDITION, UPSTREAM_RATE_LIMITED } = ErrorCodes;

const SENDING_LIMIT =
  "LoginRadius will not send more messages to this user for now (a sending limit); try again later.";

/**
 * The LoginRadius codes the tokens endpoints answer beyond the shared rows (938, 936,
 * 1126, 1043, 1058, 1096: src/graphql/identifier-errors.ts). Our messages. The sending limits depend on site
 * settings; the emulator sends them only through a fault rule.
 */
export const TOKEN_ERROR_ROWS: ErrorRows = {
  1181: row(BAD_USER_INPUT, "This email token type is not one LoginRadius knows.", "type"),
  1182: row(BAD_USER_INPUT, "This SMS OTP type is not one LoginRadius knows.", "type"),
  1073: row(FAILED_PRECONDITION, "The phone number is already verified.", "phone"),
  1122: row(UPSTREAM_RATE_LIMITED, SENDING_LIMIT),
  1123: row(UPSTREAM_RATE_LIMITED, SENDING_LIMIT),
  1178: row(UPSTREAM_RATE_LIMITED, SENDING_LIMIT),
  1179: row(UPSTREAM_RATE_LIMITED, SENDING_LIMIT),
};

/** LoginRadius body and query keys of these endpoints -> our arguments. */
export const TOKEN_FIELD_RENAMES: FieldRenames = {
  Username: "userName",
  Type: "emailType",
  ClientGuid: "clientGuid",
  Name: "name",
  timeDifference: "validFor",
};
