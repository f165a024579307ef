import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, GRACE } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

/**
 * Multipurpose tokens and SOTT through HTTP against the emulator: every type, the messages
 * sent, not-found and validation, never retried, the side-effect budget, the audit line.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.reset();
  stack.audit.length = 0;
});

const M = "/identity/v2/manage/account";
const outbox = async (): Promise<{ channel: string; kind: string; to: string }[]> =>
  (await stack.lr.control("GET", "/outbox")).body.messages;

const EMAIL_CASES: [string, string, string][] = [
  ["EMAIL_VERIFICATION", 'email: "grace@example.com"', "grace@example.com"],
  [
    "ADD_EMAIL",
    `email: "ada.new@example.net", emailType: "Secondary", uid: "${ADA}"`,
    "ada.new@example.net",
  ],
  ["FORGOT_PASSWORD", 'userName: "ada"', "ada@example.com"],
  ["DELETE_USER", `uid: "${GRACE}"`, "grace@example.com"],
  ["PASSWORDLESS_LOGIN", 'email: "ada@example.com"', "ada@example.com"],
  ["FORGOT_PIN", 'email: "ada@example.com"', "ada@example.com"],
  [
    "ONE_TOUCH_LOGIN",
    'email: "someone.new@example.org", clientGuid: "guid-1"',
    "someone.new@example.org",
  ],
  ["AUTO_LOGIN", 'email: "ada@example.com", clientGuid: "guid-2"', "ada@example.com"],
];

describe("generateEmailToken", () => {
  it.each(EMAIL_CASES)("%s mints a token and LoginRadius emails it", async (type, args, to) => {
    const res = await stack.gql(
      `mutation { generateEmailToken(type: ${type}, ${args}) { type token expiresAt identityProviders } }`,
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data.generateEmailToken;
    expect(payload).toMatchObject({ type, token: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(Date.parse(payload.expiresAt)).toBeGreaterThan(Date.now());
    expect(await outbox()).toEqual([expect.objectContaining({ channel: "email", to })]);
    const [audit] = stack.audit;
    expect(audit).toMatchObject({ field: "Mutation.generateEmailToken", outcome: "ok" });
    expect(JSON.stringify(stack.audit)).not.toContain(payload.token);
    expect(await stack.calls()).toHaveLength(1);
  });

  it("NOT_FOUND for an unknown email, CONFLICT for an address in use, FAILED_PRECONDITION when verified", async () => {
    const res = await stack.gql(`mutation {
      unknown: generateEmailToken(type: FORGOT_PIN, email: "nobody@example.com") { token }
    }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const taken = await stack.gql(
      `mutation { generateEmailToken(type: ADD_EMAIL, email: "grace@example.com", emailType: "Secondary", uid: "${ADA}") { token } }`,
    );
    expect(taken.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const verified = await stack.gql(
      'mutation { generateEmailToken(type: EMAIL_VERIFICATION, email: "ada@example.com") { token } }',
    );
    expect(verified.errors?.[0]?.extensions?.code).toBe("FAILED_PRECONDITION");
    expect(await outbox()).toEqual([]);
  });

  it("refuses arguments the type does not take with BAD_USER_INPUT and no call", async () => {
    const res = await stack.gql(
      `mutation { generateEmailToken(type: DELETE_USER, uid: "${ADA}", clientGuid: "g") { token } }`,
    );
    expect(res.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "clientGuid" });
    expect(await stack.calls()).toEqual([]);
  });
});

const SMS_CASES: [string, string][] = [
  ["ADD_PHONE", `phone: "+14155550999", uid: "${ADA}"`],
  ["PHONE_ID_VERIFICATION", 'phone: "+447700900123"'],
  ["FORGOT_PASSWORD", 'phone: "+14155550101"'],
  ["FORGOT_PIN", 'phone: "+14155550101"'],
  ["ONE_TOUCH_LOGIN", 'phone: "+14155550777", name: "New User"'],
  ["SMART_LOGIN", 'phone: "+14155550101"'],
  ["PASSWORDLESS_LOGIN", 'phone: "+14155550101"'],
];

describe("generateSmsOtp", () => {
  it.each(SMS_CASES)("%s mints an OTP and LoginRadius texts it", async (type, args) => {
    const res = await stack.gql(
      `mutation { generateSmsOtp(type: ${type}, ${args}) { type otp expiresAt } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.generateSmsOtp).toMatchObject({ type, otp: expect.any(String) });
    expect(await outbox()).toEqual([expect.objectContaining({ channel: "sms" })]);
    expect(JSON.stringify(stack.audit)).not.toContain(res.data.generateSmsOtp.otp);
  });

  it("typed errors: a phone nobody has, another account's phone, a verified phone", async () => {
    const unknown = await stack.gql(
      'mutation { generateSmsOtp(type: FORGOT_PIN, phone: "+14155550000") { otp } }',
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ loginradius: { errorCode: 1043 } });
    const taken = await stack.gql(
      `mutation { generateSmsOtp(type: ADD_PHONE, phone: "+447700900123", uid: "${ADA}") { otp } }`,
    );
    expect(taken.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const verified = await stack.gql(
      'mutation { generateSmsOtp(type: PHONE_ID_VERIFICATION, phone: "+14155550101") { otp } }',
    );
    expect(verified.errors?.[0]?.extensions).toMatchObject({
      code: "FAILED_PRECONDITION",
      field: "phone",
    });
    const noAccount = await stack.gql(
      'mutation { generateSmsOtp(type: ADD_PHONE, phone: "+14155550998", uid: "nobody") { otp } }',
    );
    expect(noAccount.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("refuses a missing uid for ADD_PHONE and a bad phone with no call", async () => {
    for (const args of [
      'type: ADD_PHONE, phone: "+14155550999"',
      'type: SMART_LOGIN, phone: "x"',
    ]) {
      const res = await stack.gql(`mutation { generateSmsOtp(${args}) { otp } }`);
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect(await stack.calls()).toEqual([]);
  });
});

describe("generateSott", () => {
  it("mints a SOTT valid for the minutes asked (default 10)", async () => {
    const res = await stack.gql(
      "mutation { a: generateSott { sott expiresAt } b: generateSott(validFor: 60) { expiresAt } }",
    );
    expect(res.data.a.sott).toMatch(/^.+\*[0-9a-f]{32}$/);
    const minutes = (iso: string) => (Date.parse(iso) - Date.now()) / 60_000;
    expect(minutes(res.data.a.expiresAt)).toBeGreaterThan(8);
    expect(minutes(res.data.a.expiresAt)).toBeLessThan(11);
    expect(minutes(res.data.b.expiresAt)).toBeGreaterThan(58);
    // The call log keeps query names only; the lifetime shows in the expiry above.
    expect((await stack.calls()).map((c) => c.query)).toEqual([
      ["apiKey", "timeDifference"],
      ["apiKey", "timeDifference"],
    ]);
    expect(JSON.stringify(stack.audit)).not.toContain(res.data.a.sott);
  });

  it("refuses 0 and more than a day with no call", async () => {
    const res = await stack.gql("mutation { generateSott(validFor: 0) { sott } }");
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await stack.calls()).toEqual([]);
  });
});

describe("every sender is never retried under an injected 500", () => {
  it.each([
    [
      'generateEmailToken(type: FORGOT_PIN, email: "ada@example.com") { token }',
      `POST ${M}/emailtoken/{tokentype}`,
    ],
    [
      'generateSmsOtp(type: FORGOT_PIN, phone: "+14155550101") { otp }',
      `POST ${M}/smsotp/{smsotptype}`,
    ],
    ["generateSott { sott }", `GET ${M}/sott`],
  ])("%s", async (field, route) => {
    await stack.lr.control("POST", "/faults", { kind: "error", status: 500, count: 5, route });
    const res = await stack.gql(`mutation { ${field} }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_OUTCOME_UNKNOWN");
    expect(res.errors?.[0]?.message).not.toContain("retry later");
    expect((await stack.calls()).map((c) => c.route)).toEqual([route]);
    expect(await outbox()).toEqual([]);
  });
});

describe("the side-effect budget", () => {
  it("counts every sender: six in one operation are refused before any call", async () => {
    const res = await stack.gql(`mutation {
      a: generateEmailToken(type: FORGOT_PIN, email: "ada@example.com") { token }
      b: generateSmsOtp(type: FORGOT_PIN, phone: "+14155550101") { otp }
      c: generateSott { sott }
      d: resetBackupCodes(uid: "${ADA}") { codes }
      e: generateSott { sott }
      f: generateSmsOtp(type: SMART_LOGIN, phone: "+14155550101") { otp }
    }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "SIDE_EFFECT_LIMIT_EXCEEDED",
      sideEffects: 6,
      limit: 5,
    });
    expect(await stack.calls()).toEqual([]);
    expect(await outbox()).toEqual([]);
  });
});
