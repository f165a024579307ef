import type { WriteRecord } from "../graphql/section.js";

/**
 * Which accounts were written recently: within the search index's lag, such an account is read
 * with a profile call, never from search (its indexed copy may predate the write). One process
 * keeps this in memory; a fleet shares it (issue 20: a Redis-backed implementation of the same
 * interface, given to createAppServer as `recentWrites`).
 */
export type RecentWrites = WriteRecord;

/**
 * In memory, bounded: at most `maxEntries` UIDs. Past that, rather than forget a write still
 * inside the window, every UID counts as recent until the window has passed (all reads become
 * profile calls for a while: slower, never stale).
 */
export const createRecentWrites = (
  windowMs: number,
  maxEntries = 100_000,
  now: () => number = Date.now,
): RecentWrites => {
  const written = new Map<string, number>();
  let overflowUntil = 0;
  const sweep = (at: number) => {
    for (const [uid, when] of written) {
      if (at - when < windowMs) break; // insertion order: the rest are newer
      written.delete(uid);
    }
  };
  return {
    wrote(uid) {
      const at = now();
      sweep(at);
      written.delete(uid);
      if (written.size >= maxEntries) {
        overflowUntil = at + windowMs;
        written.clear();
        return;
      }
      written.set(uid, at);
    },
    isRecent(uid) {
      const at = now();
      if (at < overflowUntil) return true;
      const when = written.get(uid);
      return when !== undefined && at - when < windowMs;
    },
  };
};

/** What the fleet (src/cache/fleet.ts) tells: accounts any replica dropped, in Redis and by message. */
export interface FleetDrops {
  recentAmong(uids: readonly string[]): Promise<Set<string> | null>;
  onPeerDrop(listener: (owners: readonly string[]) => void): void;
}

/**
 * A fleet's record: this process's (fed by its own writes and by the drops other replicas
 * announce) and, asked per search, Redis's sorted set of every replica's drops. Redis failing
 * answers with the local record alone; the shared cache's health log and
 * `account_graph_cache_redis_up` say so (a peer's write may then be missed until its message
 * arrives: docs/running-replicas.md).
 */
export const createFleetRecentWrites = (
  local: RecentWrites,
  fleet: FleetDrops | null,
): Required<RecentWrites> => {
  fleet?.onPeerDrop((owners) => {
    for (const owner of owners) local.wrote(owner);
  });
  return {
    wrote: (uid) => local.wrote(uid),
    isRecent: (uid) => local.isRecent(uid),
    async recentAmong(uids) {
      const found = (await fleet?.recentAmong(uids)) ?? new Set<string>();
      for (const uid of uids) if (local.isRecent(uid)) found.add(uid);
      return found;
    },
  };
};
