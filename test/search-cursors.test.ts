import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CURSOR_TTL_MS } from "../src/emulator/search/search.store.js";
import { codeOf, errorOf, type Stack, startStack } from "./helpers/stack.js";

/**
 * What a support console meets when it pages: a cursor LoginRadius no longer keeps (the
 * emulator's clock moved past its life), and a page too large to answer, refused before any call.
 */
let stack: Stack;
let skewMs = 0;
beforeAll(async () => {
  stack = await startStack({
    emulator: { searchPerSecond: 0, now: () => new Date(Date.now() + skewMs) },
  });
});
afterAll(() => stack.close());
beforeEach(async () => {
  skewMs = 0;
  await stack.reset();
});

const PAGE = `query($after: String) { searchAccounts(filter: {}, first: 5, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { uid } } } }`;
const RELAY_PAGE = `query($after: String) { searchAccounts(filter: {}, first: 5, after: $after) {
  pageInfo { hasNextPage endCursor hasPreviousPage startCursor } edges { cursor node { uid } } } }`;

describe("pageInfo (Relay)", () => {
  it("the first page has none before it; the next starts at its first account's cursor", async () => {
    const first = (await stack.gql(RELAY_PAGE, { after: null })).data.searchAccounts;
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    expect(first.pageInfo.startCursor).toBe(first.edges[0].cursor);
    expect(first.pageInfo.endCursor).toBe(first.edges[4].cursor);
    const next = await stack.gql(RELAY_PAGE, { after: first.pageInfo.endCursor });
    const second = next.data.searchAccounts;
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.pageInfo.startCursor).toBe(second.edges[0].cursor);
    expect(second.edges[0].node.uid).not.toBe(first.edges[4].node.uid);
  });

  it("an empty page has no start or end cursor", async () => {
    const none = await stack.gql(
      `{ searchAccounts(filter: { email: { eq: "nobody@nowhere.invalid" } }) {
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } } }`,
    );
    expect(none.data.searchAccounts).toEqual({
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      edges: [],
    });
  });
});

describe("an expired cursor", () => {
  it("is BAD_USER_INPUT on after (reason cursor_expired), and the search runs again from the start", async () => {
    const first = await stack.gql(PAGE, { after: null });
    const after = first.data.searchAccounts.pageInfo.endCursor;
    expect(first.data.searchAccounts.pageInfo.hasNextPage).toBe(true);
    const second = await stack.gql(PAGE, { after });
    expect(second.errors).toBeUndefined();
    skewMs = CURSOR_TTL_MS + 1000;
    const expired = await stack.gql(PAGE, { after });
    expect(expired.data.searchAccounts).toBeNull();
    expect(errorOf(expired)).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "after",
      reason: "cursor_expired",
      loginradius: { errorCode: 908 },
    });
    expect(expired.errors?.[0]?.message).toMatch(/run the search again without after/);
    const again = await stack.gql(PAGE, { after: null });
    expect(again.data.searchAccounts.edges).toEqual(first.data.searchAccounts.edges);
  });

  it("is not what a malformed search body's 908 says (another endpoint, the generic row)", async () => {
    await stack.lr.control("POST", "/faults", {
      kind: "error",
      status: 403,
      errorCode: 908,
      count: 1,
      route: "POST /identity",
    });
    const res = await stack.gql(PAGE, { after: null });
    expect(codeOf(res)).toBe("UPSTREAM_ERROR");
    expect(errorOf(res)?.reason).toBeUndefined();
  });
});

describe("the fields pushdown", () => {
  it("asks the search and its ?next= page for the selected profile keys only", async () => {
    const first = await stack.gql(PAGE, { after: null });
    await stack.gql(PAGE, { after: first.data.searchAccounts.pageInfo.endCursor });
    const calls = (await stack.calls()).filter((c) => c.path === "/identity");
    expect(calls.map((c) => c.method)).toEqual(["POST", "GET"]);
    // `uid` asks for Uid and the keys the Accounts loaders index profiles by, nothing else.
    const keys = calls[0]?.fields?.split(",") ?? [];
    expect(keys).toContain("Uid");
    expect(keys).not.toContain("FirstName");
    expect(keys.length).toBeLessThan(6);
    expect(calls[1]?.fields).toBe(calls[0]?.fields);
  });
});

describe("MAX_RESULT_ITEMS counts a page as first accounts", () => {
  it("refuses first: 1000 with ten fields per account (12,000 items) before any call", async () => {
    const res = await stack.gql(
      `{ searchAccounts(filter: {}, first: 1000) { edges { cursor node {
        uid firstName lastName fullName userName phone gender city emailVerified } } } }`,
    );
    expect(codeOf(res)).toBe("RESULT_LIMIT_EXCEEDED");
    expect(await stack.calls()).toEqual([]);
  });

  it("answers the same page with two fields per account", async () => {
    const res = await stack.gql(
      "{ searchAccounts(filter: {}, first: 1000) { edges { cursor node { uid firstName } } } }",
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.searchAccounts.edges).toHaveLength(60);
  });
});
