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
