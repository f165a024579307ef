import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FILTER_DEPTH } from "../src/search/filter.query.js";
import { ADA, GRACE } from "./helpers/emulator.js";
import { codeOf, errorOf, type Stack, startStack } from "./helpers/stack.js";

/**
 * The operators test/search.test.ts leaves out, per field kind, against the emulator's seed:
 * Ada (created 2024-01-15T09:30Z, signed in once, last 2024-01-17) and Grace (created the same
 * day at 16:30Z, never signed in: no LastLoginDate, NoOfLogins 0).
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ emulator: { searchPerSecond: 0 } });
});
afterAll(() => stack.close());

const found = async (filter: object): Promise<string[]> => {
  const res = await stack.gql(
    "query($f: AccountFilter!) { searchAccounts(filter: $f, first: 1000) { edges { node { uid } } } }",
    { f: filter },
  );
  expect(res.errors).toBeUndefined();
  return res.data.searchAccounts.edges.map((e: { node: { uid: string } }) => e.node.uid);
};

describe("searchAccounts: the rest of the operators", () => {
  it.each([
    ["uid.eq", { uid: { eq: ADA } }, ADA, true],
    ["lastName.eq", { lastName: { eq: "Lovelace" } }, ADA, true],
    ["lastName.eq is case-sensitive", { lastName: { eq: "lovelace" } }, ADA, false],
    ["lastName.contains ignores case", { lastName: { contains: "LOVELACE" } }, ADA, true],
    ["roles.in", { roles: { in: ["billing", "admin"] } }, ADA, true],
    ["gender.in", { gender: { in: ["M"] } }, ADA, false],
    ["email.exists", { email: { exists: true }, firstName: { eq: "Ada" } }, ADA, true],
    [
      "locked false, active, not deleted",
      { locked: false, active: true, deleted: false },
      ADA,
      true,
    ],
    ["locked true", { locked: true }, ADA, false],
    ["phoneIdVerified", { phoneIdVerified: true }, ADA, true],
    ["emailVerified false", { emailVerified: false }, GRACE, true],
    ["createdDate.on a day", { createdDate: { on: "2024-01-15" } }, ADA, true],
    ["createdDate.before that day", { createdDate: { before: "2024-01-15" } }, ADA, false],
    ["createdDate.onOrAfter that day", { createdDate: { onOrAfter: "2024-01-15" } }, ADA, true],
    [
      "createdDate between instants",
      { createdDate: { after: "2024-01-15T09:00:00Z", before: "2024-01-15T10:00:00Z" } },
      ADA,
      true,
    ],
    [
      "the same range misses Grace",
      { createdDate: { after: "2024-01-15T09:00:00Z", before: "2024-01-15T10:00:00Z" } },
      GRACE,
      false,
    ],
    ["modifiedDate.onOrBefore", { modifiedDate: { onOrBefore: "2024-01-16" } }, ADA, true],
    ["lastLoginDate.exists", { lastLoginDate: { exists: true } }, ADA, true],
    ["lastLoginDate.exists false", { lastLoginDate: { exists: false } }, GRACE, true],
    ["loginCount.eq", { loginCount: { eq: 1 }, firstName: { eq: "Ada" } }, ADA, true],
    ["loginCount.gt", { loginCount: { gt: 1 }, firstName: { eq: "Ada" } }, ADA, false],
    ["loginCount.gte and lte", { loginCount: { gte: 0, lte: 0 } }, GRACE, true],
    ["loginCount.lt", { loginCount: { lt: 1 } }, ADA, false],
  ])("%s", async (_name, filter, uid, expected) => {
    expect((await found(filter)).includes(uid)).toBe(expected);
  });

  it("not over a date range also finds accounts without the date", async () => {
    const filter = { not: { lastLoginDate: { after: "2020-01-01" } } };
    const uids = await found(filter);
    expect(uids).toContain(GRACE);
    expect(uids).not.toContain(ADA);
  });

  it("not over a count, and not nested in or", async () => {
    expect(await found({ not: { loginCount: { gt: 0 } }, uid: { in: [ADA, GRACE] } })).toEqual([
      GRACE,
    ]);
    const either = await found({
      or: [{ not: { firstName: { eq: "Ada" } } }, { lastName: { eq: "Lovelace" } }],
      uid: { in: [ADA, GRACE] },
    });
    expect(either.sort()).toEqual([ADA, GRACE].sort());
  });
});

describe("searchAccounts: the nesting bound, with nothing sent", () => {
  it(`takes and/or/not ${MAX_FILTER_DEPTH} deep and refuses one more`, async () => {
    const nest = (depth: number) => {
      let filter: object = { firstName: { eq: "Ada" } };
      for (let i = 0; i < depth; i++) filter = i % 2 ? { not: filter } : { and: [filter] };
      return filter;
    };
    expect(await found(nest(MAX_FILTER_DEPTH))).toEqual([ADA]);
    await stack.reset();
    const res = await stack.gql(
      "query($f: AccountFilter!) { searchAccounts(filter: $f) { totalCount } }",
      { f: nest(MAX_FILTER_DEPTH + 1) },
    );
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(String(errorOf(res)?.field)).toMatch(/^filter\./);
    expect(await stack.calls()).toEqual([]);
  });
});
