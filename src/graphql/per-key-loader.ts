import DataLoader from "dataloader";
import type { BatchSizes } from "./selective-loader.js";

/** What a failed key's slot holds: DataLoader treats only Error instances as failures. */
export const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error(String(error));

/**
 * A request's DataLoader over an upstream that has no batch read: one call per distinct key,
 * a failed key an Error in its own slot (the others still answer), batch sizes observed.
 */
export const perKeyLoader = <K, V>(
  name: string,
  fetch: (key: K) => Promise<V>,
  sizes?: BatchSizes,
): DataLoader<K, V> =>
  new DataLoader<K, V>((keys) => {
    sizes?.observe({ loader: name }, keys.length);
    return Promise.all(keys.map((key) => fetch(key).catch(asError)));
  });
