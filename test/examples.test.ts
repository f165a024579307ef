import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FirstQueryDocument, UpdateAccountDocument } from "../src/generated/graphql.js";
import { ADA, LINUS, LINUS_SOCIAL } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { runTyped } from "./helpers/typed.js";

/**
 * The operations the README shows work as shown, against the demo data. They run as the typed
 * documents codegen makes from examples/*.graphql, so a field the schema drops or retypes fails
 * the typecheck before it fails here.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe("examples/", () => {
  it("first-query.graphql answers from the demo data", async () => {
    const res = await runTyped(stack, FirstQueryDocument);
    expect(res.errors).toBeUndefined();
    expect(res.data?.accountByEmail).toMatchObject({
      uid: ADA,
      fullName: "Ada Lovelace",
      roles: ["admin"],
    });
    expect(res.data?.sharing.map((a) => a.uid)).toEqual([LINUS, LINUS_SOCIAL]);
  });

  it("update-account.graphql changes an account", async () => {
    const res = await runTyped(stack, UpdateAccountDocument, {
      uid: ADA,
      input: { firstName: "Augusta", customFields: { team: "poetry" } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateAccount).toMatchObject({
      uid: ADA,
      firstName: "Augusta",
      lastName: "Lovelace",
    });
    expect(res.data?.updateAccount.customFields).toMatchObject({ team: "poetry" });
  });
});
