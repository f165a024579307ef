import type { SliceEntry, SliceWriter, StoreSlice } from "../core/section.js";

/**
 * One custom-object record as stored: the documented record keys (`IsDeleted` is always false on
 * a live record, so it is not stored), the object it belongs to, and the internal `ID` of the
 * account it was written for (null for seeded ones), so a new account reusing a deleted account's
 * UID does not inherit its records.
 */
export interface StoredRecord {
  Id: string;
  Uid: string;
  ObjectName: string;
  owner: string | null;
  IsActive: boolean;
  DateCreated: string;
  DateModified: string;
  CustomObject: Record<string, unknown>;
}

/** The custom-object slice's journal entries. */
export type CustomObjectEntry = { t: "put"; r: StoredRecord } | { t: "del"; id: string };

const ownerKey = (uid: string, objectName: string): string => `${uid}\n${objectName}`;

/**
 * Every account's custom-object records, by record Id and by (UID, object name), so a list reads
 * only that account's records of that object, in creation order.
 */
export class CustomObjectStore implements StoreSlice<CustomObjectEntry> {
  private readonly records = new Map<string, StoredRecord>();
  private readonly byOwner = new Map<string, Set<string>>();

  constructor(
    private readonly seed: () => StoredRecord[],
    private readonly write: SliceWriter<CustomObjectEntry>,
  ) {}

  get(id: string): StoredRecord | undefined {
    return this.records.get(id);
  }

  list(uid: string, objectName: string): StoredRecord[] {
    const ids = this.byOwner.get(ownerKey(uid, objectName)) ?? [];
    return [...ids].map((id) => this.records.get(id) as StoredRecord);
  }

  put(record: StoredRecord): void {
    this.write({ t: "put", r: record });
  }

  delete(id: string): void {
    this.write({ t: "del", id });
  }

  counts(): Record<string, number> {
    return { customObjectRecords: this.records.size };
  }

  *seedEntries(): Generator<CustomObjectEntry> {
    for (const r of this.seed()) yield { t: "put", r };
  }

  *snapshot(): Generator<CustomObjectEntry> {
    for (const r of this.records.values()) yield { t: "put", r };
  }

  clear(): void {
    this.records.clear();
    this.byOwner.clear();
  }

  apply(entry: SliceEntry): void {
    const e = entry as CustomObjectEntry;
    if (e.t === "put") {
      this.records.set(e.r.Id, e.r);
      const key = ownerKey(e.r.Uid, e.r.ObjectName);
      let ids = this.byOwner.get(key);
      if (!ids) {
        ids = new Set();
        this.byOwner.set(key, ids);
      }
      ids.add(e.r.Id);
    } else if (e.t === "del") {
      const old = this.records.get(e.id);
      if (!old) return;
      this.records.delete(e.id);
      const key = ownerKey(old.Uid, old.ObjectName);
      this.byOwner.get(key)?.delete(e.id);
      if (this.byOwner.get(key)?.size === 0) this.byOwner.delete(key);
    }
  }
}
