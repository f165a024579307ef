import type { z } from "zod";
import { describeError, type Logger } from "../log.js";
import type { CallInput, Endpoint, LoginRadiusHttp, RequestScope } from "../loginradius/http.js";
import type { Metrics } from "../metrics.js";
import { awaitOwn, createFlights } from "./flights.js";
import type { CacheInvalidator, CachePart, InvalidationSource } from "./invalidation.js";
import { createLocalCache, type LocalEntry } from "./local-cache.js";
import { covers, type ReadKey, readKeyOf, writeOwnerOf } from "./read-key.js";
import type { Sealer } from "./seal.js";
import type { SharedCache } from "./shared-cache.js";

export interface ReadCacheOptions {
  /** 0: nothing is cached (reads are still coalesced when `coalesce`). */
  ttlMs: number;
  maxBytes: number;
  coalesce: boolean;
  /** With Redis: replicas share entries and drops. */
  shared: SharedCache | null;
  sealer: Sealer | null;
  metrics?: Metrics;
  logger: Logger;
  now?: () => number;
}

/** With Redis failing, a local entry older than this is not served: peers' drops cannot reach us. */
const DEGRADED_MAX_AGE_MS = 1_000;

/** What a sealed shared entry holds besides the answer. */
interface SharedValue {
  fields: string;
  storedAt: number;
  expiresAt: number;
  text: string;
}

export interface ReadCache extends CacheInvalidator {
  /** The adapter with coalesced, cached reads and writes that drop what they change. */
  wrap(http: LoginRadiusHttp): LoginRadiusHttp;
  /** Drops from a peer's message (already applied in Redis): this process only. */
  dropLocal(owners: readonly string[], parts: readonly CachePart[]): void;
}

const report = (scope: RequestScope, hit: boolean, ageMs = 0) => {
  const stats = scope.stats;
  if (!stats) return;
  if (hit) {
    stats.cacheHits = (stats.cacheHits ?? 0) + 1;
    stats.cacheAgeMs = Math.max(stats.cacheAgeMs ?? 0, ageMs);
  } else stats.cacheMisses = (stats.cacheMisses ?? 0) + 1;
};

/**
 * The read cache under the sections, over the LoginRadius adapter: identical reads in flight
 * share one call; reads of endpoints that name a cache part are served from this process's cache
 * or Redis when fresh; every write drops its account's entries (here, in Redis, on every replica)
 * before it answers. See docs/running-replicas.md for the guarantees.
 */
export const createReadCache = (options: ReadCacheOptions): ReadCache => {
  const now = options.now ?? Date.now;
  const local = createLocalCache(options.maxBytes, now);
  const flights = createFlights();
  const { shared, sealer, metrics } = options;
  const caching = options.ttlMs > 0 && options.maxBytes > 0;

  const parse = (text: string): unknown => JSON.parse(text);
  const fromShared = (key: ReadKey, found: Map<string, Buffer>): SharedValue | null => {
    if (!shared || !sealer) return null;
    const prefix = `${shared.fieldOf(key.base, "").split(":")[0]}:`;
    for (const [field, sealed] of found) {
      if (!field.startsWith(prefix)) continue;
      const text = sealer.open(sealed, field);
      if (text === null) continue;
      const value = JSON.parse(text) as SharedValue;
      const held = value.fields === "" ? null : new Set(value.fields.split(","));
      if (covers(held, key.fields) && value.expiresAt > now()) return value;
    }
    return null;
  };

  /** A cached answer, or the stamp (Redis versions) the miss read under. */
  const lookup = async (
    key: ReadKey,
  ): Promise<{ hit: LocalEntry | SharedValue } | { stamp: string | null }> => {
    const mine = local.get(key);
    if (!shared) return mine ? { hit: mine } : { stamp: null };
    const found = await shared.read(key.owner);
    if (found === null)
      return mine && mine.storedAt + DEGRADED_MAX_AGE_MS > now() ? { hit: mine } : { stamp: null };
    if (mine && mine.stamp === found.stamp) return { hit: mine };
    const theirs = fromShared(key, found.entries);
    if (!theirs) return { stamp: found.stamp };
    const entryKey = {
      ...key,
      fieldsText: theirs.fields,
      fields: theirs.fields === "" ? null : new Set(theirs.fields.split(",")),
    };
    local.store(
      {
        key: entryKey,
        value: theirs.text,
        storedAt: theirs.storedAt,
        expiresAt: theirs.expiresAt,
        stamp: found.stamp,
      },
      theirs.text,
      local.begin(),
    );
    return { hit: theirs };
  };

  const keep = async (key: ReadKey, text: string, begun: number, stamp: string | null) => {
    const storedAt = now();
    const expiresAt = storedAt + options.ttlMs;
    local.store({ key, value: text, storedAt, expiresAt, stamp }, text, begun);
    metrics?.cacheBytes.set(local.bytes());
    if (!shared || !sealer || stamp === null) return;
    const field = shared.fieldOf(key.base, key.fieldsText);
    const value: SharedValue = { fields: key.fieldsText, storedAt, expiresAt, text };
    await shared.store(key.owner, stamp, field, sealer.seal(JSON.stringify(value), field));
  };

  const invalidate = async (
    owners: readonly string[],
    parts: readonly CachePart[],
    source: InvalidationSource,
  ) => {
    local.drop(owners, parts);
    flights.drop(owners);
    metrics?.cacheInvalidations.inc({ source }, Math.max(1, owners.length));
    metrics?.cacheBytes.set(local.bytes());
    await shared?.drop(owners, parts);
  };

  const read = async <S extends z.ZodType>(
    http: LoginRadiusHttp,
    endpoint: Endpoint<S>,
    input: CallInput,
    scope: RequestScope,
    key: ReadKey,
  ): Promise<z.infer<S>> => {
    const cacheable = caching && key.owner !== "?";
    const begun = local.begin();
    let stamp: string | null = null;
    if (cacheable && !scope.fresh) {
      const found = await lookup(key);
      if ("hit" in found) {
        const entry = found.hit;
        metrics?.cacheReads.inc({ result: "stamp" in entry ? "local" : "shared" });
        report(scope, true, now() - entry.storedAt);
        return parse("stamp" in entry ? (entry.value as string) : entry.text) as z.infer<S>;
      }
      stamp = found.stamp;
    } else if (cacheable) stamp = (await shared?.read(key.owner))?.stamp ?? null;
    if (cacheable) {
      metrics?.cacheReads.inc({ result: scope.fresh ? "fresh" : "miss" });
      report(scope, false);
    }
    const name = `${endpoint.method} ${endpoint.path}`;
    const joined = options.coalesce && !scope.fresh ? flights.find(key) : null;
    if (joined) {
      metrics?.coalesced.inc();
      return parse((await awaitOwn(joined.answer, name, scope.signal)).text) as z.infer<S>;
    }
    const flight = flights.start(key, async () => {
      // The shared call has its own deadline: neither this caller's nor a joiner's ends it.
      const own = http.scope({
        ...(scope.requestId ? { requestId: scope.requestId } : {}),
        ...(scope.stats ? { stats: scope.stats } : {}),
        ...(scope.trace ? { trace: scope.trace } : {}),
      });
      try {
        const value = await http.call(endpoint, input, own);
        const text = JSON.stringify(value);
        if (cacheable) await keep(key, text, begun, stamp);
        return { value, text };
      } finally {
        own.end();
      }
    });
    return (await awaitOwn(flight.answer, name, scope.signal)).value as z.infer<S>;
  };

  const write = async <S extends z.ZodType>(
    http: LoginRadiusHttp,
    endpoint: Endpoint<S>,
    input: CallInput,
    scope: RequestScope,
  ): Promise<z.infer<S>> => {
    const owner = writeOwnerOf(input);
    // Dropped after the call settles, failed or not (a failure may have acted), before answering.
    const drop = () =>
      invalidate(owner === null ? [] : [owner], ["all"], "write").catch((error: unknown) =>
        options.logger.warn(describeError(error), "cache drop after a write failed"),
      );
    try {
      const value = await http.call(endpoint, input, scope);
      await drop();
      return value;
    } catch (error) {
      await drop();
      throw error;
    }
  };

  return {
    wrap: (http) => ({
      ...http,
      call: (endpoint, input, scope = {}) => {
        if (endpoint.method !== "GET") return write(http, endpoint, input, scope);
        const key = endpoint.retry ? readKeyOf(endpoint, input) : null;
        if (key === null) return http.call(endpoint, input, scope);
        return read(http, endpoint, input, scope, key);
      },
    }),
    invalidate,
    dropLocal(owners, parts) {
      local.drop(owners, parts);
      flights.drop(owners);
      metrics?.cacheInvalidations.inc({ source: "peer" }, Math.max(1, owners.length));
    },
  };
};
