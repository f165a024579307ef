import type { Journal, JournalEntry } from "./journal.js";
import type { StoredProfile } from "./profile.js";

const lower = (s: string): string => s.toLowerCase();

/**
 * The emulator's accounts, indexed by UID, email, phone and user name so every lookup is O(1)
 * at 100,000 accounts. Emails and user names match case-insensitively, as LoginRadius does; one
 * email may belong to several accounts (a social and a traditional account, say), so the email
 * index holds a set. Refresh tokens live here too because they belong to an account.
 */
export class AccountStore {
  private readonly accounts = new Map<string, StoredProfile>();
  private readonly byEmail = new Map<string, Set<string>>();
  private readonly byPhone = new Map<string, string>();
  private readonly byUserName = new Map<string, string>();
  private readonly refreshTokens = new Map<string, string>();

  constructor(
    private readonly seed: () => StoredProfile[],
    private readonly journal?: Journal,
  ) {
    this.load();
  }

  get size(): number {
    return this.accounts.size;
  }

  get(uid: string): StoredProfile | undefined {
    return this.accounts.get(uid);
  }

  /** All UIDs holding this email, oldest first. */
  uidsByEmail(email: string): string[] {
    return [...(this.byEmail.get(lower(email)) ?? [])];
  }

  uidByPhone(phone: string): string | undefined {
    return this.byPhone.get(phone);
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

  /** Back to the seed data; with a journal, the journal is rewritten to match. */
  reset(): void {
    this.apply({ t: "clear" });
    for (const record of this.seed()) this.apply({ t: "put", r: record });
    this.journal?.rewrite(this.snapshot());
  }

  private load(): void {
    const entries = this.journal?.load() ?? [];
    if (entries.length === 0) {
      this.reset();
      return;
    }
    for (const entry of entries) this.apply(entry);
    this.journal?.rewrite(this.snapshot());
  }

  private *snapshot(): Generator<JournalEntry> {
    yield { t: "clear" };
    for (const record of this.accounts.values()) yield { t: "put", r: record };
    for (const [token, uid] of this.refreshTokens) yield { t: "token", token, uid };
  }

  /** Journal first, memory second: an acknowledged write is always on disk. */
  private write(entry: JournalEntry): void {
    this.journal?.append(entry);
    this.apply(entry);
  }

  private apply(entry: JournalEntry): void {
    switch (entry.t) {
      case "clear":
        this.accounts.clear();
        this.byEmail.clear();
        this.byPhone.clear();
        this.byUserName.clear();
        this.refreshTokens.clear();
        return;
      case "put": {
        const record = entry.r as StoredProfile;
        this.unindex(record.Uid);
        this.accounts.set(record.Uid, record);
        this.index(record);
        return;
      }
      case "del":
        this.unindex(entry.uid);
        this.accounts.delete(entry.uid);
        for (const [token, uid] of this.refreshTokens)
          if (uid === entry.uid) this.refreshTokens.delete(token);
        return;
      case "token":
        this.refreshTokens.set(entry.token, entry.uid);
        return;
      case "revoke":
        this.refreshTokens.delete(entry.token);
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
    if (typeof record.PhoneId === "string") this.byPhone.set(record.PhoneId, record.Uid);
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
    if (typeof old.PhoneId === "string" && this.byPhone.get(old.PhoneId) === uid)
      this.byPhone.delete(old.PhoneId);
    if (typeof old.UserName === "string" && this.byUserName.get(lower(old.UserName)) === uid)
      this.byUserName.delete(lower(old.UserName));
  }
}
