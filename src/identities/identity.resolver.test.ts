import { describe, expect, it } from "vitest";
import { startInProcess } from "../../test/helpers/in-process.js";
import { connectDoubles } from "../context.js";
import { UpstreamError } from "../loginradius/upstream-error.js";
import { identitiesClientDouble } from "./identities.client.double.js";
import type { IdentitiesClient } from "./identities.client.js";

const UID = "0a9d5c1e4b7f4e2a8c3d6b5a7e9f1c20";
const MINTED = "minted-4f1c9e2a-never-leaves";
const FACEBOOK = { Provider: "facebook", ID: "100", FullName: null, Email: [], ImageUrl: null };

/**
 * The identities resolvers in process: the order of the calls (mint, act, end), the token ended
 * whatever the act did, the last-sign-in rule before any mint, and the token never in an answer.
 */
const start = (given: Partial<IdentitiesClient> = {}, hasPassword = true) => {
  const calls: string[] = [];
  const identities = identitiesClientDouble({
    signInWays: async (uid) => {
      calls.push(`signInWays ${uid}`);
      return { Uid: uid, hasPassword, Identities: [FACEBOOK] };
    },
    mintAccessToken: async (uid) => {
      calls.push(`mint ${uid}`);
      return { access_token: MINTED };
    },
    link: async (token, candidate) => {
      calls.push(`link ${token} ${candidate}`);
      return { IsPosted: true };
    },
    unlink: async (token, provider, id) => {
      calls.push(`unlink ${token} ${provider} ${id}`);
      return { IsDeleted: true };
    },
    invalidate: async (token) => {
      calls.push(`invalidate ${token}`);
      return { IsPosted: true };
    },
    ...given,
  });
  return startInProcess({ connect: connectDoubles({ identities }) }).then((app) => ({
    ...app,
    calls,
  }));
};

const LINK = `mutation { linkIdentity(uid: "${UID}", candidateToken: "cand-1", reason: "ticket 9") { uid } }`;
const UNLINK = `mutation { unlinkIdentity(uid: "${UID}", provider: "Facebook", providerId: "100", reason: "ticket 9") { uid } }`;

describe("linkIdentity in process", () => {
  it("mints, links with the minted token, ends it; the answer holds no token", async () => {
    const app = await start();
    const res = await app.run(LINK);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ linkIdentity: { uid: UID } });
    expect(app.calls).toEqual([`mint ${UID}`, `link ${MINTED} cand-1`, `invalidate ${MINTED}`]);
    expect(JSON.stringify(res.data)).not.toContain(MINTED);
  });

  it("ends the minted token when the link is refused, and reports the refusal", async () => {
    const app = await start({
      link: () => Promise.reject(new UpstreamError("rejected", "POST link", 403, 983)),
    });
    const res = await app.run(LINK);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "candidateToken",
    });
    expect(app.calls).toEqual([`mint ${UID}`, `invalidate ${MINTED}`]);
  });

  it("a failed invalidation does not hide a link that happened", async () => {
    const app = await start({
      invalidate: () => Promise.reject(new UpstreamError("rejected", "GET invalidate", 403, 905)),
    });
    const res = await app.run(LINK);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ linkIdentity: { uid: UID } });
  });
});

describe("unlinkIdentity in process", () => {
  it("unlinks when a password is left, matching the provider in any casing", async () => {
    const app = await start();
    const res = await app.run(UNLINK);
    expect(res.errors).toBeUndefined();
    expect(app.calls).toEqual([
      `signInWays ${UID}`,
      `mint ${UID}`,
      `unlink ${MINTED} Facebook 100`,
      `invalidate ${MINTED}`,
    ]);
  });

  it("refuses the last way to sign in before minting anything", async () => {
    const app = await start({}, false);
    const res = await app.run(UNLINK);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "FAILED_PRECONDITION",
      field: "providerId",
    });
    expect(app.calls).toEqual([`signInWays ${UID}`]);
  });

  it("refuses a malformed candidate token or provider before any call", async () => {
    const app = await start();
    const bad = [
      `mutation { linkIdentity(uid: "${UID}", candidateToken: "a b", reason: "ticket 9") { uid } }`,
      `mutation { unlinkIdentity(uid: "${UID}", provider: "face/book", providerId: "1", reason: "ticket 9") { uid } }`,
      `mutation { unlinkIdentity(uid: "${UID}", provider: "google", providerId: "1", reason: "..") { uid } }`,
    ];
    for (const query of bad)
      expect((await app.run(query)).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(app.calls).toEqual([]);
  });
});
