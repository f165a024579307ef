import { createHmac, randomUUID } from "node:crypto";
import { once } from "node:events";
import type { Redis } from "ioredis";
import { withTimeout } from "../with-timeout.js";
import type { CachePart } from "./invalidation.js";
import type { Sealer } from "./seal.js";
import { DROP, READ, RECENT, STORE } from "./shared-scripts.js";

interface Commands {
  cacheReadBuffer(gen: string, ver: string, prefix: string, owner: string): Promise<unknown>;
  cacheStore(...args: (string | Buffer | number)[]): Promise<number>;
  cacheDrop(count: number, ...args: (string | number)[]): Promise<number | string>;
  cacheRecent(key: string, windowMs: number, ...owners: string[]): Promise<number[]>;
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
  /**
   * How long a dropped account counts as recently written (the search index's lag): drops record
   * it in a sorted set per site, so any replica's bulk read keeps it off search. 0: not recorded.
   */
  recentWindowMs?: number;
  /** Longest wait for Redis per command; past it the command counts as failed (a miss). */
  timeoutMs?: number;
  onMessage(message: PeerMessage): void;
  /** Redis failed or came back: the caller logs once and counts. */
  onHealth(up: boolean, error?: unknown): void;
}

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
      cmd.defineCommand("cacheRecent", { numberOfKeys: 1, lua: RECENT });
      sub.on("messageBuffer", (_channel: Buffer, body: Buffer) => {
        // Sealed with the site's key, so only a replica wrote it; parsed defensively all the same.
        const text = options.sealer.open(body, channel);
        if (text === null) return;
        try {
          const { from, message } = JSON.parse(text) as { from: string; message: PeerMessage };
          if (from !== self) options.onMessage(message);
        } catch {
          // not a message of ours: ignored
        }
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
  /**
   * Bumps the accounts' versions (none: the site's generation) and tells the other replicas.
   * For one account: the stamp it bumped to (to store under, refused if another drop follows);
   * else, or when Redis failed, null.
   */
  drop(owners: readonly string[], parts: readonly CachePart[]): Promise<string | null>;
  announce(message: PeerMessage): Promise<void>;
  /** Which of these accounts any replica dropped within the recent window; null: Redis failed. */
  recentAmong(owners: readonly string[]): Promise<Set<string> | null>;
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
class RedisSharedCache implements SharedCache {
  private readonly channel: string;
  private readonly self = randomUUID();
  private readonly clients: ReturnType<typeof connector>;
  private readonly gen: string;
  private readonly recent: string;
  private readonly timeoutMs: number;
  private up = true;
  private pending = false;

  constructor(private readonly options: SharedCacheOptions) {
    this.channel = `${options.prefix}events`;
    this.clients = connector(options, this.channel, this.self);
    this.gen = `${options.prefix}gen`;
    this.recent = `${options.prefix}recent`;
    this.timeoutMs = options.timeoutMs ?? 250;
  }

  private hmac(text: string): string {
    return createHmac("sha256", this.options.nameKey).update(text).digest("base64url").slice(0, 32);
  }

  private ver(owner: string): string {
    return `${this.options.prefix}v:${this.hmac(owner)}`;
  }

  private async run<T>(work: (cmd: Client) => Promise<T>): Promise<T | null> {
    try {
      const { cmd } = await this.clients.get();
      // The first connection is waited for (briefly); a lost one is not: calls go direct meanwhile.
      if (cmd.status === "connecting" || cmd.status === "connect")
        await withTimeout(once(cmd, "ready"), this.timeoutMs);
      if (cmd.status !== "ready") throw new Error(`Redis connection is ${cmd.status}`);
      if (this.pending) {
        await withTimeout(cmd.cacheDrop(2, this.gen, this.recent), this.timeoutMs);
        this.pending = false;
      }
      const result = await withTimeout(work(cmd), this.timeoutMs);
      if (!this.up) this.options.onHealth(true);
      this.up = true;
      return result;
    } catch (error) {
      if (this.up) this.options.onHealth(false, error);
      this.up = false;
      return null;
    }
  }

  read(owner: string): Promise<SharedRead | null> {
    return this.run(async (cmd) => {
      const [g, v, flat] = (await cmd.cacheReadBuffer(
        this.gen,
        this.ver(owner),
        `${this.options.prefix}e:`,
        this.hmac(owner),
      )) as [Buffer, Buffer, Buffer[]];
      const entries = new Map<string, Buffer>();
      for (let i = 0; i + 1 < flat.length; i += 2)
        entries.set((flat[i] as Buffer).toString(), flat[i + 1] as Buffer);
      return { stamp: `${g}:${v}`, entries };
    });
  }

  async store(owner: string, stamp: string, field: string, value: Buffer): Promise<void> {
    const { prefix, ttlMs } = this.options;
    await this.run((cmd) =>
      cmd.cacheStore(
        this.gen,
        this.ver(owner),
        `${prefix}e:`,
        this.hmac(owner),
        stamp,
        field,
        value,
        ttlMs,
      ),
    );
  }

  async drop(owners: readonly string[], parts: readonly CachePart[]): Promise<string | null> {
    const verTtl = this.options.ttlMs * 2 + 60_000;
    const done = await this.run(async (cmd) => {
      const bumped = await cmd.cacheDrop(
        2 + owners.length,
        this.gen,
        this.recent,
        ...owners.map((o) => this.ver(o)),
        verTtl,
        this.options.recentWindowMs ?? 0,
        ...owners.map((o) => this.hmac(o)),
      );
      await cmd.publish(
        this.channel,
        this.sealed({ kind: "drop", owners: [...owners], parts: [...parts] }),
      );
      return typeof bumped === "string" ? bumped : "";
    });
    if (done === null) this.pending = true;
    return done || null;
  }

  async announce(message: PeerMessage): Promise<void> {
    await this.run((cmd) => cmd.publish(this.channel, this.sealed(message)));
  }

  async recentAmong(owners: readonly string[]): Promise<Set<string> | null> {
    const window = this.options.recentWindowMs ?? 0;
    if (window <= 0 || owners.length === 0) return new Set();
    const found = await this.run((cmd) =>
      cmd.cacheRecent(this.recent, window, ...owners.map((o) => this.hmac(o))),
    );
    if (found === null) return null;
    return new Set(found.map((i) => owners[i - 1] as string));
  }

  private sealed(message: PeerMessage): Buffer {
    return this.options.sealer.seal(JSON.stringify({ from: this.self, message }), this.channel);
  }

  fieldOf(base: string, fieldsText: string): string {
    return `${this.hmac(base)}:${this.hmac(fieldsText)}`;
  }

  close(): Promise<void> {
    return this.clients.close();
  }
}

export const createSharedCache = (options: SharedCacheOptions): SharedCache =>
  new RedisSharedCache(options);
