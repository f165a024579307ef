import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, GRACE } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

/** Defaults, as a deployment gets them. */
let stack: Stack;
/**
 * Token, alias, depth, directive and result-item limits raised, so the cost and side-effect
 * budgets behind them are reached (the result-item limit has test/hostile-work.test.ts).
 */
let wide: Stack;
beforeAll(async () => {
  [stack, wide] = await Promise.all([
    startStack(),
    startStack({
      env: {
        MAX_TOKENS: "1000000",
        MAX_ALIASES: "10000",
        MAX_DEPTH: "50",
        MAX_DIRECTIVES: "1000",
        MAX_RESULT_ITEMS: "1000000",
      },
    }),
  ]);
});
afterAll(() => Promise.all([stack.close(), wide.close()]));
beforeEach(() => Promise.all([stack.reset(), wide.reset()]));

const outbox = async (s: Stack) => (await s.lr.control("GET", "/outbox")).body.messages;

/** A rejection: HTTP 400, the code, no data, nothing upstream, nothing sent. */
const expectRefused = async (
  s: Stack,
  res: Awaited<ReturnType<Stack["gql"]>>,
  code: string,
  status = 400,
) => {
  expect(res.status).toBe(status);
  expect(res.data).toBeUndefined();
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(await s.calls()).toEqual([]);
  expect(await outbox(s)).toEqual([]);
};

const aliases = (n: number, field: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `a${i}: ${field(i)}`).join("\n");

const forgot = (i: number) =>
  `generateForgotPasswordToken(email: "ada@example.com", sendEmail: true, resetPasswordUrl: "https://x.example/${i}") { emailSent }`;

const uids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `u-${from + i}`);

describe("the attacks from the issue", () => {
  it("500 aliases of generateForgotPasswordToken(sendEmail: true): no email", async () => {
    const attack = `mutation { ${aliases(500, forgot)} }`;
    expect(attack.length).toBeGreaterThan(43_000);
    await expectRefused(stack, await stack.gql(attack), "MAX_TOKENS_EXCEEDED");
    // With the size limits lifted, the side-effect budget still stops it.
    const res = await wide.gql(attack);
    await expectRefused(wide, res, "SIDE_EFFECT_LIMIT_EXCEEDED");
    expect(res.errors?.[0]?.extensions).toMatchObject({ sideEffects: 500, limit: 5 });
  });

  it("100 aliases of accountsByUids over 100 UIDs each: no upstream call", async () => {
    const literal = `{ ${aliases(100, (i) => `accountsByUids(uids: ${JSON.stringify(uids(100, i * 100))}) { uid }`)} }`;
    await expectRefused(stack, await stack.gql(literal), "MAX_TOKENS_EXCEEDED");
    const vars = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`u${i}`, uids(100, i * 100)]),
    );
    const defs = Object.keys(vars)
      .map((v) => `$${v}: [ID!]!`)
      .join(", ");
    const byVariables = `query(${defs}) { ${aliases(100, (i) => `accountsByUids(uids: $u${i}) { uid }`)} }`;
    await expectRefused(stack, await stack.gql(byVariables, vars), "MAX_TOKENS_EXCEEDED");
    const res = await wide.gql(byVariables, vars);
    await expectRefused(wide, res, "COST_LIMIT_EXCEEDED");
    expect(res.errors?.[0]?.extensions).toMatchObject({ cost: 10_000, limit: 100 });
  });

  it("10,000 aliases of one field: refused while parsing", async () => {
    const res = await stack.gql(
      `{ ${aliases(10_000, () => `accountByUid(uid: "${ADA}") { uid }`)} }`,
    );
    await expectRefused(stack, res, "MAX_TOKENS_EXCEEDED");
    expect(res.errors?.[0]?.message).toBe("Token limit of 2000 exceeded.");
  });
});

describe("each limit with its own code", () => {
  it("depth: a chain of fragments deeper than 8", async () => {
    const chain = Array.from(
      { length: 9 },
      (_, i) => `fragment F${i} on Account { ${i < 8 ? `...F${i + 1}` : "uid"} }`,
    ).join("\n");
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { ...F0 } } ${chain}`);
    await expectRefused(stack, res, "MAX_DEPTH_EXCEEDED");
    expect(res.errors?.[0]?.message).toMatch(/^Query depth limit of 8 exceeded/);
  });

  it("aliases: 65 of one field (64 allowed)", async () => {
    const query = (n: number) => `{ ${aliases(n, () => `accountByUid(uid: "${ADA}") { uid }`)} }`;
    await expectRefused(stack, await stack.gql(query(65)), "MAX_ALIASES_EXCEEDED");
    const ok = await stack.gql(query(64));
    expect(ok.errors).toBeUndefined();
    expect(await stack.calls()).toHaveLength(1);
  });

  it("directives: 11 @include", async () => {
    const fields = Array.from({ length: 11 }, () => "uid @include(if: true)").join(" ");
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { ${fields} } }`);
    await expectRefused(stack, res, "MAX_DIRECTIVES_EXCEEDED");
  });

  it("cost: fields under a list count once per item", async () => {
    const res = await stack.gql(
      "query($u: [ID!]!) { accountsByUids(uids: $u) { uid passwordHash } }",
      { u: uids(60) },
    );
    await expectRefused(stack, res, "COST_LIMIT_EXCEEDED");
    expect(res.errors?.[0]?.extensions).toMatchObject({ cost: 120, limit: 100 });
    expect(res.errors?.[0]?.message).toBe(
      "This operation may make 120 LoginRadius calls; at most 100 are allowed per operation.",
    );
  });

  it("cost: what the loaders share is counted once (50 aliases over the same 20 UIDs)", async () => {
    const res = await stack.gql(
      `query($u: [ID!]!) { ${aliases(50, () => "accountsByUids(uids: $u) { uid }")} }`,
      { u: uids(20) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.a49).toHaveLength(20);
    expect(await stack.calls()).toHaveLength(20);
  });

  it("side effects: 6 access tokens refused, 5 minted", async () => {
    const mint = (n: number) =>
      `mutation { ${aliases(n, () => `issueAccessToken(uid: "${GRACE}", reason: "support case") { expiresAt }`)} }`;
    await expectRefused(stack, await stack.gql(mint(6)), "SIDE_EFFECT_LIMIT_EXCEEDED");
    const ok = await stack.gql(mint(5));
    expect(ok.errors).toBeUndefined();
    expect(await stack.calls()).toHaveLength(5);
  });

  it("side effects: 6 verification emails refused, none sent", async () => {
    const res = await stack.gql(
      `mutation { ${aliases(6, () => `invalidateEmailVerification(uid: "${ADA}") { uid }`)} }`,
    );
    await expectRefused(stack, res, "SIDE_EFFECT_LIMIT_EXCEEDED");
  });

  it("limits are configurable", async () => {
    const tight = await startStack({ env: { MAX_UPSTREAM_COST: "2", MAX_SIDE_EFFECTS: "0" } });
    try {
      const three = `{ a: accountByUid(uid: "${ADA}") { uid } b: accountByUid(uid: "${GRACE}") { uid passwordHash } }`;
      await expectRefused(tight, await tight.gql(three), "COST_LIMIT_EXCEEDED");
      const one = await tight.gql(
        `mutation { issueAccessToken(uid: "${GRACE}", reason: "support case") { expiresAt } }`,
      );
      await expectRefused(tight, one, "SIDE_EFFECT_LIMIT_EXCEEDED");
    } finally {
      await tight.close();
    }
  });
});

describe("transport", () => {
  it("refuses batched HTTP requests", async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { query: `{ accountByUid(uid: "${ADA}") { uid } }` },
        { query: `{ accountByUid(uid: "${GRACE}") { uid } }` },
      ]),
    });
    expect(res.status).toBe(400);
    expect(await stack.calls()).toEqual([]);
  });
});
