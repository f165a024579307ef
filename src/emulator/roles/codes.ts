import { code, defineCodes, SHARED_CODES } from "../core/errors.js";

/**
 * The LoginRadius codes the roles section sends beyond the core ones (transport, 1134). Message and
 * Description are the documented texts of the Customer Identity API response-code table.
 */
export const ROLE_CODES = {
  938: SHARED_CODES[938],
  1047: code(
    400,
    "Role does not exist",
    "The provided role for the user does not exist, please use a valid role in order to process this request.",
  ),
  1133: code(
    403,
    "Role Context Name is not Valid",
    "Your role context name is not valid, please use a valid role context name.",
  ),
  1142: code(
    403,
    "Additional Permission does not exist",
    "Additional Permission for the user does not exist, please use a valid additional permission in order to process this request.",
  ),
  1172: code(
    400,
    "Invalid date",
    "A date was specified that was not in the correct format or not a valid date.",
  ),
  1175: code(
    403,
    "Role Name is not valid or already exists",
    "Role Name is not valid or already exists, please use a valid role name.",
  ),
};

/** `ROLES.fail(1047)` throws the documented body. */
export const ROLES = defineCodes(ROLE_CODES);
