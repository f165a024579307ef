import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoCandidateToken, demoSocialIdentity } from "../src/emulator/identities/seed.js";
import { SessionStore } from "../src/emulator/identities/session.store.js";
import { ACCOUNT, ADA, LINUS, type RunningEmulator, startEmulator } from "./helpers/emulator.js";

/**
 * The emulator's Authentication API routes through HTTP: the API key alone, the access token as
 * a Bearer header or `?access_token=`, the documented codes, and the clock (906 after 15 minutes).
 */
const AUTH = "/identity/v2/auth";
let clock = Date.parse("2026-03-01T10:00:00Z");
let lr: RunningEmulator;
beforeAll(async () => {
  lr = await startEmulator({ now: () => new Date(clock) });
});
afterAll(() => lr.close());
beforeEach(async () => {
  clock = Date.parse("2026-03-01T10:00:00Z");
  await lr.control("POST", "/reset");
});

const mint = async (uid: string): Promise<string> =>
  (await lr.call("GET", `${ACCOUNT}/access_token`, { query: { uid } })).body.access_token;

/** An Authentication API call as the SDKs make it: `?apikey=`, no secret. */
const auth = (method: string, path: string, token: string | null, body?: unknown) =>
  lr.call(method, `${AUTH}${path}`, {
    auth: "none",
    query: { apikey: lr.emulator.apiKey },
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body }),
  });

describe("the Authentication API routes", () => {
  it("take the API key alone, and refuse a wrong one (901) or none (922)", async () => {
    const token = await mint(LINUS);
    expect((await auth("GET", "/access_token/validate", token)).status).toBe(200);
    const wrongKey = await lr.call("GET", `${AUTH}/access_token/validate`, {
      auth: "none",
      query: { apikey: "11111111-2222-4333-8444-555555555555" },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(wrongKey.body.ErrorCode).toBe(901);
    const noKey = await lr.call("GET", `${AUTH}/access_token/validate`, {
      auth: "none",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(noKey.body.ErrorCode).toBe(922);
  });

  it("read the token from ?access_token= too, and answer 1060 without one", async () => {
    const token = await mint(LINUS);
    const byQuery = await lr.call("GET", `${AUTH}/access_token/validate`, {
      auth: "none",
      query: { apikey: lr.emulator.apiKey, access_token: token },
    });
    expect(byQuery.body.access_token).toBe(token);
    const none = await auth("GET", "/access_token/validate", null);
    expect([none.status, none.body.ErrorCode]).toEqual([400, 1060]);
  });

  it("answer 906 once the token is 15 minutes old, 905 once invalidated", async () => {
    const token = await mint(LINUS);
    clock += 15 * 60_000;
    const expired = await auth("GET", "/access_token/validate", token);
    expect([expired.status, expired.body.ErrorCode]).toEqual([403, 906]);
    const fresh = await mint(LINUS);
    expect((await auth("GET", "/access_token/InValidate", fresh)).body).toEqual({ IsPosted: true });
    expect((await auth("GET", "/access_token/validate", fresh)).body.ErrorCode).toBe(905);
    expect((await auth("GET", "/access_token/invalidate", fresh)).body.ErrorCode).toBe(905);
  });

  it("link with PUT too (the Go SDK's method); a missing candidate token is 1134", async () => {
    const token = await mint(LINUS);
    const missing = await auth("PUT", "/socialidentity", token, {});
    expect(missing.body).toMatchObject({
      ErrorCode: 1134,
      Errors: [{ FieldName: "candidatetoken" }],
    });
    const linked = await auth("PUT", "/socialidentity", token, {
      candidateToken: demoCandidateToken("twitter"),
    });
    expect(linked.body).toEqual({ IsPosted: true });
    const profile = await lr.call("GET", `${ACCOUNT}/${LINUS}`);
    expect(profile.body.Identities).toEqual([demoSocialIdentity("twitter")]);
  });

  it("refuse to unlink Email (1078) or an identity the account lacks (989)", async () => {
    const token = await mint(ADA);
    const email = await auth("DELETE", "/socialidentity", token, {
      provider: "Email",
      providerid: ADA,
    });
    expect(email.body.ErrorCode).toBe(1078);
    const absent = await auth("DELETE", "/socialidentity", token, {
      provider: "google",
      providerId: "1",
    });
    expect(absent.body.ErrorCode).toBe(989);
  });

  it("keep no access token in the clear: only hashes, swept once expired past the bound", () => {
    const written: unknown[] = [];
    const store = new SessionStore(
      () => [],
      (entry) => {
        written.push(entry);
        store.apply(entry);
      },
    );
    const now = Date.parse("2026-03-01T10:00:00Z");
    for (let i = 0; i < 10_000; i++) store.issueAccessToken(`t-${i}`, "u", now - 1);
    store.issueAccessToken("live", "u", now + 60_000, undefined, now);
    expect(store.counts().accessTokens).toBe(1);
    expect(store.accessToken("live")?.uid).toBe("u");
    expect(JSON.stringify(written)).not.toContain('"live"');
  });
});
