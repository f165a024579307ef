import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuditEntry } from "../src/graphql/audit/index.js";
import { ADA, GRACE } from "./helpers/emulator.js";
import { codeOf, errorOf, type Stack, startStack } from "./helpers/stack.js";

/**
 * What the audit lines say, and what a caller may not slip past them. On the main before this
 * change: generateSmsOtp, deleteRole and deleteCustomObjectRecord lines named no phone, role or
 * record; a reason of two zero-width spaces passed; a caller's X-Request-Id became the audit's
 * id; a document with two operations and no operationName was an HTTP 500.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.reset();
  stack.auditLines.length = 0;
  stack.audit.length = 0;
});

/** The intent and outcome line of the one audited field of the last operation. */
const pair = (): [AuditEntry, AuditEntry] => {
  expect(stack.auditLines.map((line) => line.phase)).toEqual(["intent", "outcome"]);
  const [intent, outcome] = stack.auditLines as [AuditEntry, AuditEntry];
  expect(outcome.auditId).toBe(intent.auditId);
  return [intent, outcome];
};

describe("each line names what is acted on", () => {
  it.each([
    [
      "generateSmsOtp: the phone and the OTP type",
      'mutation { generateSmsOtp(type: PHONE_ID_VERIFICATION, phone: "+447700900123") { expiresAt } }',
      { field: "Mutation.generateSmsOtp", phone: "+447700900123", type: "PHONE_ID_VERIFICATION" },
    ],
    [
      "deleteRole: the role",
      'mutation { deleteRole(name: "billing") { deleted } }',
      { field: "Mutation.deleteRole", name: "billing" },
    ],
    [
      "deleteCustomObjectRecord: the account, the object and the record",
      `mutation { deleteCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "rec-0001") { deleted } }`,
      {
        field: "Mutation.deleteCustomObjectRecord",
        uid: ADA,
        objectName: "addresses",
        recordId: "rec-0001",
      },
    ],
    [
      "removePasskey: the account and the passkey",
      `mutation { removePasskey(uid: "${ADA}", passkeyId: "pk-0001") { uid } }`,
      { field: "Mutation.removePasskey", uid: ADA, passkeyId: "pk-0001" },
    ],
    [
      "createRoles: each role and its permissions, from the nested input",
      'mutation { createRoles(roles: [{ name: "auditors", permissions: ["read:logs"] }]) { name } }',
      {
        field: "Mutation.createRoles",
        "roles.name": ["auditors"],
        "roles.permissions": ["read:logs"],
      },
    ],
    [
      "upsertAccountRoleContexts: the account, each context and its roles",
      `mutation { upsertAccountRoleContexts(uid: "${GRACE}", contexts: [{ context: "eu-tenant", roles: ["editor"] }]) { uid } }`,
      {
        field: "Mutation.upsertAccountRoleContexts",
        uid: GRACE,
        "contexts.context": ["eu-tenant"],
        "contexts.roles": ["editor"],
      },
    ],
  ])("%s, in the intent line and the outcome line", async (_, query, named) => {
    await stack.gql(query);
    const [intent, outcome] = pair();
    expect(intent).toMatchObject({ ...named, phase: "intent" });
    expect(intent).not.toHaveProperty("outcome");
    expect(outcome).toMatchObject({ ...named, phase: "outcome", outcome: expect.any(String) });
  });

  it("createAccount: the email, phone and user name; never the password; the new uid after", async () => {
    const res = await stack.gql(
      `mutation { createAccount(input: { emails: [{ type: "Primary", value: "new.person@example.com" }], password: "Very-Secret-Pass-9", userName: "newperson", phone: "+14155550142" }) { uid } }`,
    );
    expect(res.errors).toBeUndefined();
    const [intent, outcome] = pair();
    expect(intent).toMatchObject({
      "input.emails.value": ["new.person@example.com"],
      "input.userName": "newperson",
      "input.phone": "+14155550142",
    });
    expect(intent).not.toHaveProperty("uid");
    expect(outcome).toMatchObject({ outcome: "ok", uid: res.data.createAccount.uid });
    expect(JSON.stringify(stack.auditLines)).not.toContain("Very-Secret-Pass-9");
  });

  it("a secret read reached through _entities or an alias is audited like any other", async () => {
    const res = await stack.gql(
      `query Via($r: [_Any!]!) { _entities(representations: $r) { ... on Account { h: passwordHash } } }`,
      { r: [{ __typename: "Account", uid: ADA }] },
    );
    expect(res.errors).toBeUndefined();
    const [intent, outcome] = pair();
    expect(intent).toMatchObject({ field: "Account.passwordHash", alias: "h", uid: ADA });
    expect(outcome).toMatchObject({ outcome: "ok" });
    expect(JSON.stringify(stack.auditLines)).not.toContain(res.data._entities[0].h);
  });

  it("keeps token and code values out: validateReauthentication names the kind, not the token", async () => {
    await stack.gql(
      `mutation { validateReauthentication(uid: "${ADA}", kind: TWO_FACTOR, token: "step-up-secret-123") { valid } }`,
    );
    const [intent] = pair();
    expect(intent).toMatchObject({ uid: ADA, kind: "TWO_FACTOR" });
    expect(JSON.stringify(stack.auditLines)).not.toContain("step-up-secret-123");
  });
});

describe("reason: at least 3 visible letters or digits", () => {
  it.each([
    ["two zero-width spaces", "\u200b\u200b"],
    ["punctuation only", "-- ... !!"],
    ["two letters", "a b"],
    ["a right-to-left override disguising the text", "\u202eGDPR 1234"],
    ["a control character", "ticket 42\u0007"],
  ])("refuses %s with BAD_USER_INPUT and sends nothing", async (_, reason) => {
    const res = await stack.gql(
      `mutation($r: String!) { deleteAccount(uid: "${GRACE}", reason: $r) { deleted } }`,
      { r: reason },
    );
    expect(errorOf(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    expect(await stack.calls()).toEqual([]);
    // The attempt is on record, refused.
    const [, outcome] = pair();
    expect(outcome).toMatchObject({ outcome: "error", code: "BAD_USER_INPUT" });
  });

  it.each(["GDPR", "INC-42", "ticket 7", "Löschung gemäß Art. 17", "工单一二三"])(
    "accepts %j",
    async (reason) => {
      const res = await stack.gql(
        `mutation($r: String!) { deleteAccount(uid: "${GRACE}", reason: $r) { deleted } }`,
        { r: reason },
      );
      expect(res.errors).toBeUndefined();
      expect(pair()[0]).toMatchObject({ reason });
    },
  );
});

describe("request ids: the service's own is the key", () => {
  it("files a caller's X-Request-Id as clientRequestId, never as the request id", async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "victim-req-0001" },
      body: JSON.stringify({
        query: `mutation { revokeAllRefreshTokens(uid: "${ADA}") { revoked } }`,
      }),
    });
    const answered = res.headers.get("x-request-id");
    expect(answered).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const [intent, outcome] = pair();
    for (const line of [intent, outcome])
      expect(line).toMatchObject({ requestId: answered, clientRequestId: "victim-req-0001" });
  });

  it("gives two requests with the same X-Request-Id two ids", async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${stack.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "same-id" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      ids.add(res.headers.get("x-request-id"));
    }
    expect(ids.size).toBe(2);
    expect(ids.has("same-id")).toBe(false);
  });
});

describe("a document with several operations", () => {
  const WHOLE = readFileSync("examples/account-security.graphql", "utf8");
  const postWhole = async (operationName?: string) => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: WHOLE, variables: { uid: ADA }, operationName }),
    });
    return { status: res.status, ...((await res.json()) as { errors?: [] }) };
  };

  it.each([
    ["no operationName", undefined],
    ["an unknown operationName", "NoSuchOperation"],
  ])("with %s is a 400 OPERATION_RESOLUTION_FAILURE, nothing run", async (_, name) => {
    const res = await postWhole(name);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe("OPERATION_RESOLUTION_FAILURE");
    expect(await stack.calls()).toEqual([]);
    expect(stack.auditLines).toEqual([]);
  });

  it("runs the one it names", async () => {
    const res = await postWhole("SecurityOverview");
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });
});
