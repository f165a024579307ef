import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocumentCaches, DOORKEEPER_KEYS } from "../src/graphql/limits/documents.js";
import { ADA } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

const post = async (s: Stack, body: unknown) => {
  const res = await fetch(`${s.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: response shapes vary
  return { status: res.status, body: (await res.json()) as any };
};

const codes = (res: Awaited<ReturnType<typeof post>>) =>
  // biome-ignore lint/suspicious/noExplicitAny: error shapes vary
  res.body.errors?.map((e: any) => e.extensions.code);

const Q = `{ accountByUid(uid: "${ADA}") { uid } }`;
const apq = (hash: string, version: unknown = 1) => ({
  persistedQuery: { version, sha256Hash: hash },
});

let off: Stack;
let on: Stack;
beforeAll(async () => {
  [off, on] = await Promise.all([
    startStack(),
    startStack({
      env: {
        APQ: "true",
        APQ_CACHE_BYTES: "4096",
      },
    }),
  ]);
});
afterAll(() => Promise.all([off.close(), on.close()]));

describe("automatic persisted queries", () => {
  it("are off by default", async () => {
    const res = await post(off, { query: Q, extensions: apq(sha(Q)) });
    expect(codes(res)).toEqual(["PERSISTED_QUERY_NOT_SUPPORTED"]);
    expect(await off.calls()).toEqual([]);
  });

  it("with APQ=true: register, then by hash alone; an unknown hash is not found", async () => {
    const q = `${Q} # register`;
    expect((await post(on, { extensions: apq(sha(q)) })).body.errors[0].extensions.code).toBe(
      "PERSISTED_QUERY_NOT_FOUND",
    );
    expect((await post(on, { query: q, extensions: apq(sha(q)) })).body.data).toEqual({
      accountByUid: { uid: ADA },
    });
    expect((await post(on, { extensions: apq(sha(q)) })).body.data).toEqual({
      accountByUid: { uid: ADA },
    });
  });

  it.each([
    ["a version other than 1", { query: Q, extensions: apq(sha(Q), 2) }],
    ["a persistedQuery that is not an object", { query: Q, extensions: { persistedQuery: "x" } }],
    ["a hash that is not 64 hex digits", { extensions: apq("not-a-hash") }],
    ["a numeric hash", { query: Q, extensions: apq(42 as unknown as string) }],
    ["a hash of another query", { query: Q, extensions: apq(sha("{ other }")) }],
  ])("refuses %s with PERSISTED_QUERY_INVALID, not an internal error", async (_, body) => {
    const res = await post(on, body);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(["PERSISTED_QUERY_INVALID"]);
  });

  it("refuses a malformed APQ in a GET as well", async () => {
    const url = new URL(`${on.url}/graphql`);
    url.searchParams.set("query", Q);
    url.searchParams.set("extensions", JSON.stringify(apq(sha("{ other }"))));
    const res = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(["PERSISTED_QUERY_INVALID"]);
  });

  it("a flood of distinct registrations evicts the oldest instead of growing", async () => {
    const queries = Array.from(
      { length: 300 },
      (_, i) => `{ __typename } # flood registration ${i} padded to about sixty bytes`,
    );
    for (const q of queries) {
      const res = await post(on, { query: q, extensions: apq(sha(q)) });
      expect(res.status).toBe(200);
    }
    // ~60 bytes each, 18 KB in all, against a 4 KB cache: the first are gone, the last is there.
    const first = queries[0] as string;
    const last = queries[299] as string;
    expect(codes(await post(on, { extensions: apq(sha(first)) }))).toEqual([
      "PERSISTED_QUERY_NOT_FOUND",
    ]);
    expect((await post(on, { extensions: apq(sha(last)) })).body.data).toBeDefined();
  });
});

describe("document caches", () => {
  const bytesHeld = async (cache: {
    keys(): string[];
    get(k: string): Promise<unknown>;
  }): Promise<number> => {
    let total = 0;
    for (const key of cache.keys()) {
      const value = await cache.get(key);
      total += Buffer.byteLength(typeof value === "string" ? value : JSON.stringify(value));
    }
    return total;
  };

  it("the APQ cache stays within APQ_CACHE_BYTES", async () => {
    const caches = createDocumentCaches({
      apq: true,
      apqCacheBytes: 10_000,
      documentCacheBytes: 10_000,
      maxQueryBytes: 65_536,
    });
    const cache = caches.apqCache;
    if (!cache) throw new Error("APQ cache expected");
    for (let i = 0; i < 5000; i++) await cache.set(`k${i}`, `{ a${i}: __typename }`.padEnd(100));
    expect(cache.keys().length).toBeGreaterThan(50);
    expect(await bytesHeld(cache)).toBeLessThanOrEqual(10_000);
  });

  it("the parsed-document cache stays within DOCUMENT_CACHE_BYTES", async () => {
    const { parse } = await import("graphql");
    const { documentStore, persistedQueries, apqCache } = createDocumentCaches({
      apq: false,
      apqCacheBytes: 10_000,
      documentCacheBytes: 40_000,
      maxQueryBytes: 65_536,
    });
    expect(persistedQueries).toBe(false);
    expect(apqCache).toBeNull();
    // Each document sent twice: the cache admits a document on its second sighting.
    for (let i = 0; i < 2000; i++)
      for (const _ of [1, 2]) await documentStore.set(`d${i}`, parse(`{ a${i}: __typename }`));
    expect(documentStore.keys().length).toBeGreaterThan(10);
    expect(await bytesHeld(documentStore)).toBeLessThanOrEqual(40_000);
  });

  it("documents sent once never enter the cache, nor evict one that is reused", async () => {
    const { parse } = await import("graphql");
    const { documentStore } = createDocumentCaches({
      apq: false,
      apqCacheBytes: 10_000,
      documentCacheBytes: 40_000,
      maxQueryBytes: 65_536,
    });
    const reused = parse("{ reused: __typename }");
    await documentStore.set("reused", reused);
    expect(await documentStore.get("reused")).toBeUndefined();
    await documentStore.set("reused", reused);
    expect(await documentStore.get("reused")).toBe(reused);
    for (let i = 0; i < 2 * DOORKEEPER_KEYS; i++)
      await documentStore.set(`once${i}`, parse(`{ a${i}: __typename }`));
    expect(documentStore.keys()).toEqual(["reused"]);
    // The doorkeeper remembers the most recent first sightings only: the oldest are forgotten.
    await documentStore.set("once0", parse("{ a0: __typename }"));
    const last = `once${2 * DOORKEEPER_KEYS - 1}`;
    await documentStore.set(last, parse("{ last: __typename }"));
    expect(documentStore.keys().sort()).toEqual([last, "reused"].sort());
  });
});

describe("field suggestions", () => {
  const typos = [
    `{ accountByUid(uid: "${ADA}") { passwordHas } }`,
    `mutation { deleteAccont(uid: "${ADA}") { uid } }`,
    `{ accountByUid(ui: "${ADA}") { uid } }`,
  ];

  it("are absent when introspection is off", async () => {
    const closed = await startStack({ env: { GRAPHQL_INTROSPECTION: "false" } });
    try {
      for (const typo of typos) {
        const res = await closed.gql(typo);
        const text = JSON.stringify(res.errors);
        expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
        expect(text).not.toMatch(/Did you mean|passwordHash|deleteAccount"|"uid"\?/);
      }
      // Nor in a variable that does not fit its input type (checked at execution).
      const res = await closed.gql(
        "mutation($input: CreateAccountInput!) { createAccount(input: $input) { uid } }",
        { input: { emials: [], password: "Strong-Pass-2024", emails: [] } },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean|"emails"\?/);
      expect(await closed.calls()).toEqual([]);
    } finally {
      await closed.close();
    }
  });

  it("are given when introspection is on (the schema is readable anyway)", async () => {
    const res = await off.gql(typos[0] as string);
    expect(res.errors?.[0]?.message).toContain('Did you mean "passwordHash"?');
  });
});
