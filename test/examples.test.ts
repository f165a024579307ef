import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  FirstQueryQuery,
  UpdateAccountMutation,
  UpdateAccountMutationVariables,
} from "../src/generated/operations.js";
import { ADA, LINUS, LINUS_SOCIAL } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

/** The operations the README shows work as shown, against the demo data. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const example = (name: string) =>
  readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");

describe("examples/", () => {
  it("first-query.graphql answers from the demo data", async () => {
    const res = await stack.gql(example("first-query.graphql"));
    expect(res.errors).toBeUndefined();
    const data = res.data as FirstQueryQuery;
    expect(data.accountByEmail).toMatchObject({
      uid: ADA,
      fullName: "Ada Lovelace",
      roles: ["admin"],
    });
    expect(data.sharing.map((a) => a.uid)).toEqual([LINUS, LINUS_SOCIAL]);
  });

  it("update-account.graphql changes an account", async () => {
    const variables: UpdateAccountMutationVariables = {
      uid: ADA,
      input: { firstName: "Augusta", customFields: { team: "poetry" } },
    };
    const res = await stack.gql(example("update-account.graphql"), variables);
    expect(res.errors).toBeUndefined();
    const data = res.data as UpdateAccountMutation;
    expect(data.updateAccount).toMatchObject({
      uid: ADA,
      firstName: "Augusta",
      lastName: "Lovelace",
    });
    expect(data.updateAccount.customFields).toMatchObject({ team: "poetry" });
  });
});
