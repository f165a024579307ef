import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, ALAN, GRACE, LINUS, LINUS_SOCIAL } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

const BY_UID = "GET /identity/v2/manage/account/{uid}";

describe("root queries", () => {
  it("reads an account by UID with mapped fields and real scalars", async () => {
    const res = await stack.gql(`{
      accountByUid(uid: "${ADA}") {
        uid primaryEmail emails { type value } emailVerified phone phoneVerified userName
        firstName lastName fullName gender birthDate company city country { code name }
        customFields roles identities { provider } provider registrationSource
        isActive isDeleted isLoginLocked isCustomUid loginCount
        createdAt modifiedAt lastLoginAt previousUids privacyPolicy { version acceptSource acceptedAt }
      }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.accountByUid).toEqual({
      uid: ADA,
      primaryEmail: "ada@example.com",
      emails: [
        { type: "Primary", value: "ada@example.com" },
        { type: "Secondary", value: "ada.lovelace@work.example" },
      ],
      emailVerified: true,
      phone: "+14155550101",
      phoneVerified: true,
      userName: "ada",
      firstName: "Ada",
      lastName: "Lovelace",
      fullName: "Ada Lovelace",
      gender: "F",
      birthDate: "12-10-1985",
      company: "Analytical Engines Ltd",
      city: "London",
      country: { code: "GB", name: "United Kingdom" },
      customFields: { plan: "enterprise", department: "engineering" },
      roles: ["admin"],
      identities: [],
      provider: "Email",
      registrationSource: "API",
      isActive: true,
      isDeleted: false,
      isLoginLocked: false,
      isCustomUid: false,
      loginCount: 1,
      createdAt: "2024-01-15T09:30:00.000Z",
      modifiedAt: "2024-01-16T11:30:00.000Z",
      lastLoginAt: "2024-01-17T11:30:00.000Z",
      previousUids: [],
      privacyPolicy: {
        version: "2.0",
        acceptSource: "API",
        acceptedAt: "2024-02-01T10:00:00.000Z",
      },
    });
  });

  it("maps LoginRadius's never-set date to null", async () => {
    const res = await stack.gql(`{ accountByUid(uid: "${GRACE}") { lastLoginAt createdAt } }`);
    expect(res.data.accountByUid.lastLoginAt).toBeNull();
    expect(res.data.accountByUid.createdAt).toMatch(/^2024-/);
  });

  it("finds by email, phone and user name", async () => {
    const res = await stack.gql(`{
      e: accountByEmail(email: "ALAN@example.com") { uid }
      p: accountByPhone(phone: "+447700900123") { uid }
      u: accountByUserName(userName: "grace") { uid }
    }`);
    expect(res.data).toEqual({ e: { uid: ALAN }, p: { uid: ALAN }, u: { uid: GRACE } });
  });

  it("answers null, not an error, when LoginRadius has no such account", async () => {
    const res = await stack.gql(`{
      a: accountByUid(uid: "nobody") { uid }
      b: accountByEmail(email: "nobody@example.com") { uid }
      c: accountByPhone(phone: "+19999999999") { uid }
      d: accountByUserName(userName: "nobody") { uid }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null, c: null, d: null });
  });

  it("lists every account sharing an email, and [] for an unknown email", async () => {
    const res = await stack.gql(`{
      shared: identitiesByEmail(email: "shared@example.com") { uid provider identities { provider providerId emails { value } } }
      none: identitiesByEmail(email: "nobody@example.com") { uid }
    }`);
    expect(res.data.shared).toEqual([
      { uid: LINUS, provider: "Email", identities: [] },
      {
        uid: LINUS_SOCIAL,
        provider: "Facebook",
        identities: [
          {
            provider: "facebook",
            providerId: "10001234567890",
            emails: [{ value: "shared@example.com" }],
          },
        ],
      },
    ]);
    expect(res.data.none).toEqual([]);
  });

  it("answers accountsByUids in order with nulls for unknown UIDs", async () => {
    const res = await stack.gql(
      `{ accountsByUids(uids: ["${GRACE}", "nobody", "${ADA}"]) { uid } }`,
    );
    expect(res.data.accountsByUids).toEqual([{ uid: GRACE }, null, { uid: ADA }]);
  });

  it("rejects more than 100 UIDs before any upstream call", async () => {
    // Repeats: 101 distinct UIDs already exceed the cost limit (test/limits.test.ts).
    const uids = Array.from({ length: 101 }, (_, i) => `u${i % 2}`);
    const res = await stack.gql("query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid } }", {
      uids,
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "uids" });
    expect(await stack.calls()).toEqual([]);
  });
});

describe("upstream call budget", () => {
  it("costs one upstream call for 10 aliases of one UID, whatever each selects", async () => {
    const aliases = Array.from(
      { length: 10 },
      (_, i) =>
        `a${i}: accountByUid(uid: "${ADA}") { uid ${i % 2 ? "firstName" : "lastName emails { value }"} }`,
    ).join("\n");
    const res = await stack.gql(`{ ${aliases} }`);
    expect(res.data.a0).toEqual({
      uid: ADA,
      lastName: "Lovelace",
      emails: [{ value: "ada@example.com" }, { value: "ada.lovelace@work.example" }],
    });
    expect(res.data.a1).toEqual({ uid: ADA, firstName: "Ada" });
    const calls = await stack.calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.fields).toBe("Email,FirstName,LastName,PhoneId,Uid,UserName");
  });

  it("costs 15 calls for accountsByUids of 20 UIDs with 5 repeats", async () => {
    const distinct = [
      ADA,
      GRACE,
      ALAN,
      LINUS,
      LINUS_SOCIAL,
      "5b8e2f7a1c4d4a9e8b3f6c2d9e1a4b70",
      "6d3a9c2e5f8b4b1d9a4e7c3f1b6d8a20",
      "8a4c7e1f3b6d4d2a8e5c9b1f4a7d3e60",
      "missing-1",
      "missing-2",
      "missing-3",
      "missing-4",
      "missing-5",
      "missing-6",
      "missing-7",
    ];
    expect(new Set(distinct).size).toBe(15);
    const uids = [...distinct, ...distinct.slice(0, 5)];
    expect(uids).toHaveLength(20);
    const res = await stack.gql("query($uids: [ID!]!) { accountsByUids(uids: $uids) { uid } }", {
      uids,
    });
    expect(res.data.accountsByUids).toHaveLength(20);
    expect(res.data.accountsByUids[15]).toEqual({ uid: ADA });
    expect(res.data.accountsByUids[8]).toBeNull();
    const calls = await stack.calls();
    expect(calls).toHaveLength(15);
    expect(new Set(calls.map((c) => c.path)).size).toBe(15);
  });

  it("sends a fields projection that matches the selection, fragments included", async () => {
    await stack.gql(`
      query { accountByEmail(email: "ada@example.com") { ...names customFields country { code } } }
      fragment names on Account { firstName ... on Account { lastName } }
    `);
    const [call] = await stack.calls();
    expect(call?.route).toBe("GET /identity/v2/manage/account");
    expect(call?.fields).toBe("Country,CustomFields,Email,FirstName,LastName,PhoneId,Uid,UserName");
  });

  it("fetches passwordHash and privacyPolicyHistory only when selected, once per account", async () => {
    await stack.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    expect((await stack.calls()).map((c) => c.route)).toEqual([BY_UID]);
    await stack.reset();
    const res = await stack.gql(`{
      a: accountByUid(uid: "${ADA}") { passwordHash privacyPolicyHistory { history { version } } }
      b: accountByUid(uid: "${ADA}") { passwordHash }
    }`);
    expect(res.data.a.passwordHash).toMatch(/^Rfc2898DeriveBytes\$/);
    expect(
      res.data.a.privacyPolicyHistory.history.map((h: { version: string }) => h.version),
    ).toEqual(["1.0", "2.0"]);
    expect((await stack.calls()).map((c) => c.route).sort()).toEqual([
      BY_UID,
      "GET /identity/v2/manage/account/{uid}/password",
      "GET /identity/v2/manage/account/{uid}/privacypolicy/history",
    ]);
  });

  it("never sends the secret in a URL", async () => {
    await stack.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    const [call] = await stack.calls();
    expect(call?.query).toEqual(["apiKey", "fields"]);
  });
});

describe("federation-ready entry points", () => {
  it("serves introspection", async () => {
    const res = await stack.gql('{ __type(name: "Account") { fields { name } } }');
    expect(res.data.__type.fields.map((f: { name: string }) => f.name)).toContain("passwordHash");
  });

  it("serves the Sandbox landing page to a browser", async () => {
    const res = await fetch(`${stack.url}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("embeddable-sandbox");
  });

  it("answers health checks", async () => {
    const res = await fetch(`${stack.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe("request ids", () => {
  const post = (id: string) =>
    fetch(`${stack.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": id },
      body: JSON.stringify({ query: "{ __typename }" }),
    });

  // Before: a caller's id was echoed and became the request's id in logs and the audit trail.
  it("answers with the service's own id, never the caller's (kept in logs as clientRequestId)", async () => {
    const given = (await post("req-123")).headers.get("x-request-id");
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
    const made = (await post("a b <script>")).headers.get("x-request-id");
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(made).not.toBe(given);
  });
});
