import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { costTableOf } from "../src/graphql/policy/index.js";
import { buildAppSchema } from "../src/schema.js";
import { SCOPE_NAMES } from "../src/sections.js";
import { ADA, MARGARET } from "./helpers/emulator.js";
import { errorOf, type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * Issue 18 through the graph against the emulator: `removeAccountPhoneId`, the `PASSKEY`
 * second-factor reset, refresh-token rotation as a client sees it, and a password refusal that
 * names the rule in our words. Each new mutation: its scope (FORBIDDEN, nothing upstream
 * without it), its audit lines, its cost row, and no retry where a repeat is not harmless.
 */
const M = "/identity/v2/manage/account";
/** The cost table as the service derives it from each field's `@Policy`. */
const COSTS = costTableOf(await buildAppSchema());
const PASSKEY_MFA = "/identity/v2/auth/account/2fa/authenticator/passkey";
const ALL = "tok-all";
const READ_ONLY = "tok-read";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: {
      AUTH_TOKENS: authTokensEnv({
        [ALL]: { name: "support-desk", scopes: [...SCOPE_NAMES] },
        [READ_ONLY]: { name: "viewer", scopes: ["accounts:read"] },
      }),
    },
  });
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.reset();
  stack.audit.length = 0;
  stack.auditLines.length = 0;
});

const gql = (query: string, token = ALL) => stack.gql(query, {}, { token });

describe("removeAccountPhoneId", () => {
  it("removes the phone ID with one account update and returns the account", async () => {
    const res = await gql(
      `mutation { removeAccountPhoneId(uid: "${ADA}") { uid phone phoneVerified } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.removeAccountPhoneId).toEqual({ uid: ADA, phone: null, phoneVerified: false });
    const calls = await stack.calls();
    expect(calls.map((c) => c.route)).toEqual([`PUT ${M}/{uid}`]);
    expect(calls[0]?.query).toContain("nullSupport");
    const byPhone = await gql(`{ accountByPhone(phone: "+14155550101") { uid } }`);
    expect(byPhone.data.accountByPhone).toBeNull();
  });

  it("is audited, intent before outcome, with the UID", async () => {
    await gql(`mutation { removeAccountPhoneId(uid: "${ADA}") { uid } }`);
    expect(
      stack.auditLines.map((a) => [a.phase, a.field, a.uid, a.outcome ?? null, a.caller]),
    ).toEqual([
      ["intent", "Mutation.removeAccountPhoneId", ADA, null, "support-desk"],
      ["outcome", "Mutation.removeAccountPhoneId", ADA, "ok", "support-desk"],
    ]);
  });

  it("without accounts:write: FORBIDDEN and nothing upstream", async () => {
    const res = await gql(`mutation { removeAccountPhoneId(uid: "${ADA}") { uid } }`, READ_ONLY);
    expect(errorOf(res)).toMatchObject({ code: "FORBIDDEN", scope: "accounts:write" });
    expect(await stack.calls()).toEqual([]);
  });

  it("an unknown account is NOT_FOUND; a bad UID BAD_USER_INPUT before any call", async () => {
    const missing = await gql(`mutation { removeAccountPhoneId(uid: "no-such-uid") { uid } }`);
    expect(errorOf(missing)).toMatchObject({ code: "NOT_FOUND", loginradius: { errorCode: 938 } });
    await stack.reset();
    const bad = await gql(`mutation { removeAccountPhoneId(uid: "a b") { uid } }`);
    expect(errorOf(bad)?.code).toBe("BAD_USER_INPUT");
    expect(await stack.calls()).toEqual([]);
  });

  it("has a cost row like updateAccountPhoneId", () => {
    expect(COSTS["Mutation.removeAccountPhoneId"]).toEqual(COSTS["Mutation.updateAccountPhoneId"]);
  });
});

describe("resetAuthenticator(kind: PASSKEY)", () => {
  it("resets the passkey second factor at the documented path; again is FAILED_PRECONDITION (1328)", async () => {
    const res = await gql(
      `mutation { resetAuthenticator(uid: "${MARGARET}", kind: PASSKEY) { uid } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.resetAuthenticator).toEqual({ uid: MARGARET });
    expect(await stack.routes()).toEqual([`DELETE ${PASSKEY_MFA}`]);
    const again = await gql(
      `mutation { resetAuthenticator(uid: "${MARGARET}", kind: PASSKEY) { uid } }`,
    );
    expect(errorOf(again)).toMatchObject({
      code: "FAILED_PRECONDITION",
      field: "kind",
      loginradius: { errorCode: 1328 },
    });
    expect(again.errors?.[0]?.message).toBe("The account has no passkey second factor to reset.");
    expect(stack.audit.map((a) => [a.field, a.uid, a.outcome])).toEqual([
      ["Mutation.resetAuthenticator", MARGARET, "ok"],
      ["Mutation.resetAuthenticator", MARGARET, "error"],
    ]);
  });

  it("is never retried: a 500 after sending is one call and UPSTREAM_OUTCOME_UNKNOWN", async () => {
    await stack.lr.control("POST", "/faults", {
      kind: "error",
      status: 500,
      count: 5,
      route: `DELETE ${PASSKEY_MFA}`,
    });
    const res = await gql(
      `mutation { resetAuthenticator(uid: "${MARGARET}", kind: PASSKEY) { uid } }`,
    );
    expect(errorOf(res)?.code).toBe("UPSTREAM_OUTCOME_UNKNOWN");
    expect(await stack.routes()).toEqual([`DELETE ${PASSKEY_MFA}`]);
  });

  it("without accounts:security: FORBIDDEN and nothing upstream; the cost row is the other resets'", async () => {
    const res = await gql(
      `mutation { resetAuthenticator(uid: "${MARGARET}", kind: PASSKEY) { uid } }`,
      READ_ONLY,
    );
    expect(errorOf(res)).toMatchObject({ code: "FORBIDDEN", scope: "accounts:security" });
    expect(await stack.calls()).toEqual([]);
    expect(COSTS["Mutation.resetAuthenticator"]).toEqual({});
  });
});

describe("refresh-token rotation through the graph", () => {
  it("refreshAccessToken returns a new refresh token; the used one is BAD_USER_INPUT (1217)", async () => {
    const issued = await gql(
      `mutation { issueAccessToken(uid: "${ADA}", reason: "ticket 18") { accessToken refreshToken } }`,
    );
    const first = issued.data.issueAccessToken.refreshToken as string;
    const refreshed = await gql(
      `mutation { refreshAccessToken(refreshToken: "${first}") { accessToken refreshToken } }`,
    );
    const second = refreshed.data.refreshAccessToken.refreshToken as string;
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    const replay = await gql(
      `mutation { refreshAccessToken(refreshToken: "${first}") { accessToken } }`,
    );
    expect(errorOf(replay)).toMatchObject({
      code: "BAD_USER_INPUT",
      loginradius: { errorCode: 1217 },
    });
    const next = await gql(
      `mutation { refreshAccessToken(refreshToken: "${second}") { refreshToken } }`,
    );
    expect(next.errors).toBeUndefined();
  });
});

describe("a refused password names the rule, in our words", () => {
  const create = (password: string) =>
    gql(
      `mutation { createAccount(input: { emails: [{ type: "Primary", value: "rules@example.net" }], password: "${password}" }) { uid } }`,
    );

  it.each([
    ["abc", "MIN_LENGTH", "The password is shorter than the site's minimum length."],
    ["x".repeat(40), "MAX_LENGTH", "The password is longer than the site's maximum length."],
    [
      "password1",
      "COMMON_PASSWORD",
      "The password is too weak: it is commonly used or known from a breach.",
    ],
  ])("createAccount with %j: rule %s", async (password, rule, message) => {
    const res = await create(password);
    expect(res.errors?.[0]?.message).toBe(message);
    expect(errorOf(res)).toMatchObject({ code: "BAD_USER_INPUT", rule, field: "password" });
    // LoginRadius's own wording ("must be at least 6 characters") never reaches the client.
    expect(JSON.stringify(res)).not.toMatch(/characters long|at least|at most|vulnerab/i);
  });

  it("setAccountPassword too short: MIN_LENGTH on the password argument", async () => {
    const res = await gql(
      `mutation { setAccountPassword(uid: "${ADA}", password: "abc", reason: "ticket 18") { uid } }`,
    );
    expect(errorOf(res)).toMatchObject({
      code: "BAD_USER_INPUT",
      rule: "MIN_LENGTH",
      loginradius: { errorCode: 1134 },
    });
  });

  it("a 1134 on other fields carries no rule", async () => {
    const res = await gql(
      `mutation { updateAccount(uid: "${ADA}", input: { userName: "has space" }) { uid } }`,
    );
    expect(errorOf(res)?.code).toBe("BAD_USER_INPUT");
    expect(errorOf(res)).not.toHaveProperty("rule");
  });
});
