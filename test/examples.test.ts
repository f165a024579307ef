import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoReauthToken } from "../src/emulator/security/seed.js";
import {
  AddAddressDocument,
  CheckStepUpDocument,
  FirstQueryDocument,
  GrantRoleUntilDocument,
  MintSottDocument,
  RemovePasskeyDocument,
  ResetAuthenticatorDocument,
  ResetBackupCodesDocument,
  RolesInTenantDocument,
  SavedAddressesDocument,
  SecurityOverviewDocument,
  SendLoginCodeDocument,
  SendPasswordlessLinkDocument,
  UnlockAccountDocument,
  UpdateAccountDocument,
} from "../src/generated/graphql.js";
import { ADA, ALAN, GRACE, KATHERINE, LINUS, LINUS_SOCIAL, MARGARET } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { runTyped } from "./helpers/typed.js";

/**
 * The operations of examples/ (which the README and docs/graph.md point to) work as shown, against the demo data. They run as the typed
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
    expect(res.data?.sharing?.map((a) => a.uid)).toEqual([LINUS, LINUS_SOCIAL]);
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
    expect(res.data?.updateAccount?.customFields).toMatchObject({ team: "poetry" });
  });
  it("account-security.graphql works a support ticket from the demo data", async () => {
    const overview = await runTyped(stack, SecurityOverviewDocument, { uid: KATHERINE });
    expect(overview.errors).toBeUndefined();
    expect(overview.data?.accountByUid?.lockState).toEqual({
      locked: true,
      lockedType: "Suspended",
      lockedUntil: null,
    });
    const unlocked = await runTyped(stack, UnlockAccountDocument, { uid: KATHERINE });
    expect(unlocked.data?.unlockAccount?.lockState?.locked).toBe(false);

    const ada = await runTyped(stack, SecurityOverviewDocument, { uid: ADA });
    const [laptop] = ada.data?.accountByUid?.passkeys ?? [];
    expect(ada.data?.accountByUid?.consentLogs).toHaveLength(2);
    const removed = await runTyped(stack, RemovePasskeyDocument, {
      uid: ADA,
      passkeyId: laptop?.id ?? "",
    });
    expect(removed.data?.removePasskey?.account?.passkeys).toHaveLength(1);

    const reset = await runTyped(stack, ResetAuthenticatorDocument, {
      uid: MARGARET,
      kind: "AUTHENTICATOR_APP",
    });
    expect(reset.data?.resetAuthenticator?.uid).toBe(MARGARET);
    const codes = await runTyped(stack, ResetBackupCodesDocument, { uid: ADA });
    expect(codes.data?.resetBackupCodes?.codes).toHaveLength(10);
    const stepUp = await runTyped(stack, CheckStepUpDocument, {
      uid: ADA,
      kind: "TWO_FACTOR",
      token: demoReauthToken(ADA, "2fa"),
    });
    expect(stepUp.data?.validateReauthentication?.valid).toBe(true);
  });

  it("tokens.graphql sends a login code and link, and mints a SOTT", async () => {
    const sms = await runTyped(stack, SendLoginCodeDocument, { phone: "+14155550101" });
    expect(sms.data?.generateSmsOtp?.type).toBe("PASSWORDLESS_LOGIN");
    const link = await runTyped(stack, SendPasswordlessLinkDocument, { email: "ada@example.com" });
    expect(link.data?.generateEmailToken?.expiresAt).toBeTruthy();
    const sott = await runTyped(stack, MintSottDocument, { minutes: 15 });
    expect(sott.data?.generateSott?.sott).toContain("*");
  });

  it("roles-in-tenant.graphql lists the EU tenant's members and the roles", async () => {
    const res = await runTyped(stack, RolesInTenantDocument, { context: "eu-tenant" });
    expect(res.errors).toBeUndefined();
    expect(res.data?.roles?.find((r) => r.name === "viewer")?.permissions).toEqual([
      "content:read",
    ]);
    const alan = res.data?.accountsInRoleContext?.find((m) => m.uid === ALAN);
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
    expect(res.data?.upsertAccountRoleContexts?.account?.roleContexts).toContainEqual({
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
    const labels = res.data?.accountByEmail?.customObjects?.map((r) => r.data?.label);
    expect(labels).toEqual(["home", "work", "holiday"]);
  });
});
