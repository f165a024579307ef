import { createHmac, randomUUID } from "node:crypto";
import { once } from "node:events";
import type { Redis } from "ioredis";
import type { CachePart } from "./invalidation.js";
import type { Sealer } from "./seal.js";

/**
 * Redis layout, per site (`<prefix>cache:<site>:`), account UIDs only as keyed hashes:
 *   gen           site generation; bumped by a drop naming no account ("all")
 *   v:<owner>     the account's version; bumped by each drop of it
 *   e:<gen>:<owner>:<v>   hash of the account's entries, field per read, value sealed
 * A drop bumps a version, so entries stored under the old one are never read again and expire;
 * a store is refused (atomically) when the versions changed since the read began.
 */
const READ = `
local g = redis.call('GET', KEYS[1]) or '0'
local v = redis.call('GET', KEYS[2]) or '0'
return { g, v, redis.call('HGETALL', ARGV[1] .. g .. ':' .. ARGV[2] .. ':' .. v) }
`;
const STORE = `
local g = redis.call('GET', KEYS[1]) or '0'
local v = redis.call('GET', KEYS[2]) or '0'
if g .. ':' .. v ~= ARGV[3] then return 0 end
local k = ARGV[1] .. g .. ':' .. ARGV[2] .. ':' .. v
redis.call('HSET', k, ARGV[4], ARGV[5])
redis.call('PEXPIRE', k, ARGV[6])
return 1
`;
const DROP = `
if #KEYS == 1 then return redis.call('INCR', KEYS[1]) end
for i = 2, #KEYS do
  redis.call('INCR', KEYS[i])
  redis.call('PEXPIRE', KEYS[i], ARGV[1])
end
return 1
`;

interface Commands {
  cacheReadBuffer(gen: string, ver: string, prefix: string, owner: string): Promise<unknown>;
  cacheStore(...args: (string | Buffer | number)[]): Promise<number>;
  cacheDrop(count: number, ...args: (string | number)[]): Promise<number>;
}
type Client = Redis & Commands;

/** What a shared read found: the versions it read under, and the account's sealed entries. */
export interface SharedRead {
  stamp: string;
  entries: Map<string, Buffer>;
}

/** A message between replicas: a drop, or a LoginRadius 429 everyone must wait out. */
export type PeerMessage =
  | { kind: "drop"; owners: string[]; parts: CachePart[] }
  | { kind: "backoff"; until: number };

export interface SharedCacheOptions {
  url: string;
  /** Prefix of every key (REDIS_KEY_PREFIX) plus the site's hash. */
  prefix: string;
  sealer: Sealer;
  /** Keys account UIDs in Redis (so no UID is stored in clear) and names entries. */
  nameKey: Buffer;
  ttlMs: number;
  /** Longest wait for Redis per command; past it the command counts as failed (a miss). */
  timeoutMs?: number;
  onMessage(message: PeerMessage): void;
  /** Redis failed or came back: the caller logs once and counts. */
  onHealth(up: boolean, error?: unknown): void;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

/** Connects both clients (commands, subscriber) on first use; nothing at construction. */
const connector = (options: SharedCacheOptions, channel: string, self: string) => {
  let clients: Promise<{ cmd: Client; sub: Redis }> | undefined;
  const get = () => {
    clients ??= import("ioredis").then(({ Redis }) => {
      const settings = {
        connectTimeout: 1000,
        commandTimeout: options.timeoutMs ?? 250,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        retryStrategy: (attempt: number) => Math.min(attempt * 200, 1000),
      };
      const cmd = new Redis(options.url, settings) as Client;
      const sub = new Redis(options.url, { ...settings, enableOfflineQueue: true });
      cmd.on("error", () => {});
      sub.on("error", () => {});
      cmd.defineCommand("cacheRead", { numberOfKeys: 2, lua: READ });
      cmd.defineCommand("cacheStore", { numberOfKeys: 2, lua: STORE });
      cmd.defineCommand("cacheDrop", { lua: DROP });
      sub.on("messageBuffer", (_channel: Buffer, body: Buffer) => {
        const text = options.sealer.open(body, channel);
        if (text === null) return;
        const { from, message } = JSON.parse(text) as { from: string; message: PeerMessage };
        if (from !== self) options.onMessage(message);
      });
      void sub.subscribe(channel).catch(() => {});
      return { cmd, sub };
    });
    return clients;
  };
  const close = async () => {
    if (!clients) return;
    const { cmd, sub } = await clients;
    cmd.disconnect();
    sub.disconnect();
  };
  return { get, close };
};

export interface SharedCache {
  /** The account's versions and entries, or null when Redis failed (a miss, never an error). */
  read(owner: string): Promise<SharedRead | null>;
  store(owner: string, stamp: string, field: string, value: Buffer): Promise<void>;
  /** Bumps the accounts' versions (none: the site's generation) and tells the other replicas. */
  drop(owners: readonly string[], parts: readonly CachePart[]): Promise<void>;
  announce(message: PeerMessage): Promise<void>;
  /** The entry's field name in the account's hash (keyed, so reads are not guessable). */
  fieldOf(base: string, fieldsText: string): string;
  close(): Promise<void>;
}

/**
 * The replicas' shared cache in Redis. Every failure (down, slow, refused) is reported through
 * `onHealth` and answered as a miss or a no-op; a drop that failed leaves `pending` set, and the
 * first command that works again bumps the site's generation, since the failed drop may have
 * left stale entries behind.
 */
export const createSharedCache = (options: SharedCacheOptions): SharedCache => {
  const channel = `${options.prefix}events`;
  const self = randomUUID();
  const clients = connector(options, channel, self);
  const hmac = (text: string) =>
    createHmac("sha256", options.nameKey).update(text).digest("base64url").slice(0, 32);
  const gen = `${options.prefix}gen`;
  const ver = (owner: string) => `${options.prefix}v:${hmac(owner)}`;
  let up = true;
  let pending = false;
  const run = async <T>(work: (cmd: Client) => Promise<T>): Promise<T | null> => {
    try {
      const { cmd } = await clients.get();
      // The first connection is waited for (briefly); a lost one is not: calls go direct meanwhile.
      if (cmd.status === "connecting" || cmd.status === "connect")
        await withTimeout(once(cmd, "ready"), options.timeoutMs ?? 250);
      if (cmd.status !== "ready") throw new Error(`Redis connection is ${cmd.status}`);
      if (pending) {
        await withTimeout(cmd.cacheDrop(1, gen), options.timeoutMs ?? 250);
        pending = false;
      }
      const result = await withTimeout(work(cmd), options.timeoutMs ?? 250);
      if (!up) options.onHealth(true);
      up = true;
      return result;
    } catch (error) {
      if (up) options.onHealth(false, error);
      up = false;
      return null;
    }
  };
  const verTtl = options.ttlMs * 2 + 60_000;
  return {
    read: (owner) =>
      run(async (cmd) => {
        const [g, v, flat] = (await cmd.cacheReadBuffer(
          gen,
          ver(owner),
          `${options.prefix}e:`,
          hmac(owner),
        )) as [Buffer, Buffer, Buffer[]];
        const entries = new Map<string, Buffer>();
        for (let i = 0; i + 1 < flat.length; i += 2)
          entries.set((flat[i] as Buffer).toString(), flat[i + 1] as Buffer);
        return { stamp: `${g}:${v}`, entries };
      }),
    async store(owner, stamp, field, value) {
      await run((cmd) =>
        cmd.cacheStore(
          gen,
          ver(owner),
          `${options.prefix}e:`,
          hmac(owner),
          stamp,
          field,
          value,
          options.ttlMs,
        ),
      );
    },
    async drop(owners, parts) {
      const done = await run(async (cmd) => {
        await cmd.cacheDrop(1 + owners.length, gen, ...owners.map(ver), verTtl);
        const sealed = options.sealer.seal(
          JSON.stringify({ from: self, message: { kind: "drop", owners, parts } }),
          channel,
        );
        return cmd.publish(channel, sealed);
      });
      if (done === null) pending = true;
    },
    async announce(message) {
      await run((cmd) =>
        cmd.publish(channel, options.sealer.seal(JSON.stringify({ from: self, message }), channel)),
      );
    },
    fieldOf: (base, fieldsText) => `${hmac(base)}:${hmac(fieldsText)}`,
    close: clients.close,
  };
};
