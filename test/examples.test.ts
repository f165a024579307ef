import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddAddressDocument,
  FirstQueryDocument,
  GrantRoleUntilDocument,
  RolesInTenantDocument,
  SavedAddressesDocument,
  UpdateAccountDocument,
} from "../src/generated/graphql.js";
import { ADA, ALAN, GRACE, LINUS, LINUS_SOCIAL } from "./helpers/emulator.js";
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

  it("roles-in-tenant.graphql lists the EU tenant's members and the roles", async () => {
    const res = await runTyped(stack, RolesInTenantDocument, { context: "eu-tenant" });
    expect(res.errors).toBeUndefined();
    expect(res.data?.roles.find((r) => r.name === "viewer")?.permissions).toEqual(["content:read"]);
    const alan = res.data?.accountsInRoleContext.find((m) => m.uid === ALAN);
    expect(alan?.roleContext).toMatchObject({ roles: ["viewer"], expired: true });
  });

  it("grant-role-until.graphql gives a role within a context until a time", async () => {
    const until = "2031-01-03T17:00:00.000Z";
    const res = await runTyped(stack, GrantRoleUntilDocument, {
      uid: GRACE,
      context: "billing-desk",
      role: "billing",
      until,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.upsertAccountRoleContexts.account?.roleContexts).toContainEqual({
      context: "billing-desk",
      roles: ["billing"],
      expiresAt: until,
    });
  });

  it("saved-addresses.graphql and add-address.graphql read and add an address", async () => {
    const added = await runTyped(stack, AddAddressDocument, {
      uid: ADA,
      address: { label: "holiday", city: "Nice", country: "FR" },
    });
    expect(added.errors).toBeUndefined();
    const res = await runTyped(stack, SavedAddressesDocument, { email: "ada@example.com" });
    expect(res.errors).toBeUndefined();
    const labels = res.data?.accountByEmail?.customObjects.map((r) => r.data.label);
    expect(labels).toEqual(["home", "work", "holiday"]);
  });
});
