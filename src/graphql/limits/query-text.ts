import { ErrorCodes } from "../../errors.js";

/**
 * Brackets (`{`, `[`, `(`) open at once, at most. graphql-js parses selection sets, lists and
 * input objects by recursion, so `[[[[...` a few thousand deep overflows the stack of a cold
 * process before any limit (tokens, depth) is checked. MAX_DEPTH is at most 100 and no input in
 * this schema nests more than a few levels, so 128 never refuses a legitimate document.
 */
export const MAX_NESTING = 128;

export interface QueryTextLimits {
  /** UTF-8 bytes of the query text (MAX_QUERY_BYTES). */
  maxQueryBytes: number;
  maxNesting: number;
}

export interface QueryTextRefusal {
  status: number;
  code: string;
  message: string;
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const HASH = 35; // #
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const OPENERS = new Set([123, 91, 40]); // { [ (
const CLOSERS = new Set([125, 93, 41]); // } ] )

/** Index after the string starting at `at` (a `"` or `"""`); the text's end if unterminated. */
const skipString = (text: string, at: number): number => {
  if (text.startsWith('"""', at)) {
    // Block strings: only \""" escapes; the parser reports anything else wrong.
    let i = at + 3;
    while (i < text.length) {
      if (text.startsWith('\\"""', i)) i += 4;
      else if (text.startsWith('"""', i)) return i + 3;
      else i++;
    }
    return i;
  }
  let i = at + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i + 1;
    else if (c === NEWLINE || c === CARRIAGE_RETURN)
      return i; // the parser refuses it
    else i++;
  }
  return i;
};

/**
 * The deepest bracket nesting of a GraphQL document, in one pass, skipping strings and
 * comments; stops counting once `limit` is passed. The parser's own recursion follows exactly
 * these brackets, so this bounds it.
 */
export const nestingOf = (text: string, limit: number): number => {
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = skipString(text, i);
      continue;
    }
    if (c === HASH) {
      while (
        i < text.length &&
        text.charCodeAt(i) !== NEWLINE &&
        text.charCodeAt(i) !== CARRIAGE_RETURN
      )
        i++;
      continue;
    }
    if (OPENERS.has(c)) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (CLOSERS.has(c) && depth > 0) depth--;
    i++;
  }
  return deepest;
};

/** A query of `bytes` UTF-8 bytes, over MAX_QUERY_BYTES: 413, before it is parsed. */
export const queryTooLarge = (bytes: number, maxQueryBytes: number): QueryTextRefusal => ({
  status: 413,
  code: ErrorCodes.QUERY_TOO_LARGE,
  message: `The query is ${bytes} bytes; at most ${maxQueryBytes} are allowed (MAX_QUERY_BYTES).`,
});

/**
 * The checks on a query's text that must come before graphql parses it: its size in bytes
 * (a 1 MB document is parsed, and its AST and source kept in the document cache) and its
 * bracket nesting (the parser recurses on it). Null when the text may be parsed.
 */
export const queryTextRefusal = (
  query: string,
  limits: QueryTextLimits,
): QueryTextRefusal | null => {
  // A UTF-8 byte is at least a third of a UTF-16 unit: skip the exact count for short texts.
  if (query.length * 3 > limits.maxQueryBytes) {
    const bytes = Buffer.byteLength(query, "utf8");
    if (bytes > limits.maxQueryBytes) return queryTooLarge(bytes, limits.maxQueryBytes);
  }
  if (nestingOf(query, limits.maxNesting) > limits.maxNesting)
    return {
      status: 400,
      code: ErrorCodes.MAX_NESTING_EXCEEDED,
      message: `The query nests brackets ({, [ or () more than ${limits.maxNesting} deep.`,
    };
  return null;
};
