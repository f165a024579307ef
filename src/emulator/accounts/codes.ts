import { code, defineCodes, SHARED_CODES } from "../core/errors.js";

/**
 * The LoginRadius codes the accounts section sends beyond the core ones. Message and Description
 * are the documented texts (response-code table of the Customer Identity API), except 1340, which
 * that table does not list (UNCONFIRMED text, see the README).
 */
export const ACCOUNT_CODES = {
  936: SHARED_CODES[936],
  938: SHARED_CODES[938],
  968: code(
    400,
    "The date is invalid or has an invalid format",
    "The provided birth date either is in the future or has an invalid format, please use the valid date and date format (mm/dd/yyyy).",
  ),
  990: code(
    403,
    "This email is invalid",
    "This is not a valid email address, please use a valid email address.",
  ),
  993: code(
    403,
    "Custom field is invalid",
    "This custom field is invalid, please use a correct or valid custom field.",
  ),
  1005: code(
    403,
    "User account should have at least one email address",
    "This email address cannot be deleted as this is the only email address in your Profile, please add an additional email address in order to remove this.",
  ),
  1015: code(
    403,
    "The new password is invalid",
    "Please use a valid Profile ID to change your password.",
  ),
  1017: code(
    403,
    "This username is already registered with this website",
    "The username you have selected is already in use, please choose a different username.",
  ),
  1039: code(
    403,
    "An email profile is not created or does not exist",
    "An email profile is not created on this Account ID, please use a valid Account ID or create an email profile before processing this request.",
  ),
  1044: code(
    403,
    "This account ID is already registered with your site",
    "The account ID has to be unique for your Site, please use a different account ID in order to process this request.",
  ),
  1058: SHARED_CODES[1058],
  1089: code(
    400,
    "Password is missing",
    "The password is missing, please use the valid password parameter in order to process this request.",
  ),
  1096: SHARED_CODES[1096],
  1113: code(
    403,
    "The profile cannot be enforced to invalidate the email verification.",
    "The request could not be processed, there is no email profile associated with this UID, thus the email verification cannot be enforced.",
  ),
  1118: code(
    400,
    "Email, UID or phone is required",
    "Please pass the email or uid or phone parameter in order to process this request.",
  ),
  1126: SHARED_CODES[1126],
  1147: code(
    403,
    "The profile cannot be enforced to invalidate the phone verification.",
    "The request could not be processed, there is no phone profile associated with UID, so the phone verification cannot be enforced.",
  ),
  1161: code(
    403,
    "This phone number is already unverified",
    "This phone number is unverified, cannot invalidate.",
  ),
  1200: code(
    403,
    "Uid is not valid",
    "The uid is not valid, The uid can contains alphabets, digits, underscore and dash only and length must be between 1 to 50.",
  ),
  1201: code(
    400,
    "Email type is required",
    "The request couldn't be processed, the email type must be specified in the address.",
  ),
  1202: code(
    400,
    "Email address can not be same",
    "Please use different email addresses in the case of multiple email addresses.",
  ),
  1203: code(
    400,
    "Primary email address can be only one",
    "The primary email address can be only one.",
  ),
  1216: code(403, "Weak password", "A potential password vulnerability was detected."),
  1217: code(403, "Refresh token invalid", "LoginRadius refresh token is invalid."),
  1340: code(
    403,
    "Email address does not exist in the profile",
    "The request cannot be processed as the email address does not exist in the user's profile.",
  ),
};

/** `ACCOUNTS.fail(938)` throws the documented body; core codes (1134, 971...) come from `CORE`. */
export const ACCOUNTS = defineCodes(ACCOUNT_CODES);
