/**
 * The size of a JSON request body's `query`, read from its bytes before any of it becomes a
 * string. A refused 1 MB query otherwise costs two 1 MB strings (the body's text, then the
 * parsed member) that wait in the old generation for a major GC: a flood of them grew the
 * process by 100 MB. Sound, not exact: the count is never above the UTF-8 bytes of the string
 * JSON.parse would give, so a refusal on it never refuses a query the parsed check would take.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const U = 0x75;
const SPACES = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** `\" \\ \/ \b \f \n \r \t`: one byte each once decoded. */
const SHORT_ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);
const QUERY = Buffer.from('"query"');

const skipSpaces = (body: Uint8Array, at: number): number => {
  let i = at;
  while (i < body.length && SPACES.has(body[i] as number)) i++;
  return i;
};

/** The value of one hex digit's byte; -1 when it is not one. */
const hexDigit = (c: number): number =>
  c >= 0x30 && c <= 0x39
    ? c - 0x30
    : c >= 0x61 && c <= 0x66
      ? c - 0x57
      : c >= 0x41 && c <= 0x46
        ? c - 0x37
        : -1;

/** The code unit of the four hex digits at `at`; -1 when they are not four hex digits. */
const hexValue = (body: Uint8Array, at: number): number => {
  let value = 0;
  for (let i = at; i < at + 4; i++) {
    const digit = i < body.length ? hexDigit(body[i] as number) : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
};

interface ScannedString {
  /** Index just after the closing quote. */
  end: number;
  /** UTF-8 bytes of the decoded string, as Buffer.byteLength counts them (see above). */
  bytes: number;
}

/**
 * The string starting at `at` (a `"`); null when it is not a well-formed JSON string. A raw byte
 * counts one (invalid UTF-8 decodes to U+FFFD, three bytes, never fewer); `\uXXXX` counts what
 * the code unit takes in UTF-8, a surrogate pair four, a lone surrogate three.
 */
const scanString = (body: Uint8Array, at: number): ScannedString | null => {
  let i = at + 1;
  let bytes = 0;
  let afterHighSurrogate = false;
  while (i < body.length) {
    const c = body[i] as number;
    if (c === QUOTE) return { end: i + 1, bytes };
    if (c < 0x20) return null;
    if (c !== BACKSLASH) {
      bytes++;
      i++;
      afterHighSurrogate = false;
      continue;
    }
    const escaped = body[i + 1] as number;
    if (escaped !== U) {
      if (!SHORT_ESCAPES.has(escaped)) return null;
      bytes++;
      i += 2;
      afterHighSurrogate = false;
      continue;
    }
    const unit = hexValue(body, i + 2);
    if (unit < 0) return null;
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    bytes += isLow && afterHighSurrogate ? 1 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
    afterHighSurrogate = unit >= 0xd800 && unit <= 0xdbff;
    i += 6;
  }
  return null;
};

/** Index just after the value at `at` (lenient inside objects and arrays); -1 when unreadable. */
const skipValue = (body: Uint8Array, at: number): number => {
  let i = at;
  let depth = 0;
  while (i < body.length) {
    const c = body[i] as number;
    if (c === QUOTE) {
      const scanned = scanString(body, i);
      if (!scanned) return -1;
      i = scanned.end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      i++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 0) return i;
      depth--;
      i++;
    } else if (depth === 0 && (c === COMMA || SPACES.has(c))) return i;
    else i++;
    if (depth === 0 && (c === QUOTE || c === CLOSE_OBJECT || c === CLOSE_ARRAY)) return i;
  }
  return depth === 0 ? i : -1;
};

const isQueryKey = (body: Uint8Array, start: number, end: number) =>
  end - start === QUERY.length && QUERY.equals(body.subarray(start, end));

/**
 * The UTF-8 bytes of the top-level `query` member of a JSON body, counted as above; null when the
 * body is not one object, its `query` is not a string, or a key has an escape (so a key spelled
 * `"\u0071uery"` is left to JSON.parse and the check after it, never misread here).
 */
export const queryBytesInJson = (body: Uint8Array): number | null => {
  let i = skipSpaces(body, 0);
  if (body[i] !== OPEN_OBJECT) return null;
  i = skipSpaces(body, i + 1);
  let query: number | null = null;
  if (body[i] === CLOSE_OBJECT) return null;
  while (i < body.length) {
    if (body[i] !== QUOTE) return null;
    const key = scanString(body, i);
    if (!key || body.subarray(i, key.end).includes(BACKSLASH)) return null;
    const isQuery = isQueryKey(body, i, key.end);
    i = skipSpaces(body, key.end);
    if (body[i] !== COLON) return null;
    i = skipSpaces(body, i + 1);
    if (isQuery && body[i] === QUOTE) {
      const value = scanString(body, i);
      if (!value) return null;
      query = value.bytes; // JSON.parse keeps the last of repeated keys; so does this
      i = value.end;
    } else {
      if (isQuery) query = null;
      i = skipValue(body, i);
      if (i < 0) return null;
    }
    i = skipSpaces(body, i);
    if (body[i] === COMMA) i = skipSpaces(body, i + 1);
    else if (body[i] === CLOSE_OBJECT)
      return skipSpaces(body, i + 1) === body.length ? query : null;
    else return null;
  }
  return null;
};
