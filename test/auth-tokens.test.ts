import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { ADA } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv, sha256Hex } from "./helpers/tokens.js";

const SUPPORT = "support-7f3a9c1e5b2d4a6f8e0c";
const READ = `{ accountByUid(uid: "${ADA}") { firstName } }`;

let stack: Stack;
let logged = "";
beforeAll(async () => {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logged += chunk;
      done();
    },
  });
  stack = await startStack({
    env: {
      AUTH_TOKENS: authTokensEnv({
        [SUPPORT]: { name: "support-desk", scopes: ["accounts:read"] },
      }),
    },
    logger: createLogger({ destination }),
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

const post = (headers: Record<string, string>) =>
  fetch(`${stack.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: READ }),
  });

describe("static bearer tokens (AUTH_TOKENS)", () => {
  it("serves a caller with a configured token", async () => {
    const res = await stack.gql(READ, {}, { token: SUPPORT });
    expect(res).toEqual({ status: 200, data: { accountByUid: { firstName: "Ada" } } });
  });

  it.each([
    ["no Authorization header", {}, 'Bearer realm="account-graph"', /required/],
    [
      "a wrong token",
      { authorization: "Bearer support-7f3a9c1e5b2d4a6f8e0d" },
      'Bearer realm="account-graph", error="invalid_token"',
      /not valid/,
    ],
    [
      "the token's hash instead of the token",
      { authorization: `Bearer ${sha256Hex(SUPPORT)}` },
      'Bearer realm="account-graph", error="invalid_token"',
      /not valid/,
    ],
    [
      "another scheme",
      { authorization: `Basic ${Buffer.from(`x:${SUPPORT}`).toString("base64")}` },
      'Bearer realm="account-graph", error="invalid_request"',
      /Bearer <token>/,
    ],
    [
      "an over-long header",
      { authorization: `Bearer ${"a".repeat(10_000)}` },
      'Bearer realm="account-graph", error="invalid_request"',
      /too long/,
    ],
  ])(
    "answers %s with 401 UNAUTHENTICATED and no upstream call",
    async (_, headers, challenge, message) => {
      const res = await post(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe(challenge);
      const body = (await res.json()) as { errors: { message: string; extensions: object }[] };
      expect(body.errors).toEqual([
        { message: expect.stringMatching(message), extensions: { code: "UNAUTHENTICATED" } },
      ]);
      expect(await stack.calls()).toEqual([]);
    },
  );

  it("accepts the scheme in any case", async () => {
    const res = await post({ authorization: `bearer ${SUPPORT}` });
    expect(res.status).toBe(200);
  });

  it("refuses before reading a mutation: nothing sent upstream, nothing audited", async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation { issueAccessToken(uid: "${ADA}", reason: "attack") { accessToken } }`,
      }),
    });
    expect(res.status).toBe(401);
    expect(await stack.calls()).toEqual([]);
    expect(stack.audit).toEqual([]);
  });

  it("logs refusals by reason, never the token", async () => {
    await post({ authorization: "Bearer guess-123456" });
    expect(logged).toContain("caller refused");
    expect(logged).toContain("unknown token");
    expect(logged).not.toContain("guess-123456");
    expect(logged).not.toContain(SUPPORT);
  });

  it("still serves /healthz without credentials", async () => {
    expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
  });
});

describe("AUTH_TOKENS configuration", () => {
  it("refuses a clear token where its SHA-256 belongs, without echoing it", () => {
    const clear = "my-clear-service-token";
    let message = "";
    try {
      readConfig({ AUTH_TOKENS: JSON.stringify({ [clear]: { name: "a", scopes: [] } }) });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/SHA-256 in hex/);
    expect(message).not.toContain(clear);
  });

  it("refuses unknown scopes, duplicate names and malformed JSON", () => {
    const hash = sha256Hex("t1");
    expect(() =>
      readConfig({
        AUTH_TOKENS: JSON.stringify({ [hash]: { name: "a", scopes: ["accounts:reed"] } }),
      }),
    ).toThrow(/unknown scope accounts:reed; known: accounts:read/);
    expect(() =>
      readConfig({
        AUTH_TOKENS: JSON.stringify({
          [hash]: { name: "a", scopes: [] },
          [sha256Hex("t2")]: { name: "a", scopes: [] },
        }),
      }),
    ).toThrow(/name a is used twice/);
    expect(() => readConfig({ AUTH_TOKENS: "{not json" })).toThrow(/AUTH_TOKENS must be JSON/);
  });

  it("turns auth on with the emulator when tokens are set, off otherwise", () => {
    expect(readConfig({}).auth.enabled).toBe(false);
    expect(readConfig({ AUTH_TOKENS: "{}" }).auth.enabled).toBe(true);
  });
});
