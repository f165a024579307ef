import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { parseExpiry, signatureOf } from "../../loginradius/request-signing.js";
import { code, defineCodes } from "./errors.js";

/**
 * The request-signing codes of LoginRadius's response-code table (1207-1212). The texts are ours
 * (the table names each case; its wording is UNCONFIRMED here, see src/emulator/README.md).
 */
export const SIGNING = defineCodes({
  1207: code(
    400,
    "Request signature is missing",
    "The request is missing the digest header, please sign the request with your API secret.",
  ),
  1208: code(
    403,
    "Request signature is invalid",
    "The digest of the request does not match, please sign the request with your API secret.",
  ),
  1209: code(
    400,
    "Request signature or API secret is missing",
    "The request carries neither a digest nor an API secret, please sign the request.",
  ),
  1210: code(
    400,
    "Request expiry is missing",
    "The request is missing the X-Request-Expires header, please send it with the digest.",
  ),
  1211: code(
    400,
    "Request expiry is not well-formatted",
    "The X-Request-Expires header must be a UTC date time such as 2018-4-18 6:15:10 PM.",
  ),
  1212: code(
    403,
    "Request has expired",
    "The X-Request-Expires time has passed, please sign the request again.",
  ),
});

export interface SigningPolicy {
  /** EMULATOR_REQUIRE_SIGNING: a strict-mode site, where the secret alone is refused. */
  required: boolean;
  /** How far past its expiry a signature is still accepted (clocks drift). */
  skewMs: number;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === "" ? undefined : text.trim();
};

const PREFIX = "sha-256=";

const sameDigest = (sent: string, expected: string): boolean => {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * What a signed request proves. Returns "signed" when it carries a valid signature, "unsigned"
 * when it carries none and the site accepts the secret (the caller then checks it); throws the
 * documented code otherwise. `url` is the whole URL as the client called it, query included.
 */
export const checkSignature = (
  request: { url: string; headers: IncomingHttpHeaders; body: string },
  secret: string,
  policy: SigningPolicy,
  now: Date,
): "signed" | "unsigned" => {
  const digest = header(request.headers, "digest");
  const expires = header(request.headers, "x-request-expires");
  if (digest === undefined) {
    if (expires !== undefined) throw SIGNING.fail(1207);
    if (!policy.required) return "unsigned";
    const hasSecret =
      header(request.headers, "x-loginradius-apisecret") !== undefined ||
      /[?&]apisecret=[^&]/i.test(request.url);
    throw SIGNING.fail(hasSecret ? 1207 : 1209);
  }
  if (expires === undefined) throw SIGNING.fail(1210);
  const at = parseExpiry(expires);
  if (at === null) throw SIGNING.fail(1211);
  if (now.getTime() > at.getTime() + policy.skewMs) throw SIGNING.fail(1212);
  if (!digest.toLowerCase().startsWith(PREFIX)) throw SIGNING.fail(1208);
  const expected = signatureOf(secret, expires, request.url, request.body);
  if (!sameDigest(digest.slice(PREFIX.length), expected)) throw SIGNING.fail(1208);
  return "signed";
};
