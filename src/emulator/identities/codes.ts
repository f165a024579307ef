import { code, defineCodes, SHARED_CODES } from "../core/errors.js";

/**
 * The codes the Authentication API routes send beyond the core ones. Message and Description are
 * the documented texts (response-code table of the Customer Identity API); which route sends
 * which is INFERRED where the docs are silent (see the README).
 */
export const IDENTITY_CODES = {
  905: code(
    403,
    "Access token is invalid",
    "The LoginRadius access token is invalid, please use the correct or valid access token in order to process this request.",
  ),
  906: code(
    403,
    "Access token has expired",
    "The LoginRadius access token has expired, please request a new token from LoginRadius API.",
  ),
  938: SHARED_CODES[938],
  983: code(
    403,
    "Account cannot be linked",
    "This account cannot be linked, please use another account to link.",
  ),
  986: code(
    403,
    "Account is already linked",
    "This account cannot be linked as it is already linked with another account.",
  ),
  989: code(
    403,
    "Provider ID cannot be unlinked",
    "This provider ID is not linked to any other account, so it cannot be unlinked.",
  ),
  1008: code(
    403,
    "This provider cannot be unlinked",
    "This provider cannot be unlinked from your Profile.",
  ),
  1060: code(
    400,
    "Access token is missing",
    "This request is missing the access token, please use the valid access token parameter in order to process this request.",
  ),
  1078: code(
    403,
    "Provider is invalid",
    "This provider is invalid for account link/unlink, please use a valid Social Provider.",
  ),
};

export const IDENTITIES = defineCodes(IDENTITY_CODES);
