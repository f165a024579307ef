import { code, defineCodes } from "../core/errors.js";

/**
 * The LoginRadius codes the Multipurpose Tokens / SOTT section sends beyond the core ones. Message
 * and Description are the documented texts (response-code table), except 1182, which the table
 * does not list: its Message is the one the SMS OTP guide quotes, and its Description repeats it
 * (UNCONFIRMED, see the README).
 */
export const TOKEN_CODES = {
  936: code(
    403,
    "Email address is already registered with your LoginRadius site",
    "The email address has to be unique for your LoginRadius site, please use a different email address.",
  ),
  938: code(
    403,
    "User does not exist",
    "The user's account does not exist, please use a valid user or create the user before processing this request.",
  ),
  1043: code(
    403,
    "Phone number is invalid or does not exist",
    "The provided phone number is invalid or does not exist, please use a valid phone number in order to process this request.",
  ),
  1058: code(
    403,
    "Phone number is already registered with your LoginRadius site",
    "The phone number has to be unique for your LoginRadius site, please use a different phone number.",
  ),
  1073: code(
    403,
    "This phone number has already been confirmed",
    "This phone number has already been confirmed, so you cannot resend the verification OTP",
  ),
  1096: code(
    400,
    "Invalid phone number",
    "The provided phone number is not valid or not well-formatted, please review the phone number in order to process this request.",
  ),
  1126: code(
    403,
    "Email has already been verified",
    "Provided email address has already been verified, so its verification token couldn’t be generated.",
  ),
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
