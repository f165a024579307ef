import { createHash } from "node:crypto";
import type { SliceEntry, SliceWriter, StoreSlice } from "../core/section.js";

/** One token the emulator minted: never the token itself, only its sha256. */
export interface IssuedToken {
  kind: "email" | "sms" | "sott";
  /** The documented token type (`forgotpassword`, `addphone`...) or `sott`. */
  type: string;
  uid: string | null;
  hash: string;
  expires: string;
}

export type TokenEntry = { t: "issue"; r: IssuedToken };

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * Every multipurpose token, SMS OTP and SOTT issued, so a restart keeps them and a reset forgets
 * them. Nothing is seeded: tokens exist only once someone asks for one.
 */
export class TokenStore implements StoreSlice<TokenEntry> {
  private readonly issued: IssuedToken[] = [];

  constructor(private readonly write: SliceWriter<TokenEntry>) {}

  issue(token: IssuedToken): void {
    this.write({ t: "issue", r: token });
  }

  /** The tokens issued, oldest first (tests and the health count). */
  list(): readonly IssuedToken[] {
    return this.issued;
  }

  counts(): Record<string, number> {
    return { issuedTokens: this.issued.length };
  }

  *seedEntries(): Generator<TokenEntry> {}

  *snapshot(): Generator<TokenEntry> {
    for (const r of this.issued) yield { t: "issue", r };
  }

  clear(): void {
    this.issued.length = 0;
  }

  apply(entry: SliceEntry): void {
    const e = entry as TokenEntry;
    if (e.t === "issue") this.issued.push(e.r);
  }
}
