import { describe, expect, it } from "vitest";
import { z } from "zod";
import { silentLogger } from "../log.js";
import type {
  BoundScope,
  CallInput,
  Endpoint,
  LoginRadiusHttp,
  RequestScope,
} from "../loginradius/http.js";
import { createReadCache } from "./read-cache.js";

const Profile = z.object({ Uid: z.string(), Email: z.string().optional(), N: z.number() });
const READ: Endpoint = {
  method: "GET",
  path: "/account/{uid}",
  retry: true,
  schema: Profile,
  cache: "profile",
};
const SECRET: Endpoint = {
  method: "GET",
  path: "/account/{uid}/password",
  retry: true,
  schema: Profile,
};
const WRITE: Endpoint = { method: "PUT", path: "/account/{uid}", retry: true, schema: Profile };

/** A LoginRadius double: counts calls, answers each account's current version after `delay`. */
const upstream = (delayMs = 5) => {
  const versions = new Map<string, number>();
  const calls: string[] = [];
  const http: LoginRadiusHttp = {
    call: (async (endpoint: Endpoint, input: CallInput, scope?: RequestScope) => {
      const uid = input.params?.uid ?? "?";
      calls.push(`${endpoint.method} ${uid}`);
      if (scope?.stats) scope.stats.upstreamCalls++;
      if (endpoint.method !== "GET") versions.set(uid, (versions.get(uid) ?? 0) + 1);
      const n = versions.get(uid) ?? 0;
      await new Promise((r) => setTimeout(r, delayMs));
      return { Uid: uid, Email: `${uid}@x.test`, N: n };
    }) as LoginRadiusHttp["call"],
    scope: (scope) =>
      ({
        ...scope,
        signal: new AbortController().signal,
        deadlineAt: Date.now() + 10_000,
        end() {},
      }) as BoundScope,
    health: {} as LoginRadiusHttp["health"],
  };
  return { http, calls };
};

const cacheWith = (ttlMs = 60_000, maxBytes = 1_000_000) =>
  createReadCache({
    ttlMs,
    maxBytes,
    coalesce: true,
    shared: null,
    sealer: null,
    logger: silentLogger,
  });

const read = (http: LoginRadiusHttp, uid: string, fields?: string, scope: RequestScope = {}) =>
  http.call(READ, { params: { uid }, ...(fields ? { query: { fields } } : {}) }, scope) as Promise<
    z.infer<typeof Profile>
  >;

describe("coalescing", () => {
  it("answers 200 concurrent reads of one account with one upstream call, a field subset joining", async () => {
    const { http, calls } = upstream(20);
    const cached = createReadCache({
      ttlMs: 0,
      maxBytes: 0,
      coalesce: true,
      shared: null,
      sealer: null,
      logger: silentLogger,
    }).wrap(http);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => read(cached, "u1", i === 0 ? "Uid,Email,N" : "Uid,N")),
    );
    expect(calls).toEqual(["GET u1"]);
    expect(answers.every((a) => a.Uid === "u1")).toBe(true);
  });

  it("never joins a read needing fields the call in flight did not ask for", async () => {
    const { http, calls } = upstream(20);
    const cached = cacheWith(0, 0).wrap(http);
    await Promise.all([read(cached, "u1", "Uid"), read(cached, "u1", "Uid,Email")]);
    expect(calls).toHaveLength(2);
  });

  it("ends a joiner at its own deadline while the shared call answers the others", async () => {
    const { http, calls } = upstream(50);
    const cached = cacheWith().wrap(http);
    const impatient = new AbortController();
    const first = read(cached, "u1");
    const joiner = read(cached, "u1", undefined, { signal: impatient.signal }).catch(
      (e: unknown) => e,
    );
    impatient.abort();
    expect(await joiner).toMatchObject({ failure: "timeout" });
    expect((await first).Uid).toBe("u1");
    expect(calls).toHaveLength(1);
  });

  it("never coalesces writes", async () => {
    const { http, calls } = upstream();
    const cached = cacheWith().wrap(http);
    await Promise.all(
      [1, 2].map(() => cached.call(WRITE, { params: { uid: "u1" }, body: {} }, {})),
    );
    expect(calls).toEqual(["PUT u1", "PUT u1"]);
  });
});

describe("the read cache", () => {
  it("serves a repeat read from the cache, a field subset too, and reports hits, misses and age", async () => {
    const { http, calls } = upstream();
    const cached = cacheWith().wrap(http);
    const stats = { upstreamCalls: 0 } as RequestScope["stats"] & object;
    await read(cached, "u1", "Uid,Email,N", { stats });
    expect((await read(cached, "u1", "Uid", { stats })).Uid).toBe("u1");
    expect(calls).toEqual(["GET u1"]);
    expect(stats).toMatchObject({ upstreamCalls: 1, cacheHits: 1, cacheMisses: 1 });
  });

  it("reads fresh with Cache-Control: no-cache and refreshes the entry", async () => {
    const { http, calls } = upstream();
    const cached = cacheWith().wrap(http);
    await read(cached, "u1");
    await read(cached, "u1", undefined, { fresh: true });
    await read(cached, "u1");
    expect(calls).toEqual(["GET u1", "GET u1"]);
  });
});

describe("read-your-writes", () => {
  it("primes the read with a write's answer when the write answers what the read holds", async () => {
    const { http, calls } = upstream();
    const cached = cacheWith().wrap(http);
    await read(cached, "u1", "Uid,N");
    await cached.call(
      { ...WRITE, cache: "profile" },
      { params: { uid: "u1" }, query: { fields: "Uid,N" }, body: {} },
      {},
    );
    expect((await read(cached, "u1", "Uid,N")).N).toBe(1);
    expect(calls).toEqual(["GET u1", "PUT u1"]);
  });

  it("drops an account's entries when a write to it answers: the next read sees the write", async () => {
    const { http } = upstream();
    const cached = cacheWith().wrap(http);
    expect((await read(cached, "u1")).N).toBe(0);
    await cached.call(WRITE, { params: { uid: "u1" }, body: {} }, {});
    expect((await read(cached, "u1")).N).toBe(1);
  });

  it("does not store a read that was in flight when a write answered (it may predate it)", async () => {
    const { http } = upstream(30);
    const cached = cacheWith().wrap(http);
    const early = read(cached, "u1");
    await new Promise((r) => setTimeout(r, 5));
    await cached.call(WRITE, { params: { uid: "u1" }, body: {} }, {});
    await early;
    expect((await read(cached, "u1")).N).toBe(1);
  });
});

describe("bounds", () => {
  it("expires entries after CACHE_TTL_MS and caches nothing with 0", async () => {
    const { http, calls } = upstream(1);
    const short = cacheWith(20).wrap(http);
    await read(short, "u1");
    await new Promise((r) => setTimeout(r, 40));
    await read(short, "u1");
    expect(calls).toHaveLength(2);
    const off = cacheWith(0).wrap(http);
    await read(off, "u2");
    await read(off, "u2");
    expect(calls).toHaveLength(4);
  });

  it("never caches an endpoint that names no cache part (secrets, tokens)", async () => {
    const { http, calls } = upstream(1);
    const cached = cacheWith().wrap(http);
    await cached.call(SECRET, { params: { uid: "u1" } }, {});
    await cached.call(SECRET, { params: { uid: "u1" } }, {});
    expect(calls).toHaveLength(2);
  });
});

describe("secrets", () => {
  it("never stores an answer holding a key that names a secret, whatever its endpoint says", async () => {
    const calls: string[] = [];
    const leaky = {
      call: (async () => {
        calls.push("GET");
        return { Uid: "u1", PasswordHash: "$2a$10$abc" };
      }) as LoginRadiusHttp["call"],
      scope: (scope: RequestScope) => ({ ...scope, end() {} }) as BoundScope,
      health: {} as LoginRadiusHttp["health"],
    };
    const cached = cacheWith().wrap(leaky);
    await read(cached, "u1");
    await read(cached, "u1");
    expect(calls).toHaveLength(2);
  });

  it("stays within CACHE_MAX_BYTES, the least recently used going first", async () => {
    const { http, calls } = upstream(1);
    const cached = cacheWith(60_000, 1_500).wrap(http);
    for (const uid of ["a", "b", "c", "d", "e", "f"]) await read(cached, uid);
    await read(cached, "f");
    await read(cached, "a");
    expect(calls.filter((c) => c === "GET f")).toHaveLength(1);
    expect(calls.filter((c) => c === "GET a")).toHaveLength(2);
  });

  it("drops what the invalidation API names (a webhook), and only that part", async () => {
    const { http, calls } = upstream(1);
    const cache = cacheWith();
    const cached = cache.wrap(http);
    await read(cached, "u1");
    await cache.invalidate(["u1"], ["roles"], "webhook");
    await read(cached, "u1");
    expect(calls).toHaveLength(1);
    await cache.invalidate(["u1"], ["profile"], "webhook");
    await read(cached, "u1");
    expect(calls).toHaveLength(2);
  });
});
