import { code, defineCodes, SHARED_CODES } from "../core/errors.js";

/**
 * The LoginRadius codes the custom-object section sends beyond the core ones (transport, 1134).
 * Message and Description are the documented texts of the response-code table.
 */
export const CUSTOM_OBJECT_CODES = {
  938: SHARED_CODES[938],
  1035: code(
    400,
    "Custom object JSON is invalid",
    "The provided custom object JSON is invalid, please use a valid or well-formatted JSON in order to process this request.",
  ),
  1057: code(
    403,
    "Custom object is not found or does not exist",
    "The requested custom object of the user's account could not be found, please create a custom object before requesting.",
  ),
  1064: code(
    403,
    "Custom object name is invalid",
    "The custom object name used in this request is incorrect or does not exist.",
  ),
};

/** `CUSTOM_OBJECTS.fail(1057)` throws the documented body. */
export const CUSTOM_OBJECTS = defineCodes(CUSTOM_OBJECT_CODES);
