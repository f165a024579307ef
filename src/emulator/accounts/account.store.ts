import type { SliceEntry, SliceWriter, StoreSlice } from "../core/section.js";
import type { StoredProfile } from "./profile.js";

/** The accounts slice's journal entries. */
export type AccountEntry =
  | { t: "put"; r: StoredProfile }
  | { t: "del"; uid: string }
  | { t: "token"; token: string; uid: string }
  | { t: "revoke"; token: string };

const lower = (s: string): string => s.toLowerCase();

/**
 * The key phone lookups and uniqueness use: E.164 digits with one leading `+`. A `+` sent
 * unencoded in a query arrives as a space, and some callers drop it: all find the same phone.
 */
export const phoneKey = (phone: string): string => `+${phone.replace(/[\s+]/g, "")}`;

/**
 * The emulator's accounts, indexed by UID, email, phone and user name so every lookup is O(1)
 * at 100,000 accounts. Emails and user names match case-insensitively, as LoginRadius does; one
 * email may belong to several accounts (a social and a traditional account, say), so the email
 * index holds a set. Refresh tokens live here too because they belong to an account.
 */
export class AccountStore implements StoreSlice<AccountEntry> {
  private readonly accounts = new Map<string, StoredProfile>();
  private readonly byEmail = new Map<string, Set<string>>();
  private readonly byPhone = new Map<string, string>();
  private readonly byUserName = new Map<string, string>();
  private readonly refreshTokens = new Map<string, string>();

  constructor(
    private readonly seed: () => StoredProfile[],
    private readonly write: SliceWriter<AccountEntry>,
  ) {}

  get size(): number {
    return this.accounts.size;
  }

  get(uid: string): StoredProfile | undefined {
    return this.accounts.get(uid);
  }

  /**
   * Every account, oldest first. A scan: only for rare site-wide checks (is a role still assigned
   * to anyone before it is deleted), never for a lookup.
   */
  values(): IterableIterator<StoredProfile> {
    return this.accounts.values();
  }

  /** All UIDs holding this email, oldest first. */
  uidsByEmail(email: string): string[] {
    return [...(this.byEmail.get(lower(email)) ?? [])];
  }

  uidByPhone(phone: string): string | undefined {
    return this.byPhone.get(phoneKey(phone));
  }

  uidByUserName(userName: string): string | undefined {
    return this.byUserName.get(lower(userName));
  }

  /** Inserts or replaces an account and re-indexes it. */
  put(record: StoredProfile): void {
    this.write({ t: "put", r: record });
  }

  delete(uid: string): boolean {
    if (!this.accounts.has(uid)) return false;
    this.write({ t: "del", uid });
    return true;
  }

  /** Moves an account (and its refresh tokens) to a new UID. */
  rename(oldUid: string, record: StoredProfile): void {
    const tokens = [...this.refreshTokens].filter(([, uid]) => uid === oldUid).map(([t]) => t);
    this.delete(oldUid);
    this.put(record);
    for (const token of tokens) this.write({ t: "token", token, uid: record.Uid });
  }

  addRefreshToken(token: string, uid: string): void {
    this.write({ t: "token", token, uid });
  }

  refreshTokenOwner(token: string): string | undefined {
    return this.refreshTokens.get(token);
  }

  revokeRefreshToken(token: string): boolean {
    if (!this.refreshTokens.has(token)) return false;
    this.write({ t: "revoke", token });
    return true;
  }

  revokeAllRefreshTokens(uid: string): number {
    let count = 0;
    for (const [token, owner] of this.refreshTokens) {
      if (owner === uid) {
        this.write({ t: "revoke", token });
        count++;
      }
    }
    return count;
  }

  counts(): Record<string, number> {
    return { accounts: this.accounts.size };
  }

  *seedEntries(): Generator<AccountEntry> {
    for (const record of this.seed()) yield { t: "put", r: record };
  }

  *snapshot(): Generator<AccountEntry> {
    for (const record of this.accounts.values()) yield { t: "put", r: record };
    for (const [token, uid] of this.refreshTokens) yield { t: "token", token, uid };
  }

  clear(): void {
    this.accounts.clear();
    this.byEmail.clear();
    this.byPhone.clear();
    this.byUserName.clear();
    this.refreshTokens.clear();
  }

  apply(entry: SliceEntry): void {
    const e = entry as AccountEntry;
    switch (e.t) {
      case "put": {
        this.unindex(e.r.Uid);
        this.accounts.set(e.r.Uid, e.r);
        this.index(e.r);
        return;
      }
      case "del":
        this.unindex(e.uid);
        this.accounts.delete(e.uid);
        for (const [token, uid] of this.refreshTokens)
          if (uid === e.uid) this.refreshTokens.delete(token);
        return;
      case "token":
        this.refreshTokens.set(e.token, e.uid);
        return;
      case "revoke":
        this.refreshTokens.delete(e.token);
        return;
    }
  }
  private index(record: StoredProfile): void {
    for (const email of record.Email ?? []) {
      const key = lower(email.Value);
      let uids = this.byEmail.get(key);
      if (!uids) {
        uids = new Set();
        this.byEmail.set(key, uids);
      }
      uids.add(record.Uid);
    }
    if (typeof record.PhoneId === "string") this.byPhone.set(phoneKey(record.PhoneId), record.Uid);
    if (typeof record.UserName === "string")
      this.byUserName.set(lower(record.UserName), record.Uid);
  }

  private unindex(uid: string): void {
    const old = this.accounts.get(uid);
    if (!old) return;
    for (const email of old.Email ?? []) {
      const uids = this.byEmail.get(lower(email.Value));
      uids?.delete(uid);
      if (uids?.size === 0) this.byEmail.delete(lower(email.Value));
    }
    if (typeof old.PhoneId === "string" && this.byPhone.get(phoneKey(old.PhoneId)) === uid)
      this.byPhone.delete(phoneKey(old.PhoneId));
    if (typeof old.UserName === "string" && this.byUserName.get(lower(old.UserName)) === uid)
      this.byUserName.delete(lower(old.UserName));
  }
}
