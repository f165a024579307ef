import { createHash } from "node:crypto";
import type { PersistedQueryOptions } from "@apollo/server";
import { InMemoryLRUCache, type InMemoryLRUCacheSetOptions } from "@apollo/utils.keyvaluecache";
import type { DocumentNode } from "graphql";
import { ErrorCodes } from "../../errors.js";
import type { DocumentCacheConfig } from "./limits.config.js";
import { queryBytesInJson } from "./query-bytes.js";
import {
  MAX_NESTING,
  type QueryTextRefusal,
  queryTextRefusal,
  queryTooLarge,
} from "./query-text.js";

export interface DocumentCaches {
  /** Apollo's `persistedQueries`: false (APQ off) or a cache bounded in bytes. */
  persistedQueries: PersistedQueryOptions | false;
  /**
   * Apollo's parsed-and-validated document cache, bounded by the heap its entries hold; a
   * document enters on its second sighting.
   */
  documentStore: SecondSightCache<DocumentNode>;
  /** The APQ cache itself (null when off), for the flood test and nothing else. */
  apqCache: InMemoryLRUCache<string> | null;
}

/** Heap bytes of a string: V8 keeps one byte per character unless one is outside Latin-1. */
export const stringHeapBytes = (text: string): number =>
  /[\u0100-\uffff]/.test(text) ? text.length * 2 : text.length;

/**
 * Heap an AST takes: measured at about 4.6 times its JSON (nodes, `loc` objects, the token list
 * they link) plus its whole source text, which every `loc` keeps (`loc.source.body`). The JSON
 * alone leaves the source out: 1 MB of padding was counted as a few hundred bytes.
 */
export const documentHeapBytes = (document: DocumentNode): number =>
  5 * JSON.stringify(document).length + stringHeapBytes(document.loc?.source.body ?? "");

/** First sightings remembered by the document cache's doorkeeper (about 600 KB of keys). */
export const DOORKEEPER_KEYS = 4096;

/**
 * An LRU that admits an entry on its second `set` within the last DOORKEEPER_KEYS first ones
 * (a doorkeeper, as in TinyLFU): the first only records the key. A flood of distinct documents,
 * hostile or generated and never sent twice, otherwise evicts every document that is reused,
 * and each evicted AST leaves its source in the old generation for the next major GC: 2,500
 * distinct 60 KB documents after a 1 MB flood grew Node 24 by up to 105 MB, with this 36-71.
 * A reused document is parsed twice before it is kept.
 */
export class SecondSightCache<V extends object> extends InMemoryLRUCache<V> {
  private readonly seen = new Set<string>();

  override async set(
    key: string,
    value: V,
    options?: InMemoryLRUCacheSetOptions<V>,
  ): Promise<void> {
    if (this.seen.delete(key)) return super.set(key, value, options);
    this.seen.add(key);
    if (this.seen.size > DOORKEEPER_KEYS)
      this.seen.delete(this.seen.values().next().value as string);
  }
}

/**
 * Both caches are LRU with a byte budget, so a flood of distinct operations (14,000 APQ
 * registrations grew the process to 1.2 GB; 505 distinct 1 MB documents ran it out of heap)
 * evicts old entries instead of growing the heap. Each entry is sized by the heap it holds:
 * the query text (and its hash key) for APQ, the AST and its source for documents.
 */
export const createDocumentCaches = (config: DocumentCacheConfig): DocumentCaches => {
  const apqCache = config.apq
    ? new InMemoryLRUCache<string>({
        maxSize: config.apqCacheBytes,
        sizeCalculation: (query: string, key: string) =>
          stringHeapBytes(query) + stringHeapBytes(key),
      })
    : null;
  return {
    persistedQueries: apqCache ? { cache: apqCache } : false,
    documentStore: new SecondSightCache<DocumentNode>({
      maxSize: config.documentCacheBytes,
      sizeCalculation: (document: DocumentNode, key: string) =>
        documentHeapBytes(document) + stringHeapBytes(key),
    }),
    apqCache,
  };
};

export interface Refusal {
  status: number;
  body: { errors: { message: string; extensions: { code: string } }[] };
}

const invalid = (message: string): Refusal => ({
  status: 400,
  body: { errors: [{ message, extensions: { code: ErrorCodes.PERSISTED_QUERY_INVALID } }] },
});

const SHA256_HEX = /^[0-9a-f]{64}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `extensions` and `query` of a POST body, or of a GET's query string. */
const requestParts = (method: string, body: unknown, search: URLSearchParams) => {
  if (method === "GET") {
    let extensions: unknown;
    try {
      extensions = JSON.parse(search.get("extensions") ?? "null");
    } catch {
      extensions = null; // Apollo answers malformed JSON itself
    }
    return { extensions, query: search.get("query") ?? undefined };
  }
  return isObject(body) ? { extensions: body.extensions, query: body.query } : {};
};

/**
 * A malformed automatic persisted query, refused before Apollo sees it: Apollo answers a bad
 * version or a hash mismatch with an error that has no code (so INTERNAL_SERVER_ERROR). With
 * APQ off, Apollo's own PERSISTED_QUERY_NOT_SUPPORTED stands; an unknown hash is Apollo's
 * PERSISTED_QUERY_NOT_FOUND.
 */
export const persistedQueryRefusal = (
  apq: boolean,
  method: string,
  body: unknown,
  search: URLSearchParams,
): Refusal | null => {
  // With APQ off (the default) Apollo itself answers PERSISTED_QUERY_NOT_SUPPORTED: no parsing here.
  if (!apq) return null;
  const { extensions, query } = requestParts(method, body, search);
  if (!isObject(extensions) || !extensions.persistedQuery) return null;
  const pq = extensions.persistedQuery;
  if (!isObject(pq) || pq.version !== 1)
    return invalid("extensions.persistedQuery must be { version: 1, sha256Hash }.");
  if (typeof pq.sha256Hash !== "string" || !SHA256_HEX.test(pq.sha256Hash))
    return invalid("extensions.persistedQuery.sha256Hash must be 64 lowercase hex digits.");
  if (
    typeof query === "string" &&
    createHash("sha256").update(query).digest("hex") !== pq.sha256Hash
  )
    return invalid("extensions.persistedQuery.sha256Hash is not the SHA-256 of the query.");
  return null;
};

/**
 * Every check made on a GraphQL request before Apollo parses anything: the query text's size and
 * bracket nesting (query-text.ts), then the persisted-query extension. The size comes first so a
 * 1 MB text is neither hashed nor parsed.
 */
const asRefusal = (refused: QueryTextRefusal): Refusal => ({
  status: refused.status,
  body: { errors: [{ message: refused.message, extensions: { code: refused.code } }] },
});

/**
 * The query-size check on a JSON body's bytes, before any of it becomes a string (see
 * query-bytes.ts); null when the body could not hold a query over the limit, or is left to
 * documentRefusal once parsed.
 */
export const oversizeQueryRefusal = (
  config: DocumentCacheConfig,
  body: Uint8Array,
): Refusal | null => {
  // The scan counts at most one byte per byte of the body (see query-bytes.ts).
  if (body.length <= config.maxQueryBytes) return null;
  const bytes = queryBytesInJson(body);
  return bytes !== null && bytes > config.maxQueryBytes
    ? asRefusal(queryTooLarge(bytes, config.maxQueryBytes))
    : null;
};

export const documentRefusal = (
  config: DocumentCacheConfig,
  method: string,
  body: unknown,
  search: URLSearchParams,
): Refusal | null => {
  const { query } = requestParts(method, body, search);
  if (typeof query === "string") {
    const refused = queryTextRefusal(query, {
      maxQueryBytes: config.maxQueryBytes,
      maxNesting: MAX_NESTING,
    });
    if (refused) return asRefusal(refused);
  }
  return persistedQueryRefusal(config.apq, method, body, search);
};
