import { createHmac } from "node:crypto";

/**
 * LoginRadius request signing (docs: "API Request Signing"; src/emulator/README.md): instead of
 * the secret, each request carries `X-Request-Expires: <UTC datetime>` and
 * `digest: SHA-256=<base64 HMAC-SHA256 keyed by the secret>` over
 * `expires + ":" + encode(decode(url))` plus `":" + body` when there is a body. Where the docs
 * leave a detail open, the .NET SDK (whose fiddle the docs link) decides: URL decoding and
 * encoding as `HttpUtility.UrlDecode`/`UrlEncode`, the result lower-cased, the expiry formatted
 * `yyyy-M-d h:m:s tt` in UTC, 15 minutes ahead.
 */

/** How far ahead a signature expires: the .NET SDK's 15 minutes. */
export const SIGNATURE_LIFETIME_MS = 15 * 60_000;

/** `%XX` runs decoded as UTF-8; a malformed escape stays as it is (HttpUtility.UrlDecode does). */
const decodeUrl = (text: string): string =>
  text
    .replace(/\+/g, " ")
    .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
      Buffer.from(run.replace(/%/g, ""), "hex").toString(),
    );

/**
 * HttpUtility.UrlEncode: letters, digits and `-_.!*()` kept, a space as `+`, every other UTF-8
 * byte `%xx`. encodeURIComponent also keeps `~` and `'`: those two are escaped here.
 */
const encodeUrl = (text: string): string =>
  encodeURIComponent(text)
    .replace(/[~']/g, (c) => `%${c.charCodeAt(0).toString(16)}`)
    .replace(/%20/g, "+");

/** The URL as it enters the digest: decoded, encoded again, lower-cased. */
export const canonicalUrl = (url: string): string => encodeUrl(decodeUrl(url)).toLowerCase();

/**
 * The digest of one request: the base64 HMAC-SHA256, keyed by the secret, of the signing string.
 * The body is taken as the bytes sent, so no re-serialisation can differ from what went out.
 */
export const signatureOf = (
  secret: string,
  expires: string,
  url: string,
  body?: Uint8Array | string,
): string => {
  const hmac = createHmac("sha256", secret).update(`${expires}:${canonicalUrl(url)}`);
  if (body !== undefined && body.length > 0) hmac.update(":").update(body);
  return hmac.digest("base64");
};

/** The documented expiry format, in UTC: `2018-4-18 6:15:10 PM` (no zero padding, 12-hour). */
export const formatExpiry = (at: Date): string => {
  const hours = at.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return (
    `${at.getUTCFullYear()}-${at.getUTCMonth() + 1}-${at.getUTCDate()} ` +
    `${h12}:${at.getUTCMinutes()}:${at.getUTCSeconds()} ${hours < 12 ? "AM" : "PM"}`
  );
};

const EXPIRY = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?: ?([AaPp][Mm]))?$/;

/**
 * An expiry as the SDKs send it, read as UTC: the documented 12-hour form, or the 24-hour
 * `YYYY-MM-DD HH:mm:ss` of the Python and Node SDKs. Null when it is neither or not a real time.
 */
export const parseExpiry = (text: string): Date | null => {
  const m = EXPIRY.exec(text.trim());
  if (!m) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map(Number);
  const meridiem = m[7]?.toUpperCase();
  if (meridiem && (hour < 1 || hour > 12)) return null;
  const h24 = meridiem ? (hour % 12) + (meridiem === "PM" ? 12 : 0) : hour;
  const at = new Date(Date.UTC(year, month - 1, day, h24, minute, second));
  const real =
    at.getUTCMonth() === month - 1 &&
    at.getUTCDate() === day &&
    h24 < 24 &&
    minute < 60 &&
    second < 60;
  return real ? at : null;
};

/** The headers of one signed attempt (names lower-cased, as node:http sends them anyway). */
export type Signer = (url: string, body: Uint8Array | undefined) => Record<string, string>;

/** Signs each attempt afresh: a retry gets its own expiry and digest. */
export const createSigner =
  (secret: string, now: () => number = Date.now): Signer =>
  (url, body) => {
    const expires = formatExpiry(new Date(now() + SIGNATURE_LIFETIME_MS));
    return {
      "x-request-expires": expires,
      digest: `SHA-256=${signatureOf(secret, expires, url, body)}`,
    };
  };
