import type { IncomingHttpHeaders } from "node:http";
import { isGuid } from "../../env.js";
import { CORE } from "./errors.js";
import type { Query } from "./request.js";
import { checkSignature, type SigningPolicy } from "./signature.js";

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === "" ? undefined : text.trim();
};

/** A signed request as the signature check reads it: the whole URL called, the body sent. */
export interface SignedParts {
  url: string;
  body: string;
  policy: SigningPolicy;
  now: Date;
}

/**
 * Key and secret from the query (`apikey`/`apisecret`, any casing) or the
 * `X-LoginRadius-ApiKey`/`-ApiSecret` headers (Node lower-cases header names, so any casing).
 * Missing: 922/923; not a GUID: 920/921; a GUID but not ours: 901/902. `keyOnly` (the
 * Authentication API's routes) checks the key alone. A request signature (signature.ts) stands
 * for the secret; a strict-mode site (`policy.required`) wants one.
 */
export const checkCredentials = (
  query: Query,
  headers: IncomingHttpHeaders,
  expected: { apiKey: string; apiSecret: string },
  signed?: SignedParts,
  keyOnly = false,
): void => {
  const key = query.get("apikey") ?? header(headers, "x-loginradius-apikey");
  const secret = query.get("apisecret") ?? header(headers, "x-loginradius-apisecret");
  if (key === undefined) throw CORE.fail(922);
  if (!isGuid(key)) throw CORE.fail(920);
  if (key.toLowerCase() !== expected.apiKey.toLowerCase()) throw CORE.fail(901);
  if (keyOnly) return;
  if (
    signed &&
    checkSignature({ ...signed, headers }, expected.apiSecret, signed.policy, signed.now) ===
      "signed"
  )
    return;
  if (secret === undefined) throw CORE.fail(923);
  if (!isGuid(secret)) throw CORE.fail(921);
  if (secret.toLowerCase() !== expected.apiSecret.toLowerCase()) throw CORE.fail(902);
};
