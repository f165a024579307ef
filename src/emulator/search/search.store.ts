import { randomBytes } from "node:crypto";
import type { StoredProfile } from "../accounts/index.js";
import type { SliceEntry, StoreSlice } from "../core/section.js";
import type { Predicate } from "./query.js";
import { instantOf } from "./text.js";

/** A search's paging state, kept here so the `next` cursor in URLs holds no query (no PII). */
export interface SearchCursor {
  matches: Predicate;
  size: number;
  /** The last UID served: the next page starts after it (results are in UID order). */
  after: string;
  fields: string | undefined;
  expiresAt: number;
}

/** Cursors kept at most (the oldest go first) and how long one lives: both UNCONFIRMED. */
export const MAX_CURSORS = 10_000;
export const CURSOR_TTL_MS = 15 * 60_000;

interface Pending {
  record: StoredProfile | null;
  since: number;
}

/**
 * The Cloud Directory's index of the accounts: it follows the accounts store `lagMs` behind, as
 * LoginRadius's search index lags its profile store. A change (put, delete) becomes searchable
 * `lagMs` after it was made (its `ModifiedDate`, else when the index first saw it); until then
 * the index serves what it had. Derived state: nothing is journaled, a reset starts it afresh
 * from the accounts as they are.
 */
export class SearchStore implements StoreSlice {
  private readonly shown = new Map<string, StoredProfile>();
  private readonly pending = new Map<string, Pending>();
  private readonly cursors = new Map<string, SearchCursor>();
  private synced = false;

  constructor(private readonly lagMs: number) {}

  /** What the index serves at `now`, in UID order. */
  view(accounts: Iterable<StoredProfile>, now: number): StoredProfile[] {
    if (this.synced) this.notice(accounts, now);
    else {
      for (const record of accounts) this.shown.set(record.Uid, record);
      this.synced = true;
    }
    for (const [uid, change] of this.pending) {
      if (now - change.since < this.lagMs) continue;
      if (change.record) this.shown.set(uid, change.record);
      else this.shown.delete(uid);
      this.pending.delete(uid);
    }
    return [...this.shown.values()].sort((a, b) => (a.Uid < b.Uid ? -1 : a.Uid > b.Uid ? 1 : 0));
  }

  /** Notes every change since the last look (records are replaced, never mutated, on a write). */
  private notice(accounts: Iterable<StoredProfile>, now: number): void {
    const live = new Set<string>();
    for (const record of accounts) {
      live.add(record.Uid);
      if (this.shown.get(record.Uid) === record) {
        this.pending.delete(record.Uid);
        continue;
      }
      const known = this.pending.get(record.Uid);
      if (known?.record === record) continue;
      const written = instantOf(record.ModifiedDate);
      const since = Number.isNaN(written) || written > now ? now : written;
      this.pending.set(record.Uid, { record, since });
    }
    for (const uid of this.shown.keys())
      if (!live.has(uid) && this.pending.get(uid)?.record !== null)
        this.pending.set(uid, { record: null, since: now });
    for (const uid of this.pending.keys())
      if (!live.has(uid) && !this.shown.has(uid)) this.pending.delete(uid);
  }

  /** Keeps a cursor; returns its opaque id. */
  keep(cursor: SearchCursor): string {
    if (this.cursors.size >= MAX_CURSORS) {
      const oldest = this.cursors.keys().next().value;
      if (oldest !== undefined) this.cursors.delete(oldest);
    }
    const id = randomBytes(18).toString("base64url");
    this.cursors.set(id, cursor);
    return id;
  }

  /**
   * A live cursor, or undefined (unknown or expired). Reusable until it expires: a client that
   * lost an answer asks again for the same page (UNCONFIRMED).
   */
  take(id: string, now: number): SearchCursor | undefined {
    const cursor = this.cursors.get(id);
    if (cursor && cursor.expiresAt <= now) this.cursors.delete(id);
    return cursor && cursor.expiresAt > now ? cursor : undefined;
  }

  clear(): void {
    this.shown.clear();
    this.pending.clear();
    this.cursors.clear();
    this.synced = false;
  }

  apply(_entry: SliceEntry): void {}

  seedEntries(): Iterable<SliceEntry> {
    return [];
  }

  snapshot(): Iterable<SliceEntry> {
    return [];
  }

  counts(): Record<string, number> {
    return {};
  }
}
