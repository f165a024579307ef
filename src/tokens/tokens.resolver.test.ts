import { describe, expect, it } from "vitest";
import { startInProcess } from "../../test/helpers/in-process.js";
import { connectDoubles } from "../context.js";
import { UpstreamError } from "../loginradius/upstream-error.js";
import { tokensClientDouble } from "./tokens.client.double.js";
import type { TokensClient } from "./tokens.client.js";

/** The tokens resolvers in process: the per-type rules before any call, the wire type, mapping. */
const start = (given: Partial<TokensClient> = {}) => {
  const calls: string[] = [];
  const tokens = tokensClientDouble({
    emailToken: async (type, body) => {
      calls.push(`emailToken ${type} ${JSON.stringify(body)}`);
      return { Token: "t0k", ExpiresIn: "2026-01-01T00:15:00Z", IdentityProviders: null };
    },
    smsOtp: async (type, body) => {
      calls.push(`smsOtp ${type} ${JSON.stringify(body)}`);
      return { Token: "123456", ExpiresIn: "2026-01-01T00:15:00Z" };
    },
    sott: async (minutes) => {
      calls.push(`sott ${minutes}`);
      return { Sott: "abc*0123", ExpiryTime: "2026-01-01T00:10:00Z" };
    },
    ...given,
  });
  return startInProcess({ connect: connectDoubles({ tokens }) }).then((app) => ({ ...app, calls }));
};

/** Arguments refused before any call: the field, the message (when ours), the field named. */
const REFUSED: [string, string | null, string][] = [
  [
    "generateEmailToken(type: EMAIL_VERIFICATION) { token }",
    "EMAIL_VERIFICATION needs email.",
    "email",
  ],
  [
    'generateEmailToken(type: ADD_EMAIL, email: "n@example.com", uid: "ada") { token }',
    "ADD_EMAIL needs emailType.",
    "emailType",
  ],
  [
    'generateEmailToken(type: FORGOT_PASSWORD, email: "a@example.com", userName: "ada") { token }',
    "FORGOT_PASSWORD needs exactly one of email, userName.",
    "email",
  ],
  [
    'generateEmailToken(type: DELETE_USER, uid: "ada", email: "a@example.com") { token }',
    "DELETE_USER does not take email.",
    "email",
  ],
  [
    'generateEmailToken(type: ONE_TOUCH_LOGIN, email: "a@example.com") { token }',
    "ONE_TOUCH_LOGIN needs clientGuid.",
    "clientGuid",
  ],
  ['generateEmailToken(type: FORGOT_PIN, email: "not-an-email") { token }', null, "email"],
  [
    'generateEmailToken(type: AUTO_LOGIN, email: "a@example.com", clientGuid: "no spaces") { token }',
    null,
    "clientGuid",
  ],
  ['generateSmsOtp(type: ADD_PHONE, phone: "+14155550123") { otp }', "ADD_PHONE needs uid.", "uid"],
  [
    'generateSmsOtp(type: SMART_LOGIN, phone: "+14155550123", name: "Ada") { otp }',
    "SMART_LOGIN does not take name.",
    "name",
  ],
  ['generateSmsOtp(type: FORGOT_PIN, phone: "12") { otp }', null, "phone"],
  ["generateSott(validFor: 0) { sott }", null, "validFor"],
  ["generateSott(validFor: 1441) { sott }", null, "validFor"],
];

describe("multipurpose tokens in process", () => {
  it("sends the type's wire spelling and only the keys the type takes", async () => {
    const app = await start();
    const res = await app.run(`mutation {
      a: generateEmailToken(type: ADD_EMAIL, email: "new@example.com", emailType: "Secondary", uid: "ada") { type token identityProviders }
      b: generateEmailToken(type: AUTO_LOGIN, userName: "ada", clientGuid: "guid-1") { token }
      c: generateSmsOtp(type: ADD_PHONE, phone: "+14155550123", uid: "ada") { type otp expiresAt }
      d: generateSott(validFor: 30) { sott expiresAt }
      e: generateSott { sott }
    }`);
    expect(res.errors).toBeUndefined();
    expect(JSON.parse(JSON.stringify(res.data))).toEqual({
      a: { type: "ADD_EMAIL", token: "t0k", identityProviders: [] },
      b: { token: "t0k" },
      c: { type: "ADD_PHONE", otp: "123456", expiresAt: "2026-01-01T00:15:00.000Z" },
      d: { sott: "abc*0123", expiresAt: "2026-01-01T00:10:00.000Z" },
      e: { sott: "abc*0123" },
    });
    expect(app.calls).toEqual([
      'emailToken addemail {"Email":"new@example.com","Uid":"ada","Type":"Secondary"}',
      'emailToken autologin {"Username":"ada","ClientGuid":"guid-1"}',
      'smsOtp addphone {"Phone":"+14155550123","Uid":"ada"}',
      "sott 30",
      "sott 10",
    ]);
  });

  it.each(REFUSED)("refuses %s with BAD_USER_INPUT and no call", async (field, message, at) => {
    const app = await start();
    const res = await app.run(`mutation { ${field} }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    if (message) expect(res.errors?.[0]?.message).toBe(message);
    expect(JSON.stringify(res.errors?.[0]?.extensions)).toContain(at);
    expect(app.calls).toEqual([]);
  });
});

describe("multipurpose token errors in process", () => {
  it("maps the tokens codes to typed errors", async () => {
    const cases: [number, string][] = [
      [938, "NOT_FOUND"],
      [936, "CONFLICT"],
      [1126, "FAILED_PRECONDITION"],
      [1181, "BAD_USER_INPUT"],
      [1182, "BAD_USER_INPUT"],
      [1043, "BAD_USER_INPUT"],
      [1058, "CONFLICT"],
      [1073, "FAILED_PRECONDITION"],
      [1096, "BAD_USER_INPUT"],
      [1122, "UPSTREAM_RATE_LIMITED"],
    ];
    const reject = (code: number) => () =>
      Promise.reject(new UpstreamError("rejected", "x", 403, code));
    for (const [code, expected] of cases) {
      const app = await start({ smsOtp: reject(code) });
      const res = await app.run(
        'mutation { generateSmsOtp(type: FORGOT_PIN, phone: "+14155550123") { otp } }',
      );
      expect(res.errors?.[0]?.extensions?.code, String(code)).toBe(expected);
    }
  });
});

/**
 * `name` goes into an email or SMS LoginRadius sends in the company's name, to any address or
 * number: a free text there is a phishing line. Only a plain display name passes.
 */
describe("name in token mutations", () => {
  const EMAIL = `mutation($name: String) { generateEmailToken(type: ONE_TOUCH_LOGIN,
    email: "a@example.com", clientGuid: "guid-1", name: $name) { token } }`;
  const SMS = `mutation($name: String) {
    generateSmsOtp(type: ONE_TOUCH_LOGIN, phone: "+14155550123", name: $name) { otp } }`;

  it.each([
    "Ada",
    "Ada Lovelace",
    "O'Brien",
    "Jean-Luc Picard",
    "J. R. R. Tolkien",
    "Martin Luther King Jr.",
    "Zoë Ångström",
    "José Nuñez",
    "Мария Иванова",
    "李小龍",
    "محمد علي",
    "A".repeat(50),
  ])("relays the display name %s", async (name) => {
    const app = await start();
    for (const query of [EMAIL, SMS]) {
      const res = await app.run(query, { name });
      expect(res.errors).toBeUndefined();
    }
    expect(app.calls.map((c) => JSON.parse(c.slice(c.indexOf("{"))).Name)).toEqual([name, name]);
  });

  it.each([
    ["a URL", "Visit https://evil.example"],
    ["a bare host name", "evil.example"],
    ["a phone number", "Call +1 415 555 0100"],
    ["digits", "Ada 2"],
    ["a line break", "Ada\nYour account is locked"],
    ["markup", "<b>Ada</b>"],
    ["a leading space", " Ada"],
    ["two spaces", "Ada  Lovelace"],
    ["a zero-width space", "Ada\u200bLovelace"],
    ["a right-to-left override", "Ada\u202eecalevol"],
    ["punctuation other than . - '", "Ada! Urgent"],
    ["51 characters", "A".repeat(51)],
    ["the empty string", ""],
  ])("refuses %s: BAD_USER_INPUT on name, nothing sent", async (_, name) => {
    const app = await start();
    for (const query of [EMAIL, SMS]) {
      const res = await app.run(query, { name });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
      expect(res.errors?.[0]?.message).toContain("plain display name");
    }
    expect(app.calls).toEqual([]);
  });
});
