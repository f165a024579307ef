import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, GRACE } from "./helpers/emulator.js";
import { codeOf, type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

const OPS = "ops-4b1e8f2a9c7d";
const READER = "reader-9d2c7a1f3e5b";
const dir = mkdtempSync(join(tmpdir(), "audit-"));
const file = join(dir, "audit.log");
// An existing file that is too open is narrowed to 0600 at start.
writeFileSync(file, "", { mode: 0o644 });

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: {
      AUDIT_LOG_FILE: file,
      AUTH_TOKENS: authTokensEnv({
        [OPS]: {
          name: "ops-console",
          scopes: [
            "accounts:read",
            "accounts:credentials",
            "accounts:impersonate",
            "accounts:write",
          ],
        },
        [READER]: { name: "reporting", scopes: ["accounts:read"] },
      }),
    },
  });
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

const lines = () =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "");
const entries = () => lines().map((l) => JSON.parse(l) as Record<string, unknown>);
/** One per audited field, once it ended; each follows its intent line. */
const outcomes = () => entries().filter((e) => e.phase === "outcome");

describe("the audit trail (AUDIT_LOG_FILE)", () => {
  it("is a file only its owner can read", () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("records a password set, intent before and outcome after, never the password", async () => {
    const before = lines().length;
    const res = await stack.gql(
      `mutation Rescue { setAccountPassword(uid: "${ADA}", password: "Fresh-Pass-77", reason: "ticket SEC-1042: locked out") { uid } }`,
      {},
      { token: OPS, headers: { "x-request-id": "req-audit-1" } },
    );
    expect(res.errors).toBeUndefined();
    const line = {
      audit: true,
      auditId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      // The service's own id is the key; the caller's X-Request-Id is kept beside it.
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientRequestId: "req-audit-1",
      caller: "ops-console",
      callerKind: "token",
      operationName: "Rescue",
      field: "Mutation.setAccountPassword",
      uid: ADA,
      reason: "ticket SEC-1042: locked out",
    };
    const [intent, outcome] = entries().slice(before);
    expect(entries().slice(before)).toHaveLength(2);
    expect(intent).toEqual({ ...line, phase: "intent" });
    expect(outcome).toEqual({ ...line, phase: "outcome", outcome: "ok" });
    expect(outcome?.auditId).toBe(intent?.auditId);
    expect(outcome?.requestId).toBe(intent?.requestId);
    expect(readFileSync(file, "utf8")).not.toContain("Fresh-Pass-77");
  });

  it("records an impersonation and the refresh, never the tokens it minted", async () => {
    const issued = await stack.gql(
      `mutation { issueAccessToken(uid: "${ADA}", reason: "support session 77") { accessToken refreshToken } }`,
      {},
      { token: OPS },
    );
    const { accessToken, refreshToken } = issued.data.issueAccessToken;
    const refreshed = await stack.gql(
      "mutation($t: String!) { refreshAccessToken(refreshToken: $t) { accessToken } }",
      { t: refreshToken },
      { token: OPS },
    );
    const text = readFileSync(file, "utf8");
    expect(outcomes().slice(-2)).toMatchObject([
      { field: "Mutation.issueAccessToken", uid: ADA, reason: "support session 77", outcome: "ok" },
      { field: "Mutation.refreshAccessToken", outcome: "ok" },
    ]);
    for (const secret of [accessToken, refreshToken, refreshed.data.refreshAccessToken.accessToken])
      expect(text).not.toContain(secret);
  });

  it("records each read of a password hash, never the hash", async () => {
    const res = await stack.gql(
      `query Hashes { a: accountByUid(uid: "${ADA}") { passwordHash } b: accountByUid(uid: "${GRACE}") { uid } }`,
      {},
      { token: OPS },
    );
    const hash = res.data.a.passwordHash;
    expect(hash).toEqual(expect.any(String));
    expect(entries().at(-2)).toMatchObject({
      phase: "intent",
      field: "Account.passwordHash",
      operationName: "Hashes",
      uid: ADA,
    });
    expect(entries().at(-1)).toMatchObject({
      phase: "outcome",
      field: "Account.passwordHash",
      operationName: "Hashes",
      uid: ADA,
      outcome: "ok",
    });
    expect(entries().filter((e) => e.uid === GRACE && e.field === "Account.passwordHash")).toEqual(
      [],
    );
    expect(readFileSync(file, "utf8")).not.toContain(hash);
  });

  it("records a password hash read through a fragment, the same document twice", async () => {
    const query = `query ViaFragment { accountByUid(uid: "${GRACE}") { ...Secret } } fragment Secret on Account { uid passwordHash }`;
    for (let round = 0; round < 2; round++)
      expect((await stack.gql(query, {}, { token: OPS })).errors).toBeUndefined();
    const reads = outcomes().filter(
      (e) =>
        e.uid === GRACE && e.field === "Account.passwordHash" && e.operationName === "ViaFragment",
    );
    expect(reads).toHaveLength(2);
  });

  it("records refused attempts, intent and outcome, with their code: FORBIDDEN, NOT_FOUND, a bad reason", async () => {
    const before = lines().length;
    await stack.gql(
      `mutation { deleteAccount(uid: "${GRACE}", reason: "cleanup") { uid } }`,
      {},
      { token: READER },
    );
    await stack.gql(
      'mutation { x: issueAccessToken(uid: "nobody", reason: "test") { expiresAt } }',
      {},
      { token: OPS },
    );
    await stack.gql(
      `mutation { setAccountPassword(uid: "${ADA}", password: "P-4-x-Secret", reason: "  ") { uid } }`,
      {},
      { token: OPS },
    );
    expect(
      entries()
        .slice(before)
        .map((e) => [e.phase, e.field]),
    ).toEqual(
      ["deleteAccount", "issueAccessToken", "setAccountPassword"].flatMap((name) => [
        ["intent", `Mutation.${name}`],
        ["outcome", `Mutation.${name}`],
      ]),
    );
    expect(outcomes().slice(-3)).toMatchObject([
      {
        caller: "reporting",
        field: "Mutation.deleteAccount",
        uid: GRACE,
        reason: "cleanup",
        outcome: "error",
        code: "FORBIDDEN",
      },
      {
        caller: "ops-console",
        field: "Mutation.issueAccessToken",
        alias: "x",
        uid: "nobody",
        outcome: "error",
        code: "NOT_FOUND",
      },
      { field: "Mutation.setAccountPassword", outcome: "error", code: "BAD_USER_INPUT" },
    ]);
    expect(readFileSync(file, "utf8")).not.toContain("P-4-x-Secret");
  });

  it("writes nothing for plain profile reads", async () => {
    const before = lines().length;
    await stack.gql(`{ accountByUid(uid: "${ADA}") { firstName } }`, {}, { token: READER });
    expect(lines().length).toBe(before);
  });
});

describe("reason: String!", () => {
  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["over 500 characters", "x".repeat(501)],
  ])("refuses an %s reason with BAD_USER_INPUT and no upstream call", async (_, reason) => {
    const res = await stack.gql(
      `mutation($r: String!) { setAccountPassword(uid: "${ADA}", password: "Fresh-Pass-77", reason: $r) { uid } }`,
      { r: reason },
      { token: OPS },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    expect(await stack.calls()).toEqual([]);
  });

  it.each(["issueAccessToken", "setAccountPassword", "deleteAccount", "deleteAccountsByEmail"])(
    "is required by %s",
    async (field) => {
      const res = await stack.gql(
        `mutation { ${field}(uid: "${ADA}") { __typename } }`,
        {},
        { token: OPS },
      );
      expect(codeOf(res)).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(res.errors?.map((e) => e.message).join(" ")).toContain(
        'argument "reason" of type "String!" is required',
      );
    },
  );
});

describe("an audit sink that fails", () => {
  const startWith = async (write: (entry: { phase: string }) => void) => {
    const { Writable } = await import("node:stream");
    const { createLogger } = await import("../src/log.js");
    const logged = { text: "" };
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logged.text += chunk;
        done();
      },
    });
    const broken = await startStack({
      logger: createLogger({ destination }),
      audit: { write, close: () => {} },
    });
    return { broken, logged };
  };
  const SET = `mutation { setAccountPassword(uid: "${ADA}", password: "Fresh-Pass-77", reason: "disk test") { uid } }`;

  // Before: the act went ahead and the lost line was only logged (the trail failed open).
  it("refuses the act with AUDIT_UNAVAILABLE when the intent line cannot be stored: nothing sent", async () => {
    const { broken, logged } = await startWith(() => {
      throw new Error("ENOSPC: no space left on device");
    });
    try {
      const res = await broken.gql(SET);
      expect(res.data).toBeNull();
      expect(codeOf(res)).toBe("AUDIT_UNAVAILABLE");
      expect(await broken.calls()).toEqual([]);
      expect(logged.text).toContain("audit line not written; the act was refused");
      expect(logged.text).toContain("disk test");
      expect(logged.text).not.toContain("Fresh-Pass-77");
    } finally {
      await broken.close();
    }
  });

  it("answers an act whose intent is stored even if its outcome line is lost, and logs the loss", async () => {
    const { broken, logged } = await startWith((entry) => {
      if (entry.phase === "outcome") throw new Error("ENOSPC: no space left on device");
    });
    try {
      const res = await broken.gql(SET);
      expect(res.data).toEqual({ setAccountPassword: { uid: ADA } });
      expect(logged.text).toContain("audit line not written");
      expect(logged.text).not.toContain("the act was refused");
      expect(logged.text).not.toContain("Fresh-Pass-77");
    } finally {
      await broken.close();
    }
  });
});
