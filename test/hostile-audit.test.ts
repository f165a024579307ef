import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, GRACE, type RunningEmulator, startEmulator } from "./helpers/emulator.js";
import { type ServiceProcess, startServiceProcess } from "./helpers/service-process.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * The audit trail as a hostile operator's day would test it, with real processes: the intent
 * line is stored before anything is sent to LoginRadius, and no line means no act.
 * On the main before this change, a full disk let every act through with 0 audit bytes, and a
 * process killed mid-delete left the account deleted with no line at all.
 */
const OPS = "ops-7e3c1a9f5b2d";
const TOKENS = authTokensEnv({
  [OPS]: {
    name: "ops-console",
    scopes: [
      "accounts:read",
      "accounts:delete",
      "accounts:credentials",
      "accounts:impersonate",
      "accounts:write",
    ],
  },
});

let lr: RunningEmulator;
let service: ServiceProcess | undefined;
beforeAll(async () => {
  lr = await startEmulator();
});
afterAll(() => lr.close());
beforeEach(() => lr.control("POST", "/reset"));
afterEach(async () => {
  await service?.kill();
  service = undefined;
});

const post = async (url: string, query: string) => {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${OPS}` },
    body: JSON.stringify({ query }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary result shapes
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: any[] }) };
};

const routes = async (): Promise<string[]> =>
  (await lr.control("GET", "/calls")).body.calls.map((c: { route: string }) => c.route);

describe("a full disk under the audit file (AUDIT_LOG_FILE=/dev/full: ENOSPC)", () => {
  it("refuses deleteAccount, issueAccessToken and a passwordHash read; nothing of them is sent", async () => {
    service = await startServiceProcess(lr, { AUDIT_LOG_FILE: "/dev/full", AUTH_TOKENS: TOKENS });
    const url = service.url;

    const deleted = await post(
      url,
      `mutation { deleteAccount(uid: "${GRACE}", reason: "GDPR erasure 2211") { deleted } }`,
    );
    expect(deleted.data).toBeNull();
    expect(deleted.errors?.[0]?.extensions?.code).toBe("AUDIT_UNAVAILABLE");

    const issued = await post(
      url,
      `mutation { issueAccessToken(uid: "${ADA}", reason: "support session 88") { accessToken } }`,
    );
    expect(issued.data).toBeNull();
    expect(issued.errors?.[0]?.extensions?.code).toBe("AUDIT_UNAVAILABLE");
    expect(JSON.stringify(issued)).not.toMatch(/accessToken":"/);

    const hash = await post(url, `{ accountByUid(uid: "${ADA}") { uid passwordHash } }`);
    expect(hash.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [["accountByUid", "passwordHash"], "AUDIT_UNAVAILABLE"],
    ]);
    expect(JSON.stringify(hash.data ?? null)).not.toMatch(/passwordHash":"/);

    // The profile read that reached the hash is plain (unaudited); no delete, token or hash call.
    const sent = await routes();
    expect(sent.filter((r) => /DELETE|access_token|password/.test(r))).toEqual([]);
    // The account is still there.
    const still = await post(url, `{ accountByUid(uid: "${GRACE}") { uid } }`);
    expect(still.data).toEqual({ accountByUid: { uid: GRACE } });
    // The operator hears of it, without the request's secrets.
    expect(service.output()).toContain("audit line not written; the act was refused");
    expect(service.output()).toContain("ENOSPC");
  }, 60_000);
});

describe("kill -9 while a deleteAccount is in flight", () => {
  it("leaves the intent line, naming the account and the reason, in the audit file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "hostile-audit-")), "audit.log");
    service = await startServiceProcess(lr, {
      AUDIT_LOG_FILE: file,
      AUTH_TOKENS: TOKENS,
      UPSTREAM_TIMEOUT_MS: "20000",
      REQUEST_TIMEOUT_MS: "20000",
    });
    // LoginRadius holds the delete long enough for the process to die while it is in flight.
    await lr.control("POST", "/faults", {
      kind: "delay",
      route: "DELETE /identity/v2/manage/account/{uid}",
      delayMs: 8_000,
      count: 1,
    });
    const pending = post(
      service.url,
      `mutation Erase { deleteAccount(uid: "${GRACE}", reason: "GDPR erasure 4471") { deleted } }`,
    ).catch((error: unknown) => error);
    // Wait until LoginRadius has the delete: from then on it happens whatever the service does.
    for (let i = 0; i < 200 && !(await routes()).some((r) => r.startsWith("DELETE")); i++)
      await new Promise((done) => setTimeout(done, 50));
    expect(await routes()).toContain("DELETE /identity/v2/manage/account/{uid}");
    await service.kill();
    await pending;

    const lines = readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({
        phase: "intent",
        auditId: expect.any(String),
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        caller: "ops-console",
        callerKind: "token",
        operationName: "Erase",
        field: "Mutation.deleteAccount",
        uid: GRACE,
        reason: "GDPR erasure 4471",
      }),
    ]);
  }, 60_000);
});
