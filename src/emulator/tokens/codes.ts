import { code, defineCodes, SHARED_CODES } from "../core/errors.js";

/**
 * The LoginRadius codes the Multipurpose Tokens / SOTT section sends beyond the core ones. Message
 * and Description are the documented texts (response-code table), except 1182, which the table
 * does not list: its Message is the one the SMS OTP guide quotes, and its Description repeats it
 * (UNCONFIRMED, see the README).
 */
export const TOKEN_CODES = {
  936: SHARED_CODES[936],
  938: SHARED_CODES[938],
  1043: code(
    403,
    "Phone number is invalid or does not exist",
    "The provided phone number is invalid or does not exist, please use a valid phone number in order to process this request.",
  ),
  1058: SHARED_CODES[1058],
  1073: code(
    403,
    "This phone number has already been confirmed",
    "This phone number has already been confirmed, so you cannot resend the verification OTP",
  ),
  1096: SHARED_CODES[1096],
  1126: SHARED_CODES[1126],
  1181: code(
    403,
    "You have entered an invalid token type",
    "The allowed token types are emailverification, addemail, forgotpassword, deleteusertoken, passwordlesslogintoken, addphone and phoneidverificationotp.",
  ),
  1182: code(
    403,
    "You have entered an invalid sms otp type",
    "You have entered an invalid sms otp type",
  ),
};

/** `TOKENS.fail(1181)` throws the documented body. */
export const TOKENS = defineCodes(TOKEN_CODES);
