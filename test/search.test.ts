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

  it("never returns the pre-write profile right after a write (lag on)", async () => {
    const list = (await hundred()).slice(0, 10);
    let stale = 0;
    for (let i = 0; i < 50; i++) {
      const uid = list[i % list.length];
      const name = `Name${i}`;
      const write = await stack.gql(
        `mutation($uid: ID!, $name: String!) { updateAccount(uid: $uid, input: { firstName: $name }) { uid } }`,
        { uid, name },
        { token: WRITER },
      );
      expect(write.errors).toBeUndefined();
      const read = await stack.gql(
        `query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid firstName } }`,
        { uids: list },
        as,
      );
      const mine = read.data.accountsByUids.find((a: { uid: string }) => a.uid === uid);
      if (mine.firstName !== name) stale++;
    }
    expect(stale).toBe(0);
  });
});
