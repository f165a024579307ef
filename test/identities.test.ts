import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { demoCandidateToken, demoSocialIdentity } from "../src/emulator/identities/seed.js";
import { createLogger } from "../src/log.js";
import { ACCOUNT, LINUS, LINUS_SOCIAL } from "./helpers/emulator.js";
import { codeOf, type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * Linking and unlinking identities through the graph against the emulator: the service acts as
 * the account through an access token it mints and ends itself (never seen by the caller, the
 * logs or the audit), under a scope of its own.
 */
const DESK = "desk-7e2a9c4b1f3d";
const LINKER = "linker-5d1b8e3a7c9f";
const WIDE = "wide-3c8f1a6e9b2d";
const AUTH = "/identity/v2/auth";

const logLines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    logger: createLogger({ destination: sink, level: "debug" }),
    env: {
      AUTH_TOKENS: authTokensEnv({
        [DESK]: { name: "support-desk", scopes: ["accounts:identities", "accounts:read"] },
        [LINKER]: { name: "linker", scopes: ["accounts:identities"] },
        // Everything but the identities scope.
        [WIDE]: {
          name: "admin-without-identities",
          scopes: [
            "accounts:read",
            "accounts:write",
            "accounts:credentials",
            "accounts:impersonate",
            "accounts:delete",
          ],
        },
      }),
    },
  });
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.reset();
  logLines.length = 0;
  stack.audit.length = 0;
  stack.auditLines.length = 0;
});

const GOOGLE = demoSocialIdentity("google");

const LINK = `mutation Link($uid: ID!, $candidate: String!) {
  linkIdentity(uid: $uid, candidateToken: $candidate, reason: "ticket ID-42: add Google") {
    uid identities { provider providerId }
  }
}`;
const UNLINK = `mutation Unlink($uid: ID!, $provider: String!, $id: String!) {
  unlinkIdentity(uid: $uid, provider: $provider, providerId: $id, reason: "ticket ID-43: drop it") {
    uid identities { provider providerId }
  }
}`;

/** The access tokens the emulator issued during `act`, seen from its side (the caller never sees one). */
const mintedDuring = async (act: () => Promise<unknown>): Promise<string[]> => {
  const spy = vi.spyOn(stack.lr.emulator.stores.identities, "issueAccessToken");
  try {
    await act();
    return spy.mock.calls.map(([token]) => token);
  } finally {
    spy.mockRestore();
  }
};

/** Read straight from the emulator's store: no call of its own in the call log. */
const profileIdentities = (uid: string) =>
  stack.lr.emulator.stores.accounts.get(uid)?.Identities ?? [];

describe("linkIdentity / unlinkIdentity", () => {
  it("links a social login: the profile's Identities change, the minted token is ended", async () => {
    let res: Awaited<ReturnType<Stack["gql"]>> | undefined;
    const minted = await mintedDuring(async () => {
      res = await stack.gql(
        LINK,
        { uid: LINUS, candidate: demoCandidateToken("google") },
        { token: DESK },
      );
    });
    expect(res?.errors).toBeUndefined();
    expect(res?.data).toEqual({
      linkIdentity: { uid: LINUS, identities: [{ provider: "google", providerId: GOOGLE.ID }] },
    });
    expect(await profileIdentities(LINUS)).toMatchObject([{ Provider: "google", ID: GOOGLE.ID }]);
    expect(await stack.routes()).toEqual([
      `GET ${ACCOUNT}/access_token`,
      `POST ${AUTH}/socialidentity`,
      `GET ${AUTH}/access_token/invalidate`,
      `GET ${ACCOUNT}/{uid}`,
    ]);
    // The one token minted no longer works, nor its refresh token.
    expect(minted).toHaveLength(1);
    const token = minted[0] as string;
    const validate = await stack.lr.call("GET", `${AUTH}/access_token/validate`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(validate.body.ErrorCode).toBe(905);
    expect(stack.lr.emulator.stores.identities.counts().accessTokens).toBe(0);
    // Never in the answer, the logs or the audit trail; nor is the candidate token.
    const seen = [JSON.stringify(res), logLines.join(""), JSON.stringify(stack.auditLines)];
    for (const text of seen) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(demoCandidateToken("google"));
    }
  });

  it("keeps a candidate token written into the document out of the logs and the audit", async () => {
    const candidate = demoCandidateToken("twitter");
    const res = await stack.gql(
      `mutation { linkIdentity(uid: "${LINUS}", candidateToken: "${candidate}", reason: "inline") { uid } }`,
      {},
      { token: DESK },
    );
    expect(res.errors).toBeUndefined();
    expect(logLines.join("")).not.toContain(candidate);
    expect(JSON.stringify(stack.auditLines)).not.toContain(candidate);
  });

  it("unlinks an identity and reads the identities afresh", async () => {
    await stack.gql(LINK, { uid: LINUS, candidate: demoCandidateToken("google") }, { token: DESK });
    await stack.lr.control("DELETE", "/calls");
    const minted = await mintedDuring(async () => {
      const res = await stack.gql(
        UNLINK,
        { uid: LINUS, provider: "google", id: GOOGLE.ID },
        { token: DESK },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.unlinkIdentity).toEqual({ uid: LINUS, identities: [] });
    });
    expect(await profileIdentities(LINUS)).toEqual([]);
    expect(await stack.routes()).toEqual([
      `GET ${ACCOUNT}/{uid}`,
      `GET ${ACCOUNT}/access_token`,
      `DELETE ${AUTH}/socialidentity`,
      `GET ${AUTH}/access_token/invalidate`,
      `GET ${ACCOUNT}/{uid}`,
    ]);
    expect(minted).toHaveLength(1);
    expect(stack.lr.emulator.stores.identities.counts().accessTokens).toBe(0);
  });

  it("audits intent and outcome with the provider and provider id, never a token", async () => {
    await stack.gql(LINK, { uid: LINUS, candidate: demoCandidateToken("google") }, { token: DESK });
    await stack.gql(UNLINK, { uid: LINUS, provider: "google", id: GOOGLE.ID }, { token: DESK });
    const acts = stack.auditLines.filter((l) => String(l.field).includes("Identity"));
    expect(acts).toMatchObject([
      {
        phase: "intent",
        field: "Mutation.linkIdentity",
        uid: LINUS,
        caller: "support-desk",
        reason: "ticket ID-42: add Google",
      },
      { phase: "outcome", field: "Mutation.linkIdentity", uid: LINUS, outcome: "ok" },
      {
        phase: "intent",
        field: "Mutation.unlinkIdentity",
        uid: LINUS,
        provider: "google",
        providerId: GOOGLE.ID,
        reason: "ticket ID-43: drop it",
      },
      {
        phase: "outcome",
        field: "Mutation.unlinkIdentity",
        uid: LINUS,
        provider: "google",
        providerId: GOOGLE.ID,
        outcome: "ok",
      },
    ]);
    for (const line of acts) expect(Object.keys(line).join(",")).not.toMatch(/token/i);
  });

  it("records a refused link as its outcome, and still ends the minted token", async () => {
    const minted = await mintedDuring(async () => {
      const res = await stack.gql(
        LINK,
        { uid: LINUS, candidate: demoCandidateToken("facebook") },
        { token: DESK },
      );
      expect(codeOf(res)).toBe("CONFLICT");
      expect(res.errors?.[0]?.extensions?.field).toBe("candidateToken");
    });
    expect(minted).toHaveLength(1);
    expect(stack.lr.emulator.stores.identities.counts().accessTokens).toBe(0);
    expect((await stack.routes()).at(-1)).toBe(`GET ${AUTH}/access_token/invalidate`);
    expect(stack.audit.at(-1)).toMatchObject({
      field: "Mutation.linkIdentity",
      outcome: "error",
      code: "CONFLICT",
    });
  });

  it("refuses to unlink the last way an account signs in: FAILED_PRECONDITION, nothing sent", async () => {
    const res = await stack.gql(
      UNLINK,
      { uid: LINUS_SOCIAL, provider: "facebook", id: "10001234567890" },
      { token: DESK },
    );
    expect(codeOf(res)).toBe("FAILED_PRECONDITION");
    expect(res.errors?.[0]?.message).toMatch(/last way to sign in/);
    // Only the read that showed it: no token minted, no unlink sent.
    expect(await stack.routes()).toEqual([`GET ${ACCOUNT}/{uid}`]);
    expect(await profileIdentities(LINUS_SOCIAL)).toHaveLength(1);
  });

  it("without accounts:identities: FORBIDDEN, nothing upstream", async () => {
    const link = await stack.gql(
      LINK,
      { uid: LINUS, candidate: demoCandidateToken("google") },
      { token: WIDE },
    );
    const unlink = await stack.gql(
      UNLINK,
      { uid: LINUS, provider: "google", id: GOOGLE.ID },
      { token: WIDE },
    );
    expect(codeOf(link)).toBe("FORBIDDEN");
    expect(codeOf(unlink)).toBe("FORBIDDEN");
    expect(await stack.routes()).toEqual([]);
    expect(await profileIdentities(LINUS)).toEqual([]);
  });

  it("grants nothing else: the identities scope alone cannot read or impersonate", async () => {
    const read = await stack.gql(
      `{ accountByUid(uid: "${LINUS}") { uid } }`,
      {},
      { token: LINKER },
    );
    const mint = await stack.gql(
      `mutation { issueAccessToken(uid: "${LINUS}", reason: "try it") { accessToken } }`,
      {},
      { token: LINKER },
    );
    expect(codeOf(read)).toBe("FORBIDDEN");
    expect(codeOf(mint)).toBe("FORBIDDEN");
    expect(await stack.routes()).toEqual([]);
    // It links; the identities read afterwards is profile data: accounts:read.
    const link = await stack.gql(
      LINK,
      { uid: LINUS, candidate: demoCandidateToken("google") },
      { token: LINKER },
    );
    expect(link.data.linkIdentity).toEqual({ uid: LINUS, identities: null });
    expect(link.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([
      ["linkIdentity.identities", "FORBIDDEN"],
    ]);
    expect(await stack.routes()).not.toContain(`GET ${ACCOUNT}/{uid}`);
  });

  it("never retries a link whose answer was lost, and says what to check", async () => {
    await stack.lr.control("POST", "/faults", {
      route: `POST ${AUTH}/socialidentity`,
      kind: "drop",
      after: true,
      count: 1,
    });
    const res = await stack.gql(
      LINK,
      { uid: LINUS, candidate: demoCandidateToken("google") },
      { token: DESK },
    );
    expect(codeOf(res)).toBe("UPSTREAM_OUTCOME_UNKNOWN");
    const routes = await stack.routes();
    expect(routes.filter((r) => r === `POST ${AUTH}/socialidentity`)).toHaveLength(1);
    expect(routes.at(-1)).toBe(`GET ${AUTH}/access_token/invalidate`);
    expect(stack.lr.emulator.stores.identities.counts().accessTokens).toBe(0);
  });
});
