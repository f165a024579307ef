import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, GRACE, type RunningEmulator, startEmulator } from "./helpers/emulator.js";
import { codeOf, errorOf, type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/*
 * Work is bounded by what an operation returns, not only by its upstream calls: the attacks of
 * issue 16 (one upstream call, thousands of profiles to complete and send) are refused before
 * execution, an answer over MAX_RESPONSE_BYTES becomes a typed error, and one caller looping the
 * heaviest query the limits allow leaves another caller's latency close to idle.
 */

/** Every Account field that costs no upstream call of its own: what a full profile reads. */
const PROFILE = `fragment Profile on Account {
  uid emails { type value } primaryEmail emailVerified phone phoneVerified userName prefix
  firstName middleName lastName suffix fullName nickName birthDate gender company city
  country { code name } customFields roles
  identities { provider providerId fullName emails { type value } imageUrl }
  provider registrationSource isActive isDeleted isLoginLocked
  lockState { locked lockedType lockedUntil } isCustomUid loginCount createdAt modifiedAt
  lastLoginAt lastPasswordChangeAt previousUids privacyPolicy { version acceptSource acceptedAt }
}`;

/** `aliases` copies of `accountsByUids(uids: $u) { ...Profile }`. */
const profiles = (aliases: number) =>
  `query($u: [ID!]!) { ${Array.from({ length: aliases }, (_, i) => `a${i}: accountsByUids(uids: $u) { ...Profile }`).join(" ")} } ${PROFILE}`;

const repeated = (uid: string, n: number) => Array.from({ length: n }, () => uid);

/** The attack: 64 aliases over one UID repeated 100 times (1 upstream call, 6,400 profiles). */
const ATTACK = { query: profiles(64), variables: { u: repeated(ADA, 100) } };

/** The heaviest query of this shape the default limits allow (about 9,700 of 10,000 items). */
const WORST_ALLOWED = { query: profiles(2), variables: { u: repeated(ADA, 85) } };

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { uid firstName } } }`;

describe("per-operation limits on what is returned", () => {
  let stack: Stack;
  let small: Stack;
  beforeAll(async () => {
    [stack, small] = await Promise.all([
      startStack(),
      startStack({ env: { MAX_RESPONSE_BYTES: "4096" } }),
    ]);
  });
  afterAll(() => Promise.all([stack.close(), small.close()]));
  beforeEach(() => Promise.all([stack.reset(), small.reset()]));

  it("64 aliases of accountsByUids over one UID repeated 100 times: refused, nothing upstream", async () => {
    const res = await stack.gql(ATTACK.query, ATTACK.variables);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(codeOf(res)).toBe("RESULT_LIMIT_EXCEEDED");
    // 64 x (100 UIDs in + 100 profiles out + 100 x 51 values in each): repeats are counted.
    expect(errorOf(res)).toMatchObject({ items: 64 * 100 * 55, limit: 10_000 });
    expect(await stack.calls()).toEqual([]);
  });

  it("_entities with 25,000 copies of one representation: refused, nothing upstream", async () => {
    // A short UID, so that the 25,000 fit in the 1 MiB body limit.
    const r = repeated("u", 25_000).map((uid) => ({ __typename: "Account", uid }));
    const res = await stack.gql(ENTITIES, { r });
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe("RESULT_LIMIT_EXCEEDED");
    expect(errorOf(res)).toMatchObject({ items: 100_000, limit: 10_000 });
    expect(await stack.calls()).toEqual([]);
  });

  it("a list argument counts its items even where the answer is one object", async () => {
    const emails = Array.from({ length: 10_000 }, (_, i) => ({
      type: "Secondary",
      value: `a${i}@example.com`,
    }));
    const res = await stack.gql(
      `mutation($e: [EmailInput!]!) { upsertAccountEmail(uid: "${ADA}", emails: $e) { uid } }`,
      { e: emails },
    );
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe("RESULT_LIMIT_EXCEEDED");
    expect(await stack.calls()).toEqual([]);
  });

  it("the heaviest allowed read still answers, every repeat in its place", async () => {
    const res = await stack.gql(WORST_ALLOWED.query, WORST_ALLOWED.variables);
    expect(res.errors).toBeUndefined();
    expect(res.data.a0).toHaveLength(85);
    expect(res.data.a1[84]).toEqual(res.data.a0[0]);
    expect(res.data.a0[0].firstName).toBe("Ada");
    expect(await stack.routes()).toEqual(["GET /identity/v2/manage/account/{uid}"]);
    // A full read of 100 distinct UIDs (unknown ones are null) fits too.
    const hundred = [ADA, GRACE, ...Array.from({ length: 98 }, (_, i) => `missing-${i}`)];
    const full = await stack.gql(profiles(1), { u: hundred });
    expect(full.errors).toBeUndefined();
    expect(full.data.a0.map((a: { uid: string } | null) => a?.uid ?? null).slice(0, 3)).toEqual([
      ADA,
      GRACE,
      null,
    ]);
  });

  it("an answer over MAX_RESPONSE_BYTES is replaced by a typed error", async () => {
    const res = await fetch(`${small.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: profiles(1), variables: { u: repeated(ADA, 20) } }),
    });
    const text = await res.text();
    expect(text.length).toBeLessThan(4096);
    const body = JSON.parse(text);
    expect(body.data).toBeUndefined();
    expect(codeOf(body)).toBe("RESPONSE_TOO_LARGE");
    expect(errorOf(body)).toEqual({ code: "RESPONSE_TOO_LARGE", limit: 4096 });
    // A small answer from the same service is untouched.
    const one = await small.gql(`{ accountByUid(uid: "${ADA}") { firstName } }`);
    expect(one.data).toEqual({ accountByUid: { firstName: "Ada" } });
  });
});
