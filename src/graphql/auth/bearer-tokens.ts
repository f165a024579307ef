import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Caller } from "../caller.js";
import type { Scope } from "./scopes.js";

/** One configured service caller: its name (what logs and limits see) and its scopes. */
export interface TokenEntry {
  /** SHA-256 of the token, 32 bytes. The clear token is never held. */
  hash: Buffer;
  name: string;
  scopes: readonly Scope[];
  /** This tool may run only its registered operations (trusted documents). */
  trustedDocumentsOnly: boolean;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const CALLER_NAME = /^[A-Za-z0-9._:@-]{1,100}$/;

const entrySchema = z.strictObject({
  name: z.string().regex(CALLER_NAME, "name must be 1 to 100 letters, digits or . _ : @ -"),
  scopes: z.array(z.string()),
  trustedDocumentsOnly: z.boolean().optional(),
});

/**
 * Parses `AUTH_TOKENS`: JSON mapping a token's SHA-256 (hex) to `{ name, scopes }`. Returns the
 * entries or the problems; problems name entries by position and never echo a key (someone may
 * have pasted a clear token where its hash belongs).
 */
export const parseTokenTable = (
  text: string,
  /** The scopes the sections declare; any other name is a problem. */
  known: readonly Scope[],
): { entries: TokenEntry[]; problems: string[] } => {
  const isScope = (scope: string) => known.includes(scope);
  const problems: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { entries: [], problems: ["AUTH_TOKENS must be JSON (its value is not shown)."] };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return {
      entries: [],
      problems: ['AUTH_TOKENS must be a JSON object: { "<sha256 hex>": { "name", "scopes" } }.'],
    };
  const entries: TokenEntry[] = [];
  const names = new Set<string>();
  Object.entries(json).forEach(([key, value], index) => {
    const at = `AUTH_TOKENS entry ${index + 1}`;
    if (!HEX_SHA256.test(key))
      problems.push(
        `${at}: the key must be the token's SHA-256 in hex (printf %s "$TOKEN" | sha256sum), not the token.`,
      );
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) {
      problems.push(
        `${at}: must be { "name": string, "scopes": [string] } (${parsed.error.issues.map((i) => i.message).join("; ")}).`,
      );
      return;
    }
    const { name, scopes, trustedDocumentsOnly = false } = parsed.data;
    const unknown = scopes.filter((s) => !isScope(s));
    if (unknown.length > 0)
      problems.push(
        `${at} (${name}): unknown scope ${unknown.join(", ")}; known: ${known.join(", ")}.`,
      );
    if (names.has(name)) problems.push(`${at}: the name ${name} is used twice.`);
    names.add(name);
    if (HEX_SHA256.test(key))
      entries.push({
        hash: Buffer.from(key, "hex"),
        name,
        scopes: scopes.filter(isScope),
        trustedDocumentsOnly,
      });
  });
  return { entries, problems };
};

export const sha256 = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

/**
 * The caller a static bearer token belongs to, or null. The presented token is hashed and
 * compared with every entry in constant time (no early exit), so neither the comparison nor the
 * loop tells an attacker how close a guess came.
 */
export const findTokenCaller = (entries: readonly TokenEntry[], token: string): Caller | null => {
  const presented = sha256(token);
  let match: TokenEntry | null = null;
  for (const entry of entries) if (timingSafeEqual(entry.hash, presented)) match = entry;
  return (
    match && {
      name: match.name,
      kind: "token",
      scopes: new Set(match.scopes),
      ...(match.trustedDocumentsOnly ? { trustedDocumentsOnly: true } : {}),
    }
  );
};
