import type { z } from "zod";
import { describeError, type Logger } from "../log.js";
import type { CallInput, Endpoint, LoginRadiusHttp, RequestScope } from "../loginradius/http.js";
import type { Metrics } from "../metrics.js";
import { awaitOwn, createFlights } from "./flights.js";
import type { CacheInvalidator, CachePart, InvalidationSource } from "./invalidation.js";
import { LocalCache } from "./local-cache.js";
import { primedKeyOf, type ReadKey, readKeyOf, writeOwnerOf } from "./read-key.js";
import type { Sealer } from "./seal.js";
import { type SharedCache, type SharedValue, sharedValueFor } from "./shared-cache.js";

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

/**
 * A second guard behind the endpoint rows (only reads naming a cache part are cached, and their
 * schemas drop unknown keys): an answer holding a key that names a secret is never stored.
 */
const SECRET_KEY =
  /"(?:Password|PasswordHash|BackupCodes?|Codes|access_token|refresh_token|Token|Secret)"\s*:/;

/** With Redis failing, a local entry older than this is not served: peers' drops cannot reach us. */
const DEGRADED_MAX_AGE_MS = 1_000;

/** A cached answer (JSON) and when it was stored, or the Redis stamp a miss read under. */
type Lookup = { hit: { value: string; storedAt: number } } | { stamp: string | null };

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
export class ReadCache implements CacheInvalidator {
  private readonly local: LocalCache;
  private readonly flights = createFlights();
  private readonly writing = new Map<string, number>();
  private readonly now: () => number;
  private readonly caching: boolean;

  constructor(private readonly options: ReadCacheOptions) {
    this.now = options.now ?? Date.now;
    this.caching = options.ttlMs > 0 && options.maxBytes > 0;
    this.local = new LocalCache(options.maxBytes, this.now, () =>
      options.metrics?.cacheInvalidations.inc({ source: "ttl" }),
    );
  }

  /** The adapter with coalesced, cached reads and writes that drop what they change. */
  wrap(http: LoginRadiusHttp): LoginRadiusHttp {
    return {
      ...http,
      call: (endpoint, input, scope = {}) => {
        if (endpoint.method !== "GET") return this.write(http, endpoint, input, scope);
        const key = endpoint.retry ? readKeyOf(endpoint, input) : null;
        if (key === null) return http.call(endpoint, input, scope);
        return this.read(http, endpoint, input, scope, key);
      },
    };
  }

  async invalidate(
    owners: readonly string[],
    parts: readonly CachePart[],
    source: InvalidationSource,
  ): Promise<void> {
    this.dropHere(owners, parts, source);
    await this.options.shared?.drop(owners, parts);
  }

  /** Drops from a peer's message (already applied in Redis): this process only. */
  dropLocal(owners: readonly string[], parts: readonly CachePart[]): void {
    this.dropHere(owners, parts, "peer");
  }

  private dropHere(owners: readonly string[], parts: readonly CachePart[], source: string) {
    this.local.drop(owners, parts);
    this.flights.drop(owners);
    this.options.metrics?.cacheInvalidations.inc({ source }, Math.max(1, owners.length));
    this.options.metrics?.cacheBytes.set(this.local.bytes());
  }

  private async read<S extends z.ZodType>(
    http: LoginRadiusHttp,
    endpoint: Endpoint<S>,
    input: CallInput,
    scope: RequestScope,
    key: ReadKey,
  ): Promise<z.infer<S>> {
    const cacheable = this.caching && key.owner !== "?";
    const begun = this.local.begin();
    let stamp: string | null = null;
    if (cacheable) {
      const found = scope.fresh ? await this.freshStamp(key.owner) : await this.lookup(key);
      if ("hit" in found) {
        report(scope, true, this.now() - found.hit.storedAt);
        return JSON.parse(found.hit.value) as z.infer<S>;
      }
      stamp = found.stamp;
      // A flight may have answered (and left) while this read asked Redis: its entry is here now.
      const landed = scope.fresh ? null : this.local.get(key);
      if (landed && (!this.options.shared || landed.stamp === stamp)) {
        this.options.metrics?.cacheReads.inc({ result: "local" });
        report(scope, true, this.now() - landed.storedAt);
        return JSON.parse(landed.value) as z.infer<S>;
      }
      this.options.metrics?.cacheReads.inc({ result: scope.fresh ? "fresh" : "miss" });
      report(scope, false);
    }
    const name = `${endpoint.method} ${endpoint.path}`;
    const joined = this.options.coalesce && !scope.fresh ? this.flights.find(key) : null;
    if (joined) {
      this.options.metrics?.coalesced.inc();
      return JSON.parse((await awaitOwn(joined.answer, name, scope.signal)).text) as z.infer<S>;
    }
    const flight = this.flights.start(key, () =>
      this.callShared(http, endpoint, input, scope, async (text) => {
        if (cacheable) await this.keep(key, text, begun, stamp);
      }),
    );
    return (await awaitOwn(flight.answer, name, scope.signal)).value as z.infer<S>;
  }

  /** The one upstream call of a flight, with its own deadline: no caller's ends it for others. */
  private async callShared(
    http: LoginRadiusHttp,
    endpoint: Endpoint,
    input: CallInput,
    scope: RequestScope,
    keep: (text: string) => Promise<void>,
  ): Promise<{ value: unknown; text: string }> {
    const own = http.scope({
      ...(scope.requestId ? { requestId: scope.requestId } : {}),
      ...(scope.stats ? { stats: scope.stats } : {}),
      ...(scope.trace ? { trace: scope.trace } : {}),
    });
    try {
      const value = await http.call(endpoint, input, own);
      const text = JSON.stringify(value);
      await keep(text);
      return { value, text };
    } finally {
      own.end();
    }
  }

  private async freshStamp(owner: string): Promise<Lookup> {
    return { stamp: (await this.options.shared?.read(owner))?.stamp ?? null };
  }

  /** This process's entry when Redis agrees it is current, else Redis's, else a miss. */
  private async lookup(key: ReadKey): Promise<Lookup> {
    const { shared, sealer, metrics } = this.options;
    const mine = this.local.get(key);
    const localHit = (): Lookup => {
      metrics?.cacheReads.inc({ result: "local" });
      return { hit: mine as NonNullable<typeof mine> };
    };
    if (!shared || !sealer) return mine ? localHit() : { stamp: null };
    const found = await shared.read(key.owner);
    if (found === null)
      return mine && mine.storedAt + DEGRADED_MAX_AGE_MS > this.now()
        ? localHit()
        : { stamp: null };
    if (mine && mine.stamp === found.stamp) return localHit();
    const theirs = sharedValueFor(shared, sealer, key, found.entries, this.now());
    if (!theirs) return { stamp: found.stamp };
    metrics?.cacheReads.inc({ result: "shared" });
    this.storeLocal(key, theirs, found.stamp, this.local.begin());
    return { hit: { value: theirs.text, storedAt: theirs.storedAt } };
  }

  private storeLocal(key: ReadKey, value: SharedValue, stamp: string | null, begun: number) {
    const fields = value.fields === "" ? null : new Set(value.fields.split(","));
    this.local.store(
      {
        key: { ...key, fieldsText: value.fields, fields },
        value: value.text,
        storedAt: value.storedAt,
        expiresAt: value.expiresAt,
        stamp,
      },
      begun,
    );
    this.options.metrics?.cacheBytes.set(this.local.bytes());
  }

  private async keep(key: ReadKey, text: string, begun: number, stamp: string | null) {
    if (SECRET_KEY.test(text)) return;
    const storedAt = this.now();
    const value: SharedValue = {
      fields: key.fieldsText,
      storedAt,
      expiresAt: storedAt + this.options.ttlMs,
      text,
    };
    this.storeLocal(key, value, stamp, begun);
    const { shared, sealer } = this.options;
    if (!shared || !sealer || stamp === null) return;
    const field = shared.fieldOf(key.base, key.fieldsText);
    await shared.store(key.owner, stamp, field, sealer.seal(JSON.stringify(value), field));
  }

  private async write<S extends z.ZodType>(
    http: LoginRadiusHttp,
    endpoint: Endpoint<S>,
    input: CallInput,
    scope: RequestScope,
  ): Promise<z.infer<S>> {
    const owner = writeOwnerOf(input);
    // Dropped after the call settles, failed or not (a failure may have acted), before answering.
    const drop = () =>
      this.invalidate(owner === null ? [] : [owner], ["all"], "write").catch((error: unknown) =>
        this.options.logger.warn(describeError(error), "cache drop after a write failed"),
      );
    if (owner !== null) this.writing.set(owner, (this.writing.get(owner) ?? 0) + 1);
    try {
      const value = await http.call(endpoint, input, scope);
      await drop();
      // Two writes of one account at once: which answer is newer is unknown, so neither primes.
      if (owner !== null && this.writing.get(owner) === 1)
        await this.primeAfterWrite(endpoint, input, owner, value);
      return value;
    } catch (error) {
      await drop();
      throw error;
    } finally {
      if (owner !== null) {
        const left = (this.writing.get(owner) ?? 1) - 1;
        if (left === 0) this.writing.delete(owner);
        else this.writing.set(owner, left);
      }
    }
  }

  /** A write that answers with what a cached read holds stores it, so the next read hits. */
  private async primeAfterWrite(
    endpoint: Endpoint,
    input: CallInput,
    owner: string,
    value: unknown,
  ) {
    const key = this.caching ? primedKeyOf(endpoint, input) : null;
    if (key === null || key.owner !== owner) return;
    const begun = this.local.begin();
    const { shared } = this.options;
    const stamp = shared ? ((await shared.read(owner))?.stamp ?? null) : null;
    if (shared && stamp === null) return;
    await this.keep(key, JSON.stringify(value), begun, stamp);
  }
}

export const createReadCache = (options: ReadCacheOptions): ReadCache => new ReadCache(options);
