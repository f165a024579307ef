import DataLoader from "dataloader";
import { asError } from "./per-key-loader.js";
import type { KeySet } from "./selection.js";

/** Where batch sizes go (the `account_graph_loader_batch_size` histogram), by loader name. */
export interface BatchSizes {
  observe(labels: { loader: string }, size: number): void;
}

/**
 * A DataLoader whose values are fetched with a `fields` projection. Loads of one key within a
 * tick share one fetch that asks for the union of their keys; a later load that needs keys the
 * cached value lacks fetches again with the union. So aliases of one account with different
 * selections still cost one call, and a cached partial profile is never served as a full one.
 */
export class SelectiveLoader<V> {
  private readonly loader: DataLoader<string, V | null>;
  /** Keys waiting for the next batch: the union of what their loads asked for. */
  private readonly pending = new Map<string, Set<string>>();
  /** Keys fetched or in flight: what they were asked for. */
  private readonly fetched = new Map<string, KeySet>();
  /** Values that arrived, so a write can find every key that holds its account. */
  private readonly values = new Map<string, V>();

  constructor(
    fetch: (key: string, fields: KeySet) => Promise<V | null>,
    private readonly normalize: (key: string) => string = (key) => key,
    /** Told the size of every batch (for the batch size metric). */
    onBatch?: (size: number) => void,
  ) {
    this.loader = new DataLoader<string, V | null>(
      (keys) => {
        onBatch?.(keys.length);
        return Promise.all(
          keys.map((key) => {
            const fields = this.pending.get(key) ?? new Set<string>();
            this.pending.delete(key);
            this.fetched.set(key, fields);
            // One entry per key, in key order; a failed key gets its Error, the others their values.
            return fetch(key, fields).then((value) => {
              if (value !== null && this.fetched.get(key) === fields) this.values.set(key, value);
              return value;
            }, asError);
          }),
        );
      },
      { cacheKeyFn: normalize },
    );
  }

  load(rawKey: string, fields: KeySet): Promise<V | null> {
    const key = this.normalize(rawKey);
    const done = this.fetched.get(key);
    if (done) {
      if ([...fields].every((f) => done.has(f))) return this.loader.load(key);
      this.loader.clear(key);
      this.fetched.delete(key);
      this.pending.set(key, new Set([...done, ...fields]));
    } else {
      const waiting = this.pending.get(key) ?? new Set<string>();
      for (const f of fields) waiting.add(f);
      this.pending.set(key, waiting);
    }
    return this.loader.load(key);
  }

  /** Remembers a value learned elsewhere (another loader, a mutation's response). */
  prime(rawKey: string, value: V | null, fields: KeySet): void {
    const key = this.normalize(rawKey);
    if (this.pending.has(key)) return; // a fetch is queued; let it answer
    const done = this.fetched.get(key);
    if (done && ![...done].every((f) => fields.has(f))) return; // keep the fuller value
    this.loader.clear(key).prime(key, value);
    this.fetched.set(key, fields);
    if (value !== null) this.values.set(key, value);
  }

  clear(rawKey: string): void {
    const key = this.normalize(rawKey);
    this.loader.clear(key);
    this.fetched.delete(key);
    this.values.delete(key);
  }

  /** Forgets every key whose value matches (e.g. every key that led to one account). */
  clearWhere(matches: (value: V) => boolean): void {
    for (const [key, value] of this.values) if (matches(value)) this.clear(key);
  }
}
