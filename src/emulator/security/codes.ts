import { code, defineCodes, SHARED_CODES } from "../core/errors.js";

/**
 * The LoginRadius codes the Account Security section sends beyond the core ones (transport,
 * 1134). Message and Description are the texts of the documented response-code table.
 */
export const SECURITY_CODES = {
  938: SHARED_CODES[938],
  1099: code(
    403,
    "Two-factor authenticator is not configured",
    "Two-factor authenticator app is not configured. Please configure an authenticator to enable two-factor authentication.",
  ),
  1101: code(
    403,
    "Two factor authentication is not configured for this profile",
    "Two factor authentication is not configured, please configured or enable two factor authentication on your profile for login.",
  ),
  1121: code(
    403,
    "This is not valid request for removing two factor authentication",
    "This is not valid request for removing two factor authentication, please use the correct value for removing two factor authentication.",
  ),
  1127: code(
    403,
    "Two factor authentication backup code is already generated",
    "The two factor authentication backup code is already generated, please reset your two factor authentication backup code.",
  ),
  1193: code(
    403,
    "Two factor validation token is invalid",
    "The LoginRadius two factor Validation token is invalid, please use the correct or valid token in order to process this request.",
  ),
  1313: code(
    403,
    "Push notification as two factor authentication is not configured for this profile",
    "Push notification as two factor authentication is not configured, please configure or enable two factor authentication on your profile for login.",
  ),
  1325: code(
    403,
    "Invalid Passkey ID",
    "The provided Passkey ID is invalid; it cannot be removed.",
  ),
  1328: code(
    403,
    "Passkey as two factor authentication is not configured for this profile",
    "Passkey as two factor authentication is not configured, please configure or enable two factor authentication on your profile for login.",
  ),
  1334: code(
    403,
    "Duo Authenticator as two-factor authentication method is not configured for this profile",
    "Please configure or enable two-factor authentication in your account for login.",
  ),
};

/** `SECURITY.fail(1101)` throws the documented body. */
export const SECURITY = defineCodes(SECURITY_CODES);
