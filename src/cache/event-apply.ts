import type { CachePart } from "./invalidation.js";
import type { LocalCache } from "./local-cache.js";
import { holdsSecret } from "./read-key.js";
import type { Sealer } from "./seal.js";
import type { SharedCache } from "./shared-cache.js";
import { openValues, type SharedValue } from "./shared-value.js";

/**
 * How much later than an event's `Time` (LoginRadius's clock) a read must have begun (ours) to
 * count as newer than the event. Covers clock skew between the two; an entry inside the margin
 * is primed from the event's profile when it can be, else dropped. docs/running-replicas.md.
 */
export const EVENT_CLOCK_MARGIN_MS = 250;

/** A change LoginRadius told us about: its time, the parts it touched, its profile if primeable. */
export interface AccountEvent {
  owner: string;
  parts: readonly CachePart[];
  timeMs: number;
  /** The profile in the event's `Data`, secrets already taken out; null: nothing to prime. */
  profile: Record<string, unknown> | null;
}

export interface EventCache {
  local: LocalCache;
  shared: SharedCache | null;
  sealer: Sealer | null;
  ttlMs: number;
  now(): number;
  /** This process's drop (and its metric); `bump` also drops in Redis and tells the replicas. */
  dropHere(owners: readonly string[], parts: readonly CachePart[]): void;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What an entry becomes after the event: its own text when the event does not touch it or it
 * was read after the event; the event's profile in the entry's shape when the profile holds
 * every key the entry holds; else null (dropped).
 */
export const fateOf = (
  value: { text: string; part?: CachePart | undefined; readAt?: number | undefined },
  event: AccountEvent,
): { text: string; primed: boolean } | null => {
  // An entry of unknown part (stored before entries named theirs) counts as touched.
  const touched =
    value.part === undefined || event.parts.includes("all") || event.parts.includes(value.part);
  if (!touched || (value.readAt ?? 0) >= event.timeMs + EVENT_CLOCK_MARGIN_MS)
    return { text: value.text, primed: false };
  if (event.profile === null || value.part !== "profile") return null;
  const cached: unknown = JSON.parse(value.text);
  if (!isObject(cached)) return null;
  const shaped: Record<string, unknown> = {};
  for (const key of Object.keys(cached)) {
    if (!(key in event.profile)) return null;
    shaped[key] = event.profile[key];
  }
  return { text: JSON.stringify(shaped), primed: true };
};

/** Redis holds the account's entries: bump its version, then store what survives under it. */
const applyShared = async (
  cache: EventCache,
  shared: SharedCache,
  sealer: Sealer,
  event: AccountEvent,
): Promise<void> => {
  const found = await shared.read(event.owner);
  const values = found ? openValues(sealer, found.entries, cache.now()) : new Map();
  cache.dropHere([event.owner], ["all"]);
  const stamp = await shared.drop([event.owner], ["all"]);
  if (stamp === null) return;
  for (const [field, value] of values as Map<string, SharedValue>) {
    const fate = fateOf(value, event);
    if (!fate || holdsSecret(fate.text)) continue;
    const now = cache.now();
    const kept: SharedValue = fate.primed
      ? {
          ...value,
          text: fate.text,
          readAt: event.timeMs,
          storedAt: now,
          expiresAt: now + cache.ttlMs,
        }
      : value;
    await shared.store(event.owner, stamp, field, sealer.seal(JSON.stringify(kept), field));
  }
};

/**
 * Applies a LoginRadius event to the account's entries without costing a read where none is
 * needed: entries read after the event are kept, entries the event's profile covers are primed
 * from it, the rest are dropped. Every read in flight from before is refused storage (the
 * account's version, here and in Redis, moves on), so nothing older than the event lands later.
 */
export const applyEvent = async (cache: EventCache, event: AccountEvent): Promise<void> => {
  const { shared, sealer } = cache;
  if (shared && sealer) return applyShared(cache, shared, sealer, event);
  const entries = cache.local.entriesOf(event.owner);
  cache.dropHere([event.owner], ["all"]);
  const begun = cache.local.begin();
  for (const entry of entries) {
    const fate = fateOf({ text: entry.value, part: entry.key.part, readAt: entry.readAt }, event);
    if (!fate || holdsSecret(fate.text)) continue;
    const now = cache.now();
    const { bytes: _bytes, ...rest } = entry;
    cache.local.store(
      fate.primed
        ? {
            ...rest,
            value: fate.text,
            readAt: event.timeMs,
            storedAt: now,
            expiresAt: now + cache.ttlMs,
          }
        : rest,
      begun,
    );
  }
};
