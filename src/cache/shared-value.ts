import type { CachePart } from "./invalidation.js";
import { covers, type ReadKey } from "./read-key.js";
import type { Sealer } from "./seal.js";
import type { SharedCache } from "./shared-cache.js";

/** What a sealed shared entry holds: its field set, its times and the answer (JSON). */
export interface SharedValue {
  fields: string;
  storedAt: number;
  /** When the call it holds began (absent in entries stored before it was kept: 0, the oldest). */
  readAt?: number;
  /** Its cache part (absent in older entries: never primed by an event). */
  part?: CachePart;
  expiresAt: number;
  text: string;
}

/** Every unexpired entry of the account, opened, by field name (for an event to carry or prime). */
export const openValues = (
  sealer: Sealer,
  found: Map<string, Buffer>,
  now: number,
): Map<string, SharedValue> => {
  const open = new Map<string, SharedValue>();
  for (const [field, sealed] of found) {
    const text = sealer.open(sealed, field);
    if (text === null) continue;
    const value = JSON.parse(text) as SharedValue;
    if (value.expiresAt > now) open.set(field, value);
  }
  return open;
};

/** The account's shared entry for this read, opened, unexpired and holding its fields; or null. */
export const sharedValueFor = (
  shared: SharedCache,
  sealer: Sealer,
  key: ReadKey,
  found: Map<string, Buffer>,
  now: number,
): SharedValue | null => {
  const prefix = `${shared.fieldOf(key.base, "").split(":")[0]}:`;
  for (const [field, sealed] of found) {
    if (!field.startsWith(prefix)) continue;
    const text = sealer.open(sealed, field);
    if (text === null) continue;
    const value = JSON.parse(text) as SharedValue;
    const held = value.fields === "" ? null : new Set(value.fields.split(","));
    if (covers(held, key.fields) && value.expiresAt > now) return value;
  }
  return null;
};
