import { code, defineCodes } from "../core/errors.js";

/**
 * The codes the Cloud Directory search answers with. LoginRadius documents none for it: these are
 * the core table's texts for a malformed query (957), a badly formatted parameter (908: `from`,
 * `to`, `size`, an unknown or expired `next` cursor) and the per-second limit (429) — UNCONFIRMED
 * (see the emulator README).
 */
export const SEARCH_CODES = {
  429: code(429, "Too many requests", "Too many requests in a particular time frame"),
  908: code(
    403,
    "A parameter is not formatted correctly",
    "The provided parameter is not formatted correctly, please check the parameter.",
  ),
  957: code(
    400,
    "Query is malformed",
    "The search query is malformed or uses a field or operator its type does not support.",
  ),
};

/** `SEARCH.fail(957, { description })` throws the body. */
export const SEARCH = defineCodes(SEARCH_CODES);
