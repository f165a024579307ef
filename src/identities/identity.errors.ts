import { ErrorCodes, type ErrorRows, errorRow as row } from "../errors.js";
import type { FieldRenames } from "../graphql/upstream-fields.js";

const { BAD_USER_INPUT, CONFLICT, FAILED_PRECONDITION, NOT_FOUND } = ErrorCodes;

/**
 * The codes the social identity endpoints answer (938, no such account, is a shared row:
 * src/graphql/identifier-errors.ts). Our
 * messages. 905/906/1060 are left out on purpose: they would concern the token this service
 * minted, not anything the caller gave, and are reported as an upstream error.
 */
export const IDENTITY_ERROR_ROWS: ErrorRows = {
  983: row(
    BAD_USER_INPUT,
    "The candidate token cannot be linked: it is not a live social login token, or it was used already.",
    "candidateToken",
  ),
  986: row(CONFLICT, "This identity is already linked to an account.", "candidateToken"),
  987: row(NOT_FOUND, "The account has no linked identity to unlink."),
  989: row(
    NOT_FOUND,
    "The account has no identity with this provider and provider ID.",
    "providerId",
  ),
  1008: row(FAILED_PRECONDITION, "This identity cannot be unlinked from the account.", "provider"),
  1054: row(FAILED_PRECONDITION, "Account linking is disabled for this LoginRadius site."),
  1065: row(BAD_USER_INPUT, "The provider or provider ID is not valid.", "provider"),
  1078: row(
    BAD_USER_INPUT,
    "This provider cannot be linked or unlinked (not a social provider).",
    "provider",
  ),
  1219: row(FAILED_PRECONDITION, "An account cannot be unlinked from itself."),
};

/** LoginRadius body keys of these endpoints -> our arguments. */
export const IDENTITY_FIELD_RENAMES: FieldRenames = {
  candidatetoken: "candidateToken",
  providerid: "providerId",
};
