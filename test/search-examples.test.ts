import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccountsWithRoleDocument,
  FindCustomerDocument,
  LockedAccountsSinceDocument,
} from "../src/generated/graphql.js";
import { ADA, KATHERINE } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { runTyped } from "./helpers/typed.js";

/** examples/find-accounts.graphql (docs/finding-accounts.md) works as shown, as typed documents. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ emulator: { searchPerSecond: 0 } });
});
afterAll(() => stack.close());

describe("examples/find-accounts.graphql", () => {
  it("FindCustomer finds Ada by a word of her email or name", async () => {
    for (const words of ["ada@example.com", "LOVELACE"]) {
      const res = await runTyped(stack, FindCustomerDocument, { words });
      expect(res.errors).toBeUndefined();
      const found = res.data?.searchAccounts?.edges.map((e) => e.node.uid);
      expect(found).toContain(ADA);
    }
  });

  it("LockedAccountsSince lists Katherine with her role contexts, in one search", async () => {
    await stack.reset();
    const res = await runTyped(stack, LockedAccountsSinceDocument, { since: "2000-01-01" });
    expect(res.errors).toBeUndefined();
    const nodes = res.data?.searchAccounts?.edges.map((e) => e.node) ?? [];
    expect(nodes.map((n) => n.uid)).toContain(KATHERINE);
    expect(nodes.every((n) => Array.isArray(n.roleContexts))).toBe(true);
    const routes = await stack.calls();
    expect(routes.filter((c) => c.path === "/identity")).toHaveLength(1);
  });

  it("AccountsWithRole pages with endCursor until hasNextPage is false", async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    let total: number | null | undefined;
    do {
      const res = await runTyped(stack, AccountsWithRoleDocument, {
        role: "admin",
        first: 2,
        ...(after ? { after } : {}),
      });
      expect(res.errors).toBeUndefined();
      const page = res.data?.searchAccounts;
      total = page?.totalCount;
      seen.push(...(page?.edges.map((e) => e.node.uid) ?? []));
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total ?? -1);
    expect(seen).toContain(ADA);
  });
});
