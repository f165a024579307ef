import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CUSTOMERS } from "./fixtures/orders/orders.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

const READER = "tok-sub-reader";
const WRITER = "tok-sub-writer";
const AUTH_TOKENS = authTokensEnv({
  [READER]: { name: "reader", scopes: ["accounts:read"] },
  [WRITER]: { name: "writer", scopes: ["accounts:write", "accounts:credentials"] },
});

/** 100 representations: the 20 known customers 4 times each, then 5 unknown UIDs 4 times each. */
const UNKNOWN = Array.from({ length: 5 }, (_, i) => `nobody-${i}`);
const UIDS = Array.from({ length: 100 }, (_, i) =>
  i < 80 ? (CUSTOMERS[i % 20] as string) : (UNKNOWN[i % 5] as string),
);
const reps = (uids: readonly string[]) => uids.map((uid) => ({ __typename: "Account", uid }));

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { uid firstName } } }`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { AUTH_TOKENS } });
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

describe("the Federation subgraph fields, answered directly", () => {
  it("_service { sdl } is the subgraph SDL: @link to Federation 2 and Account @key(fields: uid)", async () => {
    const res = await stack.gql("{ _service { sdl } }", {}, { token: READER });
    expect(res.errors).toBeUndefined();
    const sdl: string = res.data._service.sdl;
    expect(sdl).toContain(
      '@link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])',
    );
    expect(sdl).toMatch(/type Account\s+@key\(fields: "uid"\)/);
    expect(await stack.calls()).toEqual([]);
  });

  it("100 representations over 25 distinct UIDs cost 25 calls; unknown UIDs are null, no error", async () => {
    const res = await stack.gql(ENTITIES, { r: reps(UIDS) }, { token: READER });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(100);
    expect(res.data._entities[0]).toEqual({ uid: CUSTOMERS[0], firstName: "Ada" });
    expect(res.data._entities.slice(80)).toEqual(Array(20).fill(null));
    expect(res.data._entities.slice(0, 80).map((a: { uid: string }) => a.uid)).toEqual(
      UIDS.slice(0, 80),
    );
    const calls = await stack.calls();
    expect(calls).toHaveLength(25);
    expect(new Set(calls.map((c) => c.path.split("/").pop()))).toEqual(
      new Set([...CUSTOMERS, ...UNKNOWN]),
    );
    // The selection is pushed down: LoginRadius is asked for the keys and the first name only.
    expect(calls[0]?.fields?.split(",")).toContain("FirstName");
    expect(calls[0]?.fields?.split(",")).not.toContain("Roles");
  });

  it("shares the request's loaders with the other queries: a UID read twice is one call", async () => {
    const res = await stack.gql(
      `query($r: [_Any!]!) { accountByUid(uid: "${CUSTOMERS[0]}") { uid } _entities(representations: $r) { ... on Account { uid } } }`,
      { r: reps([CUSTOMERS[0] as string, CUSTOMERS[0] as string]) },
      { token: READER },
    );
    expect(res.errors).toBeUndefined();
    expect(await stack.calls()).toHaveLength(1);
  });

  it("without accounts:read: one FORBIDDEN at _entities and no upstream call", async () => {
    const res = await stack.gql(ENTITIES, { r: reps(UIDS) }, { token: WRITER });
    // `_entities: [_Entity]!` is non-null (the Federation spec): the whole data is null.
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [["_entities"], { code: "FORBIDDEN", scope: "accounts:read" }],
    ]);
    expect(await stack.calls()).toEqual([]);
  });
});

describe("_entities within the limits", () => {
  it("counts one call per distinct UID against MAX_UPSTREAM_COST, refused before any call", async () => {
    const tight = await startStack({ env: { AUTH_TOKENS, MAX_UPSTREAM_COST: "20" } });
    try {
      const refused = await tight.gql(ENTITIES, { r: reps(UIDS) }, { token: READER });
      expect(refused.status).toBe(400);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: "COST_LIMIT_EXCEEDED",
        cost: 25,
        limit: 20,
      });
      expect(await tight.calls()).toEqual([]);
      // 80 representations over the 20 known UIDs fit: the budget counts distinct UIDs.
      const fits = await tight.gql(ENTITIES, { r: reps(UIDS.slice(0, 80)) }, { token: READER });
      expect(fits.errors).toBeUndefined();
      expect(await tight.calls()).toHaveLength(20);
    } finally {
      await tight.close();
    }
  });

  it("never has more upstream requests in flight than UPSTREAM_MAX_CONCURRENCY", async () => {
    const capped = await startStack({ env: { AUTH_TOKENS }, upstream: { maxConcurrency: 3 } });
    try {
      await capped.lr.control("POST", "/faults", { kind: "delay", delayMs: 50, count: 20 });
      const res = await capped.gql(ENTITIES, { r: reps(UIDS.slice(0, 80)) }, { token: READER });
      expect(res.errors).toBeUndefined();
      const calls = await capped.calls();
      expect(calls).toHaveLength(20);
      expect(Math.max(...calls.map((c) => c.concurrent))).toBe(3);
    } finally {
      await capped.close();
    }
  });
});

describe("_service where introspection is off", () => {
  it("is refused like __schema, while _entities still answers", async () => {
    const closed = await startStack({ env: { AUTH_TOKENS, GRAPHQL_INTROSPECTION: "false" } });
    try {
      const res = await closed.gql("{ _service { sdl } }", {}, { token: READER });
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(res.errors?.[0]?.message).toContain("_service");
      const entities = await closed.gql(ENTITIES, { r: reps(UIDS.slice(0, 2)) }, { token: READER });
      expect(entities.errors).toBeUndefined();
      expect(entities.data._entities).toHaveLength(2);
    } finally {
      await closed.close();
    }
  });

  it("sends no federated trace to a caller who asks for one", async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${READER}`,
        "apollo-federation-include-trace": "ftv1",
      },
      body: JSON.stringify({ query: ENTITIES, variables: { r: reps(UIDS.slice(0, 1)) } }),
    });
    const body = (await res.json()) as { extensions?: Record<string, unknown> };
    expect(body.extensions?.ftv1).toBeUndefined();
  });
});
