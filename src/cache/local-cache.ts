import type { CachePart } from "./invalidation.js";
import { covers, type ReadKey } from "./read-key.js";

/** One cached answer in this process. */
export interface LocalEntry {
  key: ReadKey;
  value: unknown;
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
export const createLocalCache = (maxBytes: number, now: () => number) => {
  const entries = new Map<string, LocalEntry>();
  const byOwner = new Map<string, Set<string>>();
  const drops = new Map<string, number>();
  let bytes = 0;
  let seq = 0;
  let floor = 0;
  const partDrops = new Map<CachePart, number>();

  const remove = (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    bytes -= entry.bytes;
    const ids = byOwner.get(entry.key.owner);
    ids?.delete(id);
    if (ids?.size === 0) byOwner.delete(entry.key.owner);
  };
  const noteDrop = (owner: string) => {
    if (drops.size >= MAX_DROPS) {
      drops.clear();
      floor = seq;
    }
    drops.set(owner, seq);
  };

  return {
    /** A mark to hand back to `store`: reads begun before a later drop may not store. */
    begin: () => seq,
    get(key: ReadKey): LocalEntry | null {
      for (const id of byOwner.get(key.owner) ?? []) {
        const entry = entries.get(id);
        if (!entry || entry.key.base !== key.base || !covers(entry.key.fields, key.fields))
          continue;
        if (entry.expiresAt <= now()) {
          remove(id);
          continue;
        }
        entries.delete(id);
        entries.set(id, entry);
        return entry;
      }
      return null;
    },
    /** Stores unless a drop of its account (or part) came after `begun`; false if refused. */
    store(entry: Omit<LocalEntry, "bytes">, text: string, begun: number): boolean {
      const { owner, part } = entry.key;
      if (begun < floor || (drops.get(owner) ?? -1) >= begun) return false;
      if ((partDrops.get(part) ?? -1) >= begun || (partDrops.get("all") ?? -1) >= begun)
        return false;
      const size = text.length * 2 + 256;
      if (size > maxBytes) return false;
      const id = `${entry.key.base}#${entry.key.fieldsText}`;
      remove(id);
      entries.set(id, { ...entry, bytes: size });
      bytes += size;
      const ids = byOwner.get(owner) ?? new Set<string>();
      byOwner.set(owner, ids);
      ids.add(id);
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
      return true;
    },
    /** Drops the accounts' entries of these parts; no accounts: every entry of the parts. */
    drop(owners: readonly string[], parts: readonly CachePart[]): number {
      seq++;
      const all = parts.includes("all");
      const wanted = (entry: LocalEntry | undefined) =>
        entry !== undefined && (all || parts.includes(entry.key.part));
      let dropped = 0;
      if (owners.length === 0) {
        for (const part of parts) partDrops.set(part, seq);
        for (const [id, entry] of entries)
          if (wanted(entry)) {
            remove(id);
            dropped++;
          }
        return dropped;
      }
      for (const owner of owners) {
        noteDrop(owner);
        for (const id of [...(byOwner.get(owner) ?? [])])
          if (wanted(entries.get(id))) {
            remove(id);
            dropped++;
          }
      }
      return dropped;
    },
    bytes: () => bytes,
    size: () => entries.size,
  };
};

export type LocalCache = ReturnType<typeof createLocalCache>;
