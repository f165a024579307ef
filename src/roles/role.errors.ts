import { ErrorCodes, type ErrorRows, type FieldErrorRows, errorRow as row } from "../errors.js";
import type { FieldRenames } from "../graphql/upstream-fields.js";

const { NOT_FOUND, CONFLICT, BAD_USER_INPUT } = ErrorCodes;

/**
 * The LoginRadius codes the Roles Management endpoints answer -> GraphQL errors (938 is a
 * shared row, src/graphql/identifier-errors.ts; credentials and 1134 are the core's). Our inputs are checked first,
 * so 1175 on create means a name that is taken, and 1133 a context the account does not hold.
 */
export const ROLE_ERROR_ROWS: ErrorRows = {
  1047: row(NOT_FOUND, "No such role, or the account or context does not hold it."),
  1133: row(NOT_FOUND, "The account holds no role context of this name.", "context"),
  1142: row(NOT_FOUND, "The role context does not list this additional permission.", "permissions"),
  1172: row(BAD_USER_INPUT, "The expiry is not a valid date.", "expiresAt"),
  1175: row(CONFLICT, "A role of this name already exists (or the name is not valid)."),
};

/**
 * LoginRadius refuses to delete a role still assigned or listed in a context with a plain 1134
 * naming `role` (its code table has none of its own; the other role endpoints' 1134s name
 * `Roles`, `Permissions`...): a conflict with the accounts' state, not bad input.
 */
export const ROLE_FIELD_ERROR_ROWS: FieldErrorRows = {
  1134: {
    role: row(
      CONFLICT,
      "The role is still assigned to an account or listed in a role context; unassign it first.",
      "name",
    ),
  },
};

/** LoginRadius body keys (its `Errors[].FieldName`) and path parameters -> our input fields. */
export const ROLE_FIELD_RENAMES: FieldRenames = {
  Roles: "roles",
  Permissions: "permissions",
  RoleContext: "contexts",
  AdditionalPermissions: "permissions",
  Expiration: "expiresAt",
  role: "name",
  context: "context",
};
