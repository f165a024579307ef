import { createHash } from "node:crypto";
import type { SliceEntry, SliceWriter, StoreSlice } from "../core/section.js";

/** A social identity as a profile's `Identities` holds it. */
export interface SocialIdentity {
  Provider: string;
  ID: string;
  FullName: string | null;
  Email: { Type: string; Value: string }[];
  ImageUrl: string | null;
}

/** An access token the emulator issued: only its sha256, whose account, until when. */
export interface AccessTokenRecord {
  hash: string;
  uid: string;
  /** `Date.getTime()` of its expiry. */
  expiresAt: number;
  /** The refresh token issued beside it, which `preventRefresh` revokes. */
  refreshToken?: string;
}

/** A social login whose own profile was never created: what a candidate token stands for. */
export interface SocialLogin {
  hash: string;
  identity: SocialIdentity;
}

export type SessionEntry =
  | { t: "access"; r: AccessTokenRecord }
  | { t: "social"; r: SocialLogin }
  | { t: "gone"; hash: string };

/** Live access-token records past which expired ones are swept. */
const SWEEP_AT = 10_000;

export const tokenHash = (token: string): string =>
  createHash("sha256").update(token).digest("hex");

/**
 * The Authentication API's state: the access tokens the management API issued (impersonation,
 * refresh), and the social logins a candidate token names. Tokens are kept by their hash, so the
 * journal never holds one. An invalidated token, or a candidate once linked, is gone.
 */
export class SessionStore implements StoreSlice<SessionEntry> {
  private readonly access = new Map<string, AccessTokenRecord>();
  private readonly social = new Map<string, SocialLogin>();

  constructor(
    private readonly seed: () => SocialLogin[],
    private readonly write: SliceWriter<SessionEntry>,
  ) {}

  /**
   * Records an access token issued for `uid` (the accounts section calls this when it mints).
   * Past `SWEEP_AT` live records, expired ones are dropped first (their tokens are refused
   * either way: 905 instead of 906), so a long benchmark of impersonations stays bounded.
   */
  issueAccessToken(
    token: string,
    uid: string,
    expiresAt: number,
    refreshToken?: string,
    now = Date.now(),
  ): void {
    if (this.access.size >= SWEEP_AT)
      for (const [hash, record] of this.access)
        if (record.expiresAt <= now) this.write({ t: "gone", hash });
    const r: AccessTokenRecord = { hash: tokenHash(token), uid, expiresAt };
    if (refreshToken !== undefined) r.refreshToken = refreshToken;
    this.write({ t: "access", r });
  }

  accessToken(token: string): AccessTokenRecord | undefined {
    return this.access.get(tokenHash(token));
  }

  socialLogin(token: string): SocialLogin | undefined {
    return this.social.get(tokenHash(token));
  }

  /** Forgets an access token or a candidate token; false when it was not live. */
  forget(token: string): boolean {
    const hash = tokenHash(token);
    if (!this.access.has(hash) && !this.social.has(hash)) return false;
    this.write({ t: "gone", hash });
    return true;
  }

  counts(): Record<string, number> {
    return { accessTokens: this.access.size, socialLogins: this.social.size };
  }

  *seedEntries(): Generator<SessionEntry> {
    for (const r of this.seed()) yield { t: "social", r };
  }

  *snapshot(): Generator<SessionEntry> {
    for (const r of this.social.values()) yield { t: "social", r };
    for (const r of this.access.values()) yield { t: "access", r };
  }

  clear(): void {
    this.access.clear();
    this.social.clear();
  }

  apply(entry: SliceEntry): void {
    const e = entry as SessionEntry;
    if (e.t === "access") this.access.set(e.r.hash, e.r);
    else if (e.t === "social") this.social.set(e.r.hash, e.r);
    else if (e.t === "gone") {
      this.access.delete(e.hash);
      this.social.delete(e.hash);
    }
  }
}
