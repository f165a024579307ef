import type { CachePart } from "./invalidation.js";
import { covers, type ReadKey } from "./read-key.js";

/** One cached answer in this process. */
export interface LocalEntry {
  key: ReadKey;
  /** The answer as JSON: parsed afresh for each hit, so no caller can change another's copy. */
  value: string;
  bytes: number;
  storedAt: number;
  expiresAt: number;
  /** The Redis versions it was read under (see shared-cache.ts); null: never checked with Redis. */
  stamp: string | null;
}

/** Owners whose last drop is remembered; past it, every read begun before is refused storage. */
const MAX_DROPS = 10_000;

/**
 * This process's cache, bounded in bytes (least recently used goes first), indexed by account so
 * a drop costs the account's entries only. Drops are sequenced: a read that began before a drop
 * of its account may not store what it read (it may predate the write), however late it answers.
 */
export class LocalCache {
  private readonly entries = new Map<string, LocalEntry>();
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly drops = new Map<string, number>();
  private readonly partDrops = new Map<CachePart, number>();
  private held = 0;
  private seq = 0;
  private floor = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number,
    /** Called for each entry found expired (counted as a TTL invalidation). */
    private readonly onExpired: () => void = () => {},
  ) {}

  /** A mark to hand back to `store`: reads begun before a later drop may not store. */
  begin(): number {
    return this.seq;
  }

  bytes(): number {
    return this.held;
  }

  get(key: ReadKey): LocalEntry | null {
    for (const id of this.byOwner.get(key.owner) ?? []) {
      const entry = this.entries.get(id);
      if (!entry || entry.key.base !== key.base || !covers(entry.key.fields, key.fields)) continue;
      if (entry.expiresAt <= this.now()) {
        this.remove(id);
        this.onExpired();
        continue;
      }
      this.entries.delete(id);
      this.entries.set(id, entry);
      return entry;
    }
    return null;
  }

  /** Stores unless a drop of its account (or part) came after `begun`; false if refused. */
  store(entry: Omit<LocalEntry, "bytes">, begun: number): boolean {
    const { owner, part } = entry.key;
    // A drop records the sequence after it; a read begun after it holds that number or more.
    if (begun < this.floor || (this.drops.get(owner) ?? -1) > begun) return false;
    if (Math.max(this.partDrops.get(part) ?? -1, this.partDrops.get("all") ?? -1) > begun)
      return false;
    const size = entry.value.length * 2 + 256;
    if (size > this.maxBytes) return false;
    const id = `${entry.key.base}#${entry.key.fieldsText}`;
    this.remove(id);
    this.entries.set(id, { ...entry, bytes: size });
    this.held += size;
    const ids = this.byOwner.get(owner) ?? new Set<string>();
    this.byOwner.set(owner, ids);
    ids.add(id);
    for (const oldest of this.entries.keys()) {
      if (this.held <= this.maxBytes) break;
      this.remove(oldest);
    }
    return true;
  }

  /** Drops the accounts' entries of these parts; no accounts: every entry of the parts. */
  drop(owners: readonly string[], parts: readonly CachePart[]): void {
    this.seq++;
    const all = parts.includes("all");
    const wanted = (id: string) => {
      const entry = this.entries.get(id);
      return entry !== undefined && (all || parts.includes(entry.key.part));
    };
    if (owners.length === 0) {
      for (const part of parts) this.partDrops.set(part, this.seq);
      for (const id of [...this.entries.keys()]) if (wanted(id)) this.remove(id);
      return;
    }
    for (const owner of owners) {
      if (this.drops.size >= MAX_DROPS) {
        this.drops.clear();
        this.floor = this.seq;
      }
      this.drops.set(owner, this.seq);
      for (const id of [...(this.byOwner.get(owner) ?? [])]) if (wanted(id)) this.remove(id);
    }
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.held -= entry.bytes;
    const ids = this.byOwner.get(entry.key.owner);
    ids?.delete(id);
    if (ids?.size === 0) this.byOwner.delete(entry.key.owner);
  }
}
