import type { IncomingHttpHeaders } from "node:http";
import { ANONYMOUS_ALL_SCOPES, type Caller } from "../caller.js";
import { findTokenCaller, type TokenEntry } from "./bearer-tokens.js";
import { createJwtVerifier, type JwtSettings } from "./jwt.js";

/** Caller authentication as configured: off (every caller is ANONYMOUS_ALL_SCOPES) or on. */
export interface AuthSettings {
  enabled: boolean;
  tokens: readonly TokenEntry[];
  jwt: JwtSettings | null;
  /** Set when auth is off where it should not be (AUTH_DISABLED=true, or a wildcard HOST). */
  disabledWarning: string | null;
}

export type AuthOutcome =
  | { ok: true; caller: Caller }
  | {
      ok: false;
      status: 401 | 503;
      code: "UNAUTHENTICATED" | "AUTH_UNAVAILABLE";
      message: string;
      /** The `WWW-Authenticate` value (RFC 6750). */
      challenge: string;
      /** For the service log only: why, never the token. */
      detail: string;
    };

/** Longer than any JWT we expect; a longer header is refused unread. */
const MAX_TOKEN_LENGTH = 8_192;
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const LOOKS_LIKE_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

const refuse = (
  message: string,
  detail: string,
  error?: "invalid_request" | "invalid_token",
): AuthOutcome => ({
  ok: false,
  status: 401,
  code: "UNAUTHENTICATED",
  message,
  challenge: error
    ? `Bearer realm="account-graph", error="${error}"`
    : 'Bearer realm="account-graph"',
  detail,
});

/**
 * Who is calling, from the `Authorization` header, before any GraphQL work: a static service
 * token (AUTH_TOKENS, by its SHA-256) or a JWT from the identity provider. Anything else is a
 * refusal the HTTP handler answers with 401 (503 when the provider's keys cannot be fetched).
 */
export const createAuthenticator = (settings: AuthSettings) => {
  const verifyJwt = settings.jwt ? createJwtVerifier(settings.jwt) : null;
  return async (headers: IncomingHttpHeaders): Promise<AuthOutcome> => {
    if (!settings.enabled) return { ok: true, caller: ANONYMOUS_ALL_SCOPES };
    const header = headers.authorization;
    if (header === undefined || header === "")
      return refuse(
        "Caller authentication is required: send Authorization: Bearer <token>.",
        "no credentials",
      );
    if (header.length > MAX_TOKEN_LENGTH)
      return refuse("The Authorization header is too long.", "header too long", "invalid_request");
    const token = BEARER.exec(header)?.[1];
    if (token === undefined)
      return refuse(
        "The Authorization header must be Bearer <token>.",
        "not a bearer header",
        "invalid_request",
      );
    const byToken = findTokenCaller(settings.tokens, token);
    if (byToken) return { ok: true, caller: byToken };
    if (verifyJwt && LOOKS_LIKE_JWT.test(token)) {
      const result = await verifyJwt(token);
      if (result.ok) return result;
      if (result.reason === "unavailable")
        return {
          ok: false,
          status: 503,
          code: "AUTH_UNAVAILABLE",
          message: "The identity provider's keys could not be fetched; retry later.",
          challenge: 'Bearer realm="account-graph"',
          detail: `JWKS unavailable: ${result.detail}`,
        };
      return refuse("The bearer token is not valid.", `jwt ${result.detail}`, "invalid_token");
    }
    return refuse("The bearer token is not valid.", "unknown token", "invalid_token");
  };
};

export type Authenticate = ReturnType<typeof createAuthenticator>;
