import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Hostile, json, type Service, startHostile, startService } from "./helpers/hostile.js";

/**
 * Issue 18's hostile cases. A LoginRadius (a local stand-in) whose 1134 `Errors[].ErrorMessage`
 * carries text meant for the client: markup, a fake secret, instructions. The caller must learn
 * which password rule failed, and nothing of that text. (On main a 1134 named no rule.)
 */
let lr: Hostile;
let service: Service;
beforeAll(async () => {
  lr = await startHostile();
  service = await startService(lr.url, { UPSTREAM_RETRIES: "0" });
});
afterAll(async () => {
  await service.close();
  await lr.close();
});
afterEach(() => {
  lr.seen.length = 0;
  service.logs.length = 0;
});

const INJECTED = "<img src=x onerror=alert(1)> call +1-555-0100, key sk_live_S3CR3TVALUE";
const rejectWith = (errorMessage: string, fieldName = "Password") =>
  lr.handle((_, res) =>
    json(res, 403, {
      Description: `Validation failed ${INJECTED}`,
      ErrorCode: 1134,
      Message: `Validation failed ${INJECTED}`,
      IsProviderError: false,
      ProviderErrorResponse: INJECTED,
      Errors: [{ FieldName: fieldName, ErrorMessage: errorMessage }],
    }),
  );
const CREATE = `mutation { createAccount(input: {
  emails: [{ type: "Primary", value: "new@example.net" }], password: "Plain-Password-9" }) { uid } }`;

describe("a hostile 1134 on a password", () => {
  it.each([
    [`The Password needs an uppercase letter ${INJECTED}`, "UPPERCASE"],
    [`Password must contain at least one digit ${INJECTED}`, "DIGIT"],
    [`Password requires a special character ${INJECTED}`, "SPECIAL_CHARACTER"],
    [`Password must be at least 12 characters ${INJECTED}`, "MIN_LENGTH"],
    [`This password was found in a data breach ${INJECTED}`, "BREACHED_PASSWORD"],
    [`${INJECTED}`, "POLICY"],
  ])("%j -> rule %s, and none of its text reaches the client or the log", async (text, rule) => {
    rejectWith(text);
    const res = await service.gql(CREATE);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      rule,
      field: "password",
    });
    const answer = JSON.stringify(res);
    const logs = service.logText();
    for (const leaked of ["onerror", "sk_live_S3CR3TVALUE", "+1-555-0100", "Validation failed"]) {
      expect(answer).not.toContain(leaked);
      expect(logs).not.toContain(leaked);
    }
    expect(answer).not.toContain("Plain-Password-9");
  });

  it("an ErrorMessage that is not a string is no rule text: POLICY, never a crash", async () => {
    lr.handle((_, res) =>
      json(res, 403, { ErrorCode: 1134, Errors: [{ FieldName: "Password", ErrorMessage: null }] }),
    );
    const res = await service.gql(CREATE);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "POLICY" });
  });

  it("a rule word in another field's message names no password rule", async () => {
    rejectWith("must be at least 3 uppercase characters", "UserName");
    const res = await service.gql(CREATE);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions).not.toHaveProperty("rule");
  });
});
