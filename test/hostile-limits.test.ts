import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA } from "./helpers/emulator.js";
import { type GqlResponse, type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

let stack: Stack;
/** Introspection off: suggestions must say nothing about the schema. */
let closed: Stack;
beforeAll(async () => {
  [stack, closed] = await Promise.all([
    startStack(),
    startStack({ env: { GRAPHQL_INTROSPECTION: "false" } }),
  ]);
});
afterAll(() => Promise.all([stack.close(), closed.close()]));
beforeEach(() => Promise.all([stack.reset(), closed.reset()]));

/** Refused before anything ran: the status, the one code, no data, no upstream call. */
const expectRefused = async (s: Stack, res: GqlResponse, code: string, status = 400) => {
  expect(res.status).toBe(status);
  expect(res.data).toBeUndefined();
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(await s.calls()).toEqual([]);
};

describe("directives are counted over the whole document", () => {
  const read = `accountByUid(uid: "${ADA}") { uid }`;

  it("200 fragment spreads each with @include: MAX_DIRECTIVES_EXCEEDED", async () => {
    const spreads = Array.from({ length: 200 }, () => "...F @include(if: true)").join(" ");
    const res = await stack.gql(`{ ${spreads} } fragment F on Query { ${read} }`);
    await expectRefused(stack, res, "MAX_DIRECTIVES_EXCEEDED");
    expect(res.errors?.[0]?.message).toBe("Directives limit of 10 exceeded, found 200.");
  });

  it("a fragment's directives count each time it is spread", async () => {
    const spreads = Array.from({ length: 11 }, () => "...F").join(" ");
    const res = await stack.gql(
      `{ ${spreads} } fragment F on Query { accountByUid(uid: "${ADA}") @skip(if: false) { uid } }`,
    );
    await expectRefused(stack, res, "MAX_DIRECTIVES_EXCEEDED");
  });

  it("10 directives, on spreads and fields alike, still run", async () => {
    const spreads = Array.from({ length: 5 }, () => "...F @include(if: true)").join(" ");
    const fields = Array.from({ length: 5 }, (_, i) => `a${i}: __typename @skip(if: false)`);
    const res = await stack.gql(
      `{ ${spreads} ${fields.join(" ")} } fragment F on Query { ${read} }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.accountByUid).toEqual({ uid: ADA });
  });
});

describe("deeply nested literals are refused before the parser recurses", () => {
  const deep = (open: string, close: string, inner: string, n: number) =>
    `${open.repeat(n)}${inner}${close.repeat(n)}`;

  it.each([
    ["a list literal argument", `{ accountsByUids(uids: ${deep("[", "]", '"x"', 3000)}) { uid } }`],
    [
      "a variable's default",
      `query($u: [ID!] = ${deep("[", "]", '"x"', 3000)}) { accountsByUids(uids: $u) { uid } }`,
    ],
    [
      "an input object literal",
      `{ accountsByUids(uids: ${deep("{a: ", "}", "1", 3000)}) { uid } }`,
    ],
    ["selection sets", `{ ${deep("accountByUid { ", "}", "uid", 3000)} }`],
  ])("%s, 3,000 deep: MAX_NESTING_EXCEEDED", async (_, query) => {
    const res = await stack.gql(query);
    await expectRefused(stack, res, "MAX_NESTING_EXCEEDED");
    expect(res.errors?.[0]?.message).toBe(
      "The query nests brackets ({, [ or () more than 128 deep.",
    );
  });

  it("brackets inside strings and comments are not counted (500 each)", async () => {
    const res = await stack.gql(
      `{ accountsByUids(uids: ["${"[".repeat(500)}"]) { uid } } # ${"{".repeat(500)}`,
    );
    // Parsed and run: the string reaches the argument's own validation.
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("the query text is checked before parsing, POST and GET alike", () => {
  const get = async (s: Stack, query: string) => {
    const res = await fetch(`${s.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    return { status: res.status, ...((await res.json()) as object) } as GqlResponse;
  };

  it("GET ?query= nested 200 deep: MAX_NESTING_EXCEEDED", async () => {
    const res = await get(
      stack,
      `{ accountsByUids(uids: ${"[".repeat(200)}${"]".repeat(200)}) { uid } }`,
    );
    await expectRefused(stack, res, "MAX_NESTING_EXCEEDED");
  });

  it("over MAX_QUERY_BYTES (set to 1024): 413 QUERY_TOO_LARGE by POST and by GET", async () => {
    const small = await startStack({ env: { MAX_QUERY_BYTES: "1024" } });
    try {
      const query = `{ __typename } # ${"x".repeat(1100)}`;
      for (const res of [await small.gql(query), await get(small, query)]) {
        await expectRefused(small, res, "QUERY_TOO_LARGE", 413);
        expect(res.errors?.[0]?.message).toBe(
          "The query is 1117 bytes; at most 1024 are allowed (MAX_QUERY_BYTES).",
        );
      }
      // Multi-byte text is counted in UTF-8 bytes, not characters.
      const wide = await small.gql(`{ __typename } # ${"é".repeat(600)}`);
      await expectRefused(small, wide, "QUERY_TOO_LARGE", 413);
      expect((await small.gql(`{ __typename } # ${"x".repeat(1000)}`)).data).toEqual({
        __typename: "Query",
      });
    } finally {
      await small.close();
    }
  });
});

describe("subscriptions", () => {
  it("are a 400 that says they are not served, not an internal error", async () => {
    const res = await stack.gql("subscription { __typename }");
    await expectRefused(stack, res, "GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.message).toBe(
      "Subscriptions are not served: this service answers queries and mutations over HTTP only.",
    );
  });
});

describe("with introspection off, a typo's error does not say whether a near name exists", () => {
  /** The message with the name the caller typed replaced, so two probes can be compared. */
  const shape = (res: GqlResponse, typed: string) =>
    JSON.stringify(
      res.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })),
    ).replaceAll(typed, "<typed>");

  it.each([
    ["field", (n: string) => `{ accountByUid(uid: "${ADA}") { ${n} } }`, "passwordHas", "qzxwvkj"],
    [
      "root field",
      (n: string) => `mutation { ${n}(uid: "${ADA}") { uid } }`,
      "deleteAccont",
      "qzxwvkj",
    ],
    ["argument", (n: string) => `{ accountByUid(${n}: "${ADA}") { uid } }`, "uidd", "qzxw"],
    [
      "enum value",
      (n: string) => `mutation { resetAuthenticator(uid: "${ADA}", kind: ${n}) { uid } }`,
      "SMS_OT",
      "QZXWVKJ",
    ],
  ])("%s: the same answer for a near name and a far one", async (_, query, near, far) => {
    const nearRes = await closed.gql(query(near));
    const farRes = await closed.gql(query(far));
    expect(nearRes.status).toBe(400);
    expect(shape(nearRes, near)).toBe(shape(farRes, far));
    expect(JSON.stringify(nearRes.errors)).not.toMatch(/Did you mean|Suggestion|hidden/);
  });

  it("a misspelt input field in variables: the same answer either way", async () => {
    const query = "mutation($input: CreateAccountInput!) { createAccount(input: $input) { uid } }";
    const ask = (field: string) =>
      closed.gql(query, { input: { [field]: [], password: "Strong-Pass-2024", emails: [] } });
    expect(shape(await ask("emials"), "emials")).toBe(shape(await ask("qzxwvk"), "qzxwvk"));
  });
});

describe("rate buckets are keyed by caller kind and name", () => {
  let idp: Server;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let shared: Stack;
  const STATIC = "static-token-of-crm";
  beforeAll(async () => {
    keys = await generateKeyPair("ES256", { extractable: true });
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    idp = createServer((_, res) => {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
    shared = await startStack({
      env: {
        AUTH_TOKENS: authTokensEnv({
          [STATIC]: { name: "crm-backend", scopes: ["accounts:read"] },
        }),
        AUTH_JWKS_URL: `http://127.0.0.1:${(idp.address() as AddressInfo).port}/jwks.json`,
        AUTH_ISSUER: "https://idp.test/",
        AUTH_AUDIENCE: "account-graph",
        RATE_LIMIT_OPS_PER_SECOND: "0.0001",
        RATE_LIMIT_OPS_BURST: "2",
      },
    });
  });
  afterAll(async () => {
    await shared.close();
    await new Promise((resolve) => idp.close(resolve));
  });

  it("a JWT whose sub is a static token's name does not share (or drain) its bucket", async () => {
    const jwt = await new SignJWT({ scope: "accounts:read" })
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer("https://idp.test/")
      .setAudience("account-graph")
      .setSubject("crm-backend")
      .setExpirationTime("5m")
      .sign(keys.privateKey);
    const ask = (token: string) => shared.gql("{ __typename }", {}, { token });
    // The JWT caller spends its whole burst...
    for (let i = 0; i < 2; i++) expect((await ask(jwt)).status).toBe(200);
    expect((await ask(jwt)).errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    // ...and the static token of the same name still has its own.
    for (let i = 0; i < 2; i++) expect((await ask(STATIC)).status).toBe(200);
    expect((await ask(STATIC)).errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });
});
