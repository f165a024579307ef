import { createHash } from "node:crypto";

/** A token's AUTH_TOKENS key, as docs/security.md (Callers) and the README tell operators to compute it. */
export const sha256Hex = (token: string): string =>
  createHash("sha256").update(token, "utf8").digest("hex");

/** AUTH_TOKENS for `{ clearToken: { name, scopes } }`: the clear tokens never reach the service. */
export const authTokensEnv = (
  tokens: Record<
    string,
    { name: string; scopes: readonly string[]; trustedDocumentsOnly?: boolean }
  >,
): string =>
  JSON.stringify(
    Object.fromEntries(Object.entries(tokens).map(([token, entry]) => [sha256Hex(token), entry])),
  );
