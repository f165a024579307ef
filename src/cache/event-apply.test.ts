import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type RunningRedis, startRedis } from "../../test/helpers/redis.js";
import { silentLogger } from "../log.js";
import type { BoundScope, CallInput, Endpoint, LoginRadiusHttp } from "../loginradius/http.js";
import { EVENT_CLOCK_MARGIN_MS, fateOf } from "./event-apply.js";
import { createReadCache, type ReadCache } from "./read-cache.js";
import { createSealer } from "./seal.js";
import { createSharedCache, type SharedCache } from "./shared-cache.js";

const Profile = z.object({ Uid: z.string(), FirstName: z.string() });
const READ: Endpoint = {
  method: "GET",
  path: "/account/{uid}",
  retry: true,
  schema: Profile,
  cache: "profile",
};
const WRITE: Endpoint = { method: "PUT", path: "/account/{uid}", retry: true, schema: Profile };

/** LoginRadius with one account whose FirstName a write (ours or elsewhere) sets; reads counted. */
const site = () => {
  const state = { name: "Ada", reads: 0, clock: 1_000_000 };
  const http: LoginRadiusHttp = {
    call: (async (endpoint: Endpoint, input: CallInput) => {
      if (endpoint.method === "GET") state.reads++;
      else state.name = String((input.body as { FirstName: string }).FirstName);
      return { Uid: "u1", FirstName: state.name };
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
  return { state, http };
};

let redis: RunningRedis;
const shareds: SharedCache[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(shareds.map((s) => s.close()));
  await redis.close();
});

/** A replica's cache over the double, on the test's clock; with Redis when `shared`. */
const replica = (s: ReturnType<typeof site>, shared: boolean) => {
  const key = randomBytes(32);
  const sealer = createSealer(key);
  const store = shared
    ? createSharedCache({
        url: redis.url,
        prefix: `test:events:${key.toString("hex").slice(0, 8)}:`,
        sealer,
        nameKey: key,
        ttlMs: 600_000,
        onMessage: () => {},
        onHealth: () => {},
      })
    : null;
  if (store) shareds.push(store);
  const cache = createReadCache({
    ttlMs: 600_000,
    maxBytes: 1_000_000,
    coalesce: true,
    shared: store,
    sealer: store ? sealer : null,
    logger: silentLogger,
    now: () => s.state.clock,
  });
  const http = cache.wrap(s.http);
  const name = async () =>
    (
      (await http.call(
        READ,
        { params: { uid: "u1" }, query: { fields: "FirstName,Uid" } },
        {},
      )) as {
        FirstName: string;
      }
    ).FirstName;
  const write = (FirstName: string) =>
    http.call(WRITE, { params: { uid: "u1" }, body: { FirstName } }, {});
  return { cache: cache as ReadCache, name, write };
};

describe.each([
  ["in one process", false],
  ["with Redis", true],
])("a LoginRadius event for our own write, %s", (_label, shared) => {
  it("arriving after our refill, costs no read (the entry is newer)", async () => {
    const s = site();
    const r = replica(s, shared);
    await r.write("Grace");
    const eventTime = s.state.clock;
    s.state.clock += EVENT_CLOCK_MARGIN_MS + 50;
    expect(await r.name()).toBe("Grace");
    // Its Data lacks what the entry holds (no prime possible): kept all the same, by its time.
    await r.cache.invalidate(["u1"], ["profile"], "webhook", eventTime);
    await r.cache.prime("u1", { Uid: "u1" }, eventTime);
    expect(await r.name()).toBe("Grace");
    expect(s.state.reads).toBe(1);
  });

  it("arriving before our refill, costs only the refill", async () => {
    const s = site();
    const r = replica(s, shared);
    await r.write("Grace");
    await r.cache.prime("u1", { Uid: "u1", FirstName: "Grace" }, s.state.clock);
    s.state.clock += 10;
    expect(await r.name()).toBe("Grace");
    expect(await r.name()).toBe("Grace");
    expect(s.state.reads).toBe(1);
  });

  it("within the clock margin of its refill, primes it from the event's profile: no read", async () => {
    const s = site();
    const r = replica(s, shared);
    await r.write("Grace");
    const eventTime = s.state.clock;
    s.state.clock += 20;
    expect(await r.name()).toBe("Grace");
    await r.cache.prime("u1", { Uid: "u1", FirstName: "Grace", Email: "g@x.test" }, eventTime);
    expect(await r.name()).toBe("Grace");
    expect(s.state.reads).toBe(1);
  });
});

describe.each([
  ["in one process", false],
  ["with Redis", true],
])("a LoginRadius event for a change made elsewhere, %s", (_label, shared) => {
  it("primes the entry its profile covers: the new name, no read", async () => {
    const s = site();
    const r = replica(s, shared);
    expect(await r.name()).toBe("Ada");
    s.state.clock += 5_000;
    s.state.name = "Augusta";
    await r.cache.prime("u1", { Uid: "u1", FirstName: "Augusta" }, s.state.clock);
    expect(await r.name()).toBe("Augusta");
    expect(s.state.reads).toBe(1);
  });

  it("still drops what its profile does not cover, or without one", async () => {
    const s = site();
    const r = replica(s, shared);
    expect(await r.name()).toBe("Ada");
    s.state.clock += 5_000;
    s.state.name = "Augusta";
    await r.cache.prime("u1", { Uid: "u1" }, s.state.clock);
    expect(await r.name()).toBe("Augusta");
    s.state.clock += 5_000;
    s.state.name = "Ada";
    await r.cache.invalidate(["u1"], ["profile"], "webhook", s.state.clock);
    expect(await r.name()).toBe("Ada");
    expect(s.state.reads).toBe(3);
  });
});

describe("an entry's fate", () => {
  const event = { owner: "u1", parts: ["profile" as const], timeMs: 10_000, profile: null };
  it("keeps another part's entry and a newer one; drops one of unknown part or time", () => {
    const text = '{"Uid":"u1"}';
    expect(fateOf({ text, part: "roles", readAt: 0 }, event)).toEqual({ text, primed: false });
    expect(
      fateOf({ text, part: "profile", readAt: 10_000 + EVENT_CLOCK_MARGIN_MS }, event),
    ).toEqual({ text, primed: false });
    expect(fateOf({ text, part: "profile", readAt: 10_000 }, event)).toBeNull();
    expect(fateOf({ text }, event)).toBeNull();
  });
});
