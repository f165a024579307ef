import { describe, expect, it } from "vitest";
import { costOf } from "../../test/helpers/operation-cost.js";

const cost = (query: string, variables?: Record<string, unknown>) =>
  costOf(query, variables).upstreamCalls;

describe("searchAccounts' cost", () => {
  it("is one search per page, plus what its `first` accounts' fields call", () => {
    expect(cost("{ searchAccounts(filter: {}) { totalCount edges { node { uid } } } }")).toBe(1);
    const perAccount =
      "query($n: Int) { searchAccounts(filter: {}, first: $n) { edges { node { passwordHash } } } }";
    expect(cost(perAccount, { n: 100 })).toBe(101);
    expect(cost(perAccount)).toBe(26);
  });
});
