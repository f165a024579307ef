/**
 * Who is asking: set once per request by caller authentication, before any GraphQL work. The
 * name is what logs, the audit trail and rate limits key on; it is never a token.
 */
export interface Caller {
  /** A configured token's name, a JWT's `sub`, or "anonymous" when auth is off. */
  name: string;
  scopes: ReadonlySet<string>;
  kind: "token" | "jwt" | "anonymous";
  /** May run only registered operations (trusted documents); TRUSTED_DOCUMENTS_ONLY sets it for all. */
  trustedDocumentsOnly?: boolean;
}

/** The caller when caller auth is off (embedded emulator, or AUTH_DISABLED=true): every scope. */
export const ANONYMOUS_ALL_SCOPES: Caller = Object.freeze({
  name: "anonymous",
  kind: "anonymous",
  scopes: new Set<string>(["*"]),
});

export const hasScope = (caller: Caller, scope: string): boolean =>
  caller.scopes.has("*") || caller.scopes.has(scope);
