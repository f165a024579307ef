import type { WireProfile } from "../accounts/index.js";
import type { BulkReads, ProfileChanges } from "../graphql/section.js";
import { uidsQuery } from "./filter.query.js";
import { type SearchClient, searchWindow } from "./search.client.js";

/** UIDs per search: one page holds at most 1,000 profiles (documented `size` cap). */
export const UIDS_PER_SEARCH = 1000;

interface Waiting {
  uid: string;
  fields: string;
  single: () => Promise<WireProfile>;
  resolve: (profile: WireProfile) => void;
  reject: (error: unknown) => void;
}

const union = (list: readonly Waiting[]): string => {
  const keys = new Set<string>(["Uid"]);
  for (const w of list) for (const key of w.fields.split(",")) if (key) keys.add(key);
  return [...keys].sort().join(",");
};

const settle = (w: Waiting, read: Promise<WireProfile>) => read.then(w.resolve, w.reject);

/**
 * Reads of one UID each, gathered per tick (the Accounts UID loader asks for a batch's UIDs in one
 * synchronous run): from `batchMin` distinct UIDs on, one search per 1,000 UIDs (an OR of `UID =`
 * rules) answers them, on the search quota instead of one core call each. A UID the search did
 * not return, and one written within the index lag (`profiles.isRecent`), is read with its own
 * profile call; so is the whole chunk when the search fails. Below the threshold, or with it 0,
 * every read is its own call, as before.
 */
export const createBulkUidReads = (
  client: SearchClient,
  profiles: ProfileChanges | undefined,
): BulkReads<WireProfile> => {
  let waiting: Waiting[] = [];
  const searchChunk = async (chunk: Waiting[]) => {
    const found = new Map<string, WireProfile>();
    try {
      const { from, to } = searchWindow();
      const uids = chunk.map((w) => w.uid);
      const page = await client.search(
        { from, to, q: uidsQuery(uids), size: uids.length },
        union(chunk),
      );
      for (const profile of page.data) found.set(profile.Uid, profile);
    } catch {
      // The search quota is a shortcut, not the source: its failure costs profile calls only.
    }
    for (const w of chunk) {
      const profile = found.get(w.uid);
      if (profile) w.resolve(profile);
      else settle(w, w.single());
    }
  };
  const flush = () => {
    const batch = waiting;
    waiting = [];
    if (batch.length < min) {
      for (const w of batch) settle(w, w.single());
      return;
    }
    const viaSearch: Waiting[] = [];
    for (const w of batch) {
      if (profiles?.isRecent(w.uid)) settle(w, w.single());
      else viaSearch.push(w);
    }
    for (let i = 0; i < viaSearch.length; i += UIDS_PER_SEARCH)
      void searchChunk(viaSearch.slice(i, i + UIDS_PER_SEARCH));
  };
  const min = client.batchViaSearchMin;
  // Not a positive number (0, or a client without a search upstream): never search.
  const off = !(typeof min === "number" && min > 0);
  return {
    read: (uid, fields, single) =>
      off
        ? single()
        : new Promise<WireProfile>((resolve, reject) => {
            if (waiting.length === 0) queueMicrotask(flush);
            waiting.push({ uid, fields, single, resolve, reject });
          }),
  };
};
