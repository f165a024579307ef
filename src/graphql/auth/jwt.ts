import type { JWTPayload } from "jose";
import type { Caller } from "../caller.js";

/** JWTs from the company identity provider (AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE). */
export interface JwtSettings {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Pinned: only these `alg` values are accepted (never `none` or an HMAC one). */
  algorithms: readonly string[];
  /** Least time between two JWKS fetches triggered by an unknown `kid`. */
  jwksCooldownMs: number;
  /** The scopes the sections declare: a claim grants only these. */
  knownScopes: readonly string[];
}

/** Asymmetric algorithms only: with an HMAC one, a public key could be used as a shared secret. */
export const JWT_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
] as const;

/** Seconds of clock skew tolerated on `exp` and `nbf`: small, tokens are short-lived. */
export const CLOCK_TOLERANCE_SECONDS = 5;

export type JwtResult =
  | { ok: true; caller: Caller }
  | { ok: false; reason: "invalid" | "unavailable"; detail: string };

/** jose errors that say the key set could not be had, as opposed to a bad token. */
const UNAVAILABLE = new Set(["ERR_JWKS_TIMEOUT", "ERR_JWKS_INVALID", "ERR_JOSE_GENERIC"]);

/** `scope` (space-separated, OAuth 2) or `scp` (array or string, Azure AD/Okta); ours only. */
const scopesOf = (payload: JWTPayload, known: readonly string[]): Set<string> => {
  const raw = payload.scope ?? payload.scp;
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(" ") : [];
  return new Set(list.filter((s): s is string => typeof s === "string" && known.includes(s)));
};

const nameOf = (payload: JWTPayload): string | null => {
  for (const claim of [payload.sub, payload.client_id, payload.azp])
    if (typeof claim === "string" && claim.length > 0 && claim.length <= 200) return claim;
  return null;
};

/**
 * A verifier for the identity provider's JWTs. Keys come from the JWKS URL, cached (10 min) and
 * fetched again when a token names an unknown `kid` (key rotation), at most once per cooldown.
 * Nothing is fetched until the first token arrives.
 */
export const createJwtVerifier = (settings: JwtSettings) => {
  // jose is loaded with the first token, so a service without AUTH_JWKS_URL never loads it
  // (part of the compiled service's cold start).
  let loaded: Promise<typeof import("jose")> | undefined;
  let keys: ReturnType<typeof import("jose")["createRemoteJWKSet"]> | undefined;
  return async (token: string): Promise<JwtResult> => {
    try {
      loaded ??= import("jose");
      const { createRemoteJWKSet, jwtVerify } = await loaded;
      keys ??= createRemoteJWKSet(new URL(settings.jwksUrl), {
        cooldownDuration: settings.jwksCooldownMs,
        timeoutDuration: 5_000,
      });
      const { payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: [...settings.algorithms],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ["exp"],
      });
      const name = nameOf(payload);
      if (name === null)
        return { ok: false, reason: "invalid", detail: "no sub, client_id or azp claim" };
      return {
        ok: true,
        caller: {
          name,
          kind: "jwt",
          scopes: scopesOf(payload, settings.knownScopes),
          // The identity provider marks a tool that may run only its registered operations.
          ...(payload.trusted_documents_only === true ? { trustedDocumentsOnly: true } : {}),
        },
      };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const isJose = typeof code === "string" && code.startsWith("ERR_J");
      return !isJose || UNAVAILABLE.has(code)
        ? { ok: false, reason: "unavailable", detail: String((error as Error).message) }
        : { ok: false, reason: "invalid", detail: code };
    }
  };
};
