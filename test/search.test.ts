import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA } from "./helpers/emulator.js";
import { codeOf, errorOf, type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/** searchAccounts and batched UID reads through HTTP against the emulator's Cloud Directory. */
const SEARCHER = "searcher-token";
const READER = "reader-token";
const WRITER = "writer-token";
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    emulator: { seedCount: 2500, searchPerSecond: 0 },
    env: {
      UPSTREAM_MAX_SEARCH_RPS: "1000",
      BATCH_VIA_SEARCH_MIN: "3",
      AUTH_TOKENS: authTokensEnv({
        [SEARCHER]: { name: "support-console", scopes: ["accounts:search", "accounts:read"] },
        [READER]: { name: "reader", scopes: ["accounts:read"] },
        [WRITER]: { name: "writer", scopes: ["accounts:write"] },
      }),
    },
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

const as = { token: SEARCHER };
const find = (filter: string, first = 25, selection = "uid firstName") =>
  stack.gql(
    `query($filter: AccountFilter!, $first: Int) { searchAccounts(filter: $filter, first: $first) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${selection} } } } }`,
    { filter: JSON.parse(filter), first },
    as,
  );
const uids = (res: { data?: { searchAccounts: { edges: { node: { uid: string } }[] } } }) =>
  res.data?.searchAccounts.edges.map((e) => e.node.uid) ?? [];
const searches = async () => (await stack.calls()).filter((c) => c.path === "/identity");

describe("searchAccounts: one filter per field kind and operator", () => {
  it.each([
    ['{"email":{"contains":"ADA@example.com"}}', true],
    ['{"email":{"eq":"ada@example.com"}}', true],
    ['{"email":{"eq":"ADA@example.com"}}', false],
    ['{"firstName":{"eq":"Ada"}}', true],
    ['{"fullName":{"contains":"lovelace"}}', true],
    ['{"userName":{"in":["ada","nobody"]}}', true],
    ['{"phoneId":{"eq":"+14155550101"}}', true],
    ['{"roles":{"eq":"admin"}, "emailVerified": true}', true],
    [`{"uid":{"in":["${ADA}"]}}`, true],
    ['{"createdDate":{"onOrBefore":"1990-01-01"}}', false],
    ['{"createdDate":{"after":"2000-01-01"}, "city":{"contains":"london"}}', true],
    ['{"customFields":[{"key":"plan","eq":"enterprise"}], "gender":{"eq":"F"}}', true],
    ['{"phoneId":{"exists":false}, "firstName":{"eq":"Ada"}}', false],
  ])("%s finds Ada: %s", async (filter, found) => {
    const res = await find(filter, 1000);
    expect(res.errors).toBeUndefined();
    expect(uids(res).includes(ADA)).toBe(found);
  });

  it("composes and / or / not", async () => {
    const res = await find(
      '{"or":[{"firstName":{"eq":"Ada"}},{"firstName":{"eq":"Grace"}}],"not":{"lastName":{"eq":"Hopper"}}}',
    );
    expect(res.errors).toBeUndefined();
    expect(
      res.data.searchAccounts.edges.map((e: { node: { firstName: string } }) => e.node.firstName),
    ).toEqual(["Ada"]);
  });
});

describe("searchAccounts: paging", () => {
  it("pages through 2,500 results with first: 1000, none missing, none twice, in a stable order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await stack.gql(
        `query($after: String) { searchAccounts(filter: {}, first: 1000, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { uid } } } }`,
        { after },
        as,
      );
      expect(res.errors).toBeUndefined();
      const page = res.data.searchAccounts;
      expect(page.totalCount).toBe(2500);
      seen.push(...page.edges.map((e: { node: { uid: string } }) => e.node.uid));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(2500);
    expect(new Set(seen).size).toBe(2500);
    expect(seen).toEqual([...seen].sort());
  });

  it("resumes after an edge's own cursor, and refuses a changed first", async () => {
    const page = async (after: string | null, first = 5) =>
      (
        await stack.gql(
          `query($after: String, $first: Int) { searchAccounts(filter: {}, first: $first, after: $after) {
            pageInfo { hasNextPage endCursor } edges { cursor node { uid } } } }`,
          { after, first },
          as,
        )
      ).data?.searchAccounts;
    const first = await page(null);
    const whole = [...uids({ data: { searchAccounts: first } })];
    const second = await page(first.pageInfo.endCursor);
    whole.push(...uids({ data: { searchAccounts: second } }));
    const resumed = await page(first.edges[1].cursor);
    expect(uids({ data: { searchAccounts: resumed } })).toEqual(whole.slice(2, 5));
    expect(resumed.pageInfo.hasNextPage).toBe(true);
    const next = await page(resumed.pageInfo.endCursor);
    expect(uids({ data: { searchAccounts: next } })).toEqual(whole.slice(5, 10));
    const changed = await stack.gql(
      `query($after: String) { searchAccounts(filter: {}, first: 6, after: $after) { totalCount } }`,
      { after: first.pageInfo.endCursor },
      as,
    );
    expect(errorOf(changed)).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("refuses a cursor replayed with another filter, before any call", async () => {
    const first = await find('{"roles":{"eq":"admin"}}', 2);
    const cursor = first.data.searchAccounts.pageInfo.endCursor;
    await stack.reset();
    const res = await stack.gql(
      `query($after: String) { searchAccounts(filter: {roles: {eq: "editor"}}, first: 2, after: $after) { edges { cursor } } }`,
      { after: cursor },
      as,
    );
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(errorOf(res)?.field).toBe("after");
    expect(await searches()).toEqual([]);
  });
});

describe("searchAccounts: refusals with nothing sent", () => {
  it.each([
    ['{"firstName":{"startsWith":"Ad"}}', "filter.firstName.startsWith"],
    ['{"userName":{"contains":"ad"}}', "filter.userName.contains"],
    ['{"not":{"roles":{"eq":"admin"}}}', "filter.not.roles.eq"],
    ['{"createdDate":{"after":"last week"}}', "filter.createdDate.after"],
  ])("%s is BAD_USER_INPUT naming %s", async (filter, field) => {
    const res = await find(filter);
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(errorOf(res)?.field).toBe(field);
    expect(await stack.calls()).toEqual([]);
  });

  it("is FORBIDDEN without accounts:search, even with accounts:read", async () => {
    const res = await stack.gql(
      `{ searchAccounts(filter: {}) { totalCount } }`,
      {},
      {
        token: READER,
      },
    );
    expect(codeOf(res)).toBe("FORBIDDEN");
    expect(await stack.calls()).toEqual([]);
  });
});

describe("batched UID reads through search", () => {
  const hundred = async () => {
    const res = await find("{}", 100, "uid");
    return uids(res);
  };

  it("reads 100 distinct UIDs with at most 2 upstream calls, and _entities likewise", async () => {
    const list = await hundred();
    await stack.reset();
    const res = await stack.gql(
      `query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid firstName } }`,
      { uids: list },
      as,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.accountsByUids.map((a: { uid: string }) => a.uid)).toEqual(list);
    expect((await stack.calls()).length).toBeLessThanOrEqual(2);
    await stack.reset();
    const entities = await stack.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { uid } } }`,
      { r: list.map((uid) => ({ __typename: "Account", uid })) },
      as,
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data._entities).toHaveLength(100);
    expect((await stack.calls()).length).toBeLessThanOrEqual(2);
  });
});

describe("read-after-write through batched reads, with the emulator's index lag on", () => {
  let fresh: Stack;
  beforeAll(async () => {
    // The core quota out of the way: this counts stale reads, not calls.
    fresh = await startStack({
      emulator: { searchLagMs: 1000, searchPerSecond: 0 },
      env: {
        UPSTREAM_MAX_RPS: "100000",
        UPSTREAM_MAX_SEARCH_RPS: "10000",
        BATCH_VIA_SEARCH_MIN: "3",
      },
    });
  });
  afterAll(() => fresh.close());

  it("200 write-then-bulk-read pairs (bench/search.mjs runs 1,000): the pre-write profile is never returned", {
    timeout: 60_000,
  }, async () => {
    const found = await fresh.gql(
      "{ searchAccounts(filter: {}, first: 60) { edges { node { uid } } } }",
    );
    const pool: string[] = uids(found);
    let stale = 0;
    // Ten chains of 20 pairs side by side, each writing its own accounts, reading ten at a time.
    const chain = async (c: number) => {
      const mine = pool.slice(c * 6, c * 6 + 6);
      for (let i = 0; i < 20; i++) {
        const uid = mine[i % mine.length] as string;
        const name = `Name${c}x${i}`;
        const write = await fresh.gql(
          `mutation($uid: ID!, $name: String!) { updateAccount(uid: $uid, input: { firstName: $name }) { uid } }`,
          { uid, name },
        );
        expect(write.errors).toBeUndefined();
        const others = pool.filter((u) => u !== uid).slice(c, c + 9);
        const read = await fresh.gql(
          `query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid firstName } }`,
          { uids: [...others, uid] },
        );
        if (read.data.accountsByUids[9].firstName !== name) stale++;
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, c) => chain(c)));
    expect(stale).toBe(0);
  });
});

describe("the search quota", () => {
  // The outbound bucket sends at most its rate in any one-second window (no saved burst). The
  // emulator counts fixed one-second windows on its own clock, and a call can reach it a little
  // late (a loaded machine, the signed run's recording proxy): one search a second of margin.
  it("keeps searches within UPSTREAM_MAX_SEARCH_RPS, so the Cloud Directory never answers 429", async () => {
    const limited = await startStack({
      emulator: { searchPerSecond: 4 },
      env: { UPSTREAM_MAX_SEARCH_RPS: "3", UPSTREAM_RETRIES: "0" },
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, () =>
          limited.gql('{ searchAccounts(filter: { roles: { eq: "admin" } }) { totalCount } }'),
        ),
      );
      for (const res of answers) expect(res.errors).toBeUndefined();
      const calls = (await limited.calls()).filter((c) => c.path === "/identity");
      expect(calls).toHaveLength(12);
      expect(calls.filter((c) => c.status === 429)).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});
