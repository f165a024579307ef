import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, GRACE } from "./helpers/emulator.js";
import { SIGNED_RUN, type Stack, startStack } from "./helpers/stack.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    upstream: { timeoutMs: 300, retryLimit: 2, retryBaseDelayMs: 5, maxRetryAfterSeconds: 1 },
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

const BY_UID = "GET /identity/v2/manage/account/{uid}";
const fault = (body: Record<string, unknown>) => stack.lr.control("POST", "/faults", body);

const assertNothingLeaks = (payload: unknown) => {
  const text = JSON.stringify(payload);
  expect(text).not.toContain(stack.lr.emulator.apiSecret);
  expect(text).not.toContain("127.0.0.1");
  expect(text).not.toContain("/identity/v2");
  expect(text).not.toContain("stacktrace");
  expect(text).not.toContain("Description");
};

describe("retries", () => {
  it("retries a read after a 503 and succeeds", async () => {
    await fault({ kind: "error", status: 503, count: 1, route: BY_UID });
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    expect(res.data.accountByUid).toEqual({ uid: ADA });
    expect((await stack.calls()).map((c) => c.status)).toEqual([503, 200]);
  });

  it("retries a read after a dropped connection", async () => {
    await fault({ kind: "drop", count: 1, route: BY_UID });
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    expect(res.data.accountByUid).toEqual({ uid: ADA });
  });

  it("honours Retry-After on 429 and then succeeds", async () => {
    await fault({ kind: "rateLimit", retryAfter: 1, count: 1, route: BY_UID });
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    expect(res.data.accountByUid).toEqual({ uid: ADA });
    const [first, second] = await stack.calls();
    expect(Date.parse(second?.at ?? "") - Date.parse(first?.at ?? "")).toBeGreaterThanOrEqual(900);
  });

  it("gives up after the retry limit with UPSTREAM_UNAVAILABLE, keeping the rest of the response", async () => {
    await fault({ kind: "error", status: 500, count: 3, route: "GET /identity/v2/manage/account" });
    const res = await stack.gql(`{
      good: accountByUid(uid: "${ADA}") { uid }
      bad: accountByEmail(email: "grace@example.com") { uid }
    }`);
    expect(res.data).toEqual({ good: { uid: ADA }, bad: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({
      path: ["bad"],
      extensions: { code: "UPSTREAM_UNAVAILABLE", loginradius: { errorCode: 950 } },
    });
    expect(
      (await stack.calls()).filter((c) => c.route === "GET /identity/v2/manage/account"),
    ).toHaveLength(3);
    assertNothingLeaks(res);
  });

  it("reports a Retry-After longer than allowed as UPSTREAM_RATE_LIMITED without waiting", async () => {
    await fault({ kind: "rateLimit", retryAfter: 30, count: 5, route: BY_UID });
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    expect(res.errors?.[0]?.extensions).toEqual({
      code: "UPSTREAM_RATE_LIMITED",
      retryAfterSeconds: 30,
      loginradius: { errorCode: 429 },
    });
    expect(await stack.calls()).toHaveLength(1);
  });

  it("reports a slow upstream as UPSTREAM_TIMEOUT after retrying", async () => {
    await fault({ kind: "delay", delayMs: 600, count: 3, route: BY_UID });
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    expect(res.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_TIMEOUT" });
    assertNothingLeaks(res);
  });

  it("reports malformed JSON as UPSTREAM_UNAVAILABLE", async () => {
    await fault({ kind: "malformed", count: 1, route: BY_UID });
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
  });
});

describe("writes are never repeated", () => {
  it("does not retry createAccount after a 503", async () => {
    await fault({
      kind: "error",
      status: 503,
      count: 1,
      route: "POST /identity/v2/manage/account",
    });
    const res = await stack.gql(
      `mutation { createAccount(input: { emails: [{ type: "Primary", value: "once@example.net" }], password: "Once-only-1" }) { uid } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_OUTCOME_UNKNOWN");
    expect(await stack.calls()).toHaveLength(1);
  });

  it("does not retry a lost createAccount response: exactly one account exists", async () => {
    await fault({ kind: "drop", after: true, count: 1, route: "POST /identity/v2/manage/account" });
    const res = await stack.gql(
      `mutation { createAccount(input: { emails: [{ type: "Primary", value: "once@example.net" }], password: "Once-only-1" }) { uid } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_OUTCOME_UNKNOWN");
    expect(await stack.calls()).toHaveLength(1);
    const found = await stack.gql('{ identitiesByEmail(email: "once@example.net") { uid } }');
    expect(found.data.identitiesByEmail).toHaveLength(1);
  });

  it("does not retry invalidateEmailVerification: one email even when the response is lost", async () => {
    await fault({
      kind: "drop",
      after: true,
      count: 1,
      route: "PUT /identity/v2/manage/account/{uid}/invalidateemail",
    });
    const res = await stack.gql(`mutation { invalidateEmailVerification(uid: "${ADA}") { uid } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_OUTCOME_UNKNOWN");
    expect((await stack.lr.control("GET", "/outbox")).body.messages).toHaveLength(1);
  });

  it("does not retry issueAccessToken, which mints a token each call", async () => {
    await fault({
      kind: "error",
      status: 502,
      count: 1,
      route: "GET /identity/v2/manage/account/access_token",
    });
    const res = await stack.gql(
      `mutation { issueAccessToken(uid: "${ADA}", reason: "test") { accessToken } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_OUTCOME_UNKNOWN");
    expect(await stack.calls()).toHaveLength(1);
  });

  it("retries an idempotent update after a lost response, applying it once", async () => {
    await fault({
      kind: "drop",
      after: true,
      count: 1,
      route: "PUT /identity/v2/manage/account/{uid}",
    });
    const res = await stack.gql(
      `mutation { updateAccount(uid: "${GRACE}", input: { firstName: "Amazing" }) { firstName } }`,
    );
    expect(res.data.updateAccount.firstName).toBe("Amazing");
    expect((await stack.calls()).map((c) => c.route)).toEqual([
      "PUT /identity/v2/manage/account/{uid}",
      "PUT /identity/v2/manage/account/{uid}",
    ]);
  });
});

describe("credentials and masking", () => {
  const queryWith = async (target: Record<string, string>) => {
    const other = await startStack({ target, upstream: { retryLimit: 1, retryBaseDelayMs: 5 } });
    try {
      return await other.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    } finally {
      await other.close();
    }
  };

  it("maps refused credentials to UPSTREAM_AUTH_FAILED without saying more", async () => {
    const wrongSecret = "00000000-0000-4000-8000-000000000000";
    const res = await queryWith({ apiSecret: wrongSecret });
    expect(res.errors?.[0]?.extensions).toEqual({
      code: "UPSTREAM_AUTH_FAILED",
      // Signed (TEST_REQUEST_SIGNING=1), the wrong secret makes a wrong signature: 1208.
      loginradius: { errorCode: SIGNED_RUN ? 1208 : 902 },
    });
    expect(JSON.stringify(res)).not.toContain(wrongSecret);
  });

  it("reports an unreachable upstream as UPSTREAM_UNAVAILABLE", async () => {
    const res = await queryWith({ apiUrl: "http://127.0.0.1:9" });
    expect(res.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
    expect(JSON.stringify(res)).not.toContain("127.0.0.1");
  });

  it("answers GraphQL validation errors with their own code", async () => {
    const res = await stack.gql("{ accountByUid(uid: 1) { nope } }");
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(await stack.calls()).toEqual([]);
  });
});

describe("partial failures and the concurrency cap", () => {
  it("keeps the other accountsByUids items when one UID's read fails", async () => {
    await fault({
      kind: "error",
      status: 500,
      count: 10,
      path: `/identity/v2/manage/account/${GRACE}`,
    });
    const res = await stack.gql(
      `{ accountsByUids(uids: ["${ADA}", "${GRACE}", "nobody"]) { uid } }`,
    );
    expect(res.data.accountsByUids).toEqual([{ uid: ADA }, null, null]);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({
      path: ["accountsByUids", 1],
      extensions: { code: "UPSTREAM_UNAVAILABLE" },
    });
  });

  it("never has more upstream requests in flight than UPSTREAM_MAX_CONCURRENCY", async () => {
    const uids = Array.from({ length: 8 }, (_, i) => `user-${i}`);
    const query = "query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid } }";
    const peak = async (maxConcurrency: number) => {
      const capped = await startStack({ upstream: { maxConcurrency } });
      try {
        await capped.lr.control("POST", "/faults", { kind: "delay", delayMs: 100, count: 8 });
        const res = await capped.gql(query, { uids });
        expect(res.data.accountsByUids).toEqual(uids.map(() => null));
        return Math.max(...(await capped.calls()).map((c) => c.concurrent));
      } finally {
        await capped.close();
      }
    };
    expect(await peak(2)).toBe(2);
    expect(await peak(8)).toBeGreaterThan(2);
  });
});
