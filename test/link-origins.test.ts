import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { ADA } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

const FORGOT = `mutation($url: String) {
  generateForgotPasswordToken(email: "ada@example.com", sendEmail: true, resetPasswordUrl: $url) { emailSent }
}`;
const INVALIDATE = `mutation($url: String) {
  invalidateEmailVerification(uid: "${ADA}", verificationUrl: $url) { uid }
}`;

const outbox = async (stack: Stack) =>
  (await stack.lr.control("GET", "/outbox")).body.messages as unknown[];

describe("redirect targets with ALLOWED_LINK_ORIGINS set", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      env: { ALLOWED_LINK_ORIGINS: "https://accounts.example.com, http://localhost:3000" },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.reset());

  it.each([
    ["a phishing origin", "https://evil.example/phish"],
    ["a look-alike host", "https://accounts.example.com.evil.example/reset"],
    ["another port", "https://accounts.example.com:8443/reset"],
    ["plain http on an allowed host", "http://accounts.example.com/reset"],
    ["credentials in the URL", "https://user:pw@accounts.example.com/reset"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative URL", "/reset"],
  ])("refuses %s: BAD_USER_INPUT, no upstream call, no email", async (_, url) => {
    const res = await stack.gql(FORGOT, { url });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "resetPasswordUrl",
    });
    expect(res.errors?.[0]?.message).toContain("resetPasswordUrl");
    expect(await stack.calls()).toEqual([]);
    expect(await outbox(stack)).toEqual([]);
  });

  it("forwards a link on an allowed origin", async () => {
    const res = await stack.gql(FORGOT, { url: "https://accounts.example.com/reset?lang=en" });
    expect(res.data).toEqual({ generateForgotPasswordToken: { emailSent: true } });
    expect(await outbox(stack)).toHaveLength(1);
  });

  it("allows http only for a listed localhost origin", async () => {
    const res = await stack.gql(INVALIDATE, { url: "http://localhost:3000/verify" });
    expect(res.errors).toBeUndefined();
  });

  it("checks verificationUrl the same way", async () => {
    const res = await stack.gql(INVALIDATE, { url: "https://evil.example/verify" });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "verificationUrl",
    });
    expect(res.errors?.[0]?.message).toContain("https://accounts.example.com");
    expect(await stack.calls()).toEqual([]);
  });
});

describe("redirect targets with no ALLOWED_LINK_ORIGINS", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.reset());

  it("refuses every URL argument, saying which variable allows them", async () => {
    const res = await stack.gql(FORGOT, { url: "https://accounts.example.com/reset" });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toContain("ALLOWED_LINK_ORIGINS");
    expect(await stack.calls()).toEqual([]);
  });

  it("lets LoginRadius use its configured page when no URL is given", async () => {
    const res = await stack.gql(FORGOT, {});
    expect(res.data).toEqual({ generateForgotPasswordToken: { emailSent: true } });
  });
});

describe("ALLOWED_LINK_ORIGINS configuration", () => {
  it.each([
    "https://accounts.example.com/reset",
    "ftp://files.example",
    "http://accounts.example.com",
  ])("refuses %s: an entry must be a bare https origin (http only for localhost)", (entry) => {
    expect(() => readConfig({ ALLOWED_LINK_ORIGINS: entry })).toThrow(/ALLOWED_LINK_ORIGINS/);
  });

  it("normalises origins", () => {
    expect([
      ...readConfig({ ALLOWED_LINK_ORIGINS: "HTTPS://Accounts.Example.com:443/" }).linkOrigins,
    ]).toEqual(["https://accounts.example.com"]);
  });
});
