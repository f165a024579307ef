import type { EnvReader } from "../../env.js";
import { isSecureUrl } from "../link-origins.js";
import type { AuthSettings } from "./authenticate.js";
import { parseTokenTable } from "./bearer-tokens.js";
import { JWT_ALGORITHMS, type JwtSettings } from "./jwt.js";

const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "[::]"]);

const readJwt = (read: EnvReader, knownScopes: readonly string[]): JwtSettings | null => {
  const jwksUrl = read.string("AUTH_JWKS_URL");
  const issuer = read.string("AUTH_ISSUER");
  const audience = read.string("AUTH_AUDIENCE");
  const algorithms = (read.string("AUTH_JWT_ALGORITHMS") ?? "RS256,ES256")
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
  const jwksCooldownMs = read.int("AUTH_JWKS_COOLDOWN_SECONDS", 30, 0, 3600) * 1000;
  if (jwksUrl === undefined) {
    read.check(
      issuer === undefined && audience === undefined,
      "AUTH_ISSUER and AUTH_AUDIENCE need AUTH_JWKS_URL (the identity provider's key set).",
    );
    return null;
  }
  let secure = false;
  try {
    const url = new URL(jwksUrl);
    secure = isSecureUrl(url);
  } catch {
    secure = false;
  }
  read.check(secure, "AUTH_JWKS_URL must be an https URL (http only for localhost).");
  read.check(issuer !== undefined, "AUTH_ISSUER is required with AUTH_JWKS_URL (the iss claim).");
  read.check(
    audience !== undefined,
    "AUTH_AUDIENCE is required with AUTH_JWKS_URL (the aud claim).",
  );
  const bad = algorithms.filter((a) => !(JWT_ALGORITHMS as readonly string[]).includes(a));
  read.check(
    bad.length === 0 && algorithms.length > 0,
    `AUTH_JWT_ALGORITHMS must list asymmetric algorithms from ${JWT_ALGORITHMS.join(", ")}; got '${bad.join(",")}'.`,
  );
  return {
    jwksUrl,
    issuer: issuer ?? "",
    audience: audience ?? "",
    algorithms,
    jwksCooldownMs,
    knownScopes,
  };
};

/**
 * Caller authentication from the environment. With real LoginRadius credentials it must be
 * configured (AUTH_TOKENS and/or AUTH_JWKS_URL) or explicitly waived with AUTH_DISABLED=true;
 * with the embedded emulator it is optional and off by default.
 */
export const readAuthSettings = (
  read: EnvReader,
  realUpstream: boolean,
  host: string,
  /** Every section's scopes (src/sections.ts): tokens and JWT claims may grant only these. */
  knownScopes: readonly string[],
): AuthSettings => {
  const tokensText = read.string("AUTH_TOKENS");
  const table = tokensText === undefined ? null : parseTokenTable(tokensText, knownScopes);
  for (const problem of table?.problems ?? []) read.check(false, problem);
  const jwt = readJwt(read, knownScopes);
  const disabled = read.oneOf("AUTH_DISABLED", ["true", "false"] as const, "false") === "true";
  const configured = tokensText !== undefined || jwt !== null;
  read.check(
    !(disabled && configured),
    "AUTH_DISABLED=true contradicts AUTH_TOKENS/AUTH_JWKS_URL: unset one or the other.",
  );
  read.check(
    !realUpstream || configured || disabled,
    "With LOGINRADIUS_API_KEY/LOGINRADIUS_API_SECRET set, configure caller authentication " +
      "(AUTH_TOKENS and/or AUTH_JWKS_URL with AUTH_ISSUER and AUTH_AUDIENCE), or set AUTH_DISABLED=true " +
      "to run without it (anyone who reaches the port can then read and change every account).",
  );
  const enabled = configured && !disabled;
  let disabledWarning: string | null = null;
  if (!enabled && (disabled || WILDCARD_HOSTS.has(host)))
    disabledWarning =
      `Caller authentication is OFF${disabled ? " (AUTH_DISABLED=true)" : ""}` +
      `${WILDCARD_HOSTS.has(host) ? ` and HOST=${host} listens on every interface` : ""}: ` +
      "anyone who reaches the port can read and change every account.";
  return { enabled, tokens: table?.entries ?? [], jwt, disabledWarning };
};
