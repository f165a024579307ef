import type { IncomingHttpHeaders, RequestListener } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../src/http/listen.js";
import { SIGNED_RUN, type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/**
 * What linkIdentity puts on the wire, seen by a recording upstream: the Authentication API calls
 * carry the minted token in `Authorization: Bearer` only (never in a URL) and no API secret (the
 * SDKs send none there); the management calls keep the secret header.
 */
const MINTED = "cap-4b1d9e7f-minted";
const SECRET = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];

const answerFor = (method: string, path: string): unknown => {
  if (path.endsWith("/manage/account/access_token"))
    return { access_token: MINTED, refresh_token: "r", expires_in: "2030-01-01T00:00:00Z" };
  if (path.endsWith("/auth/socialidentity")) return { IsPosted: true };
  if (path.endsWith("/auth/access_token/invalidate")) return { IsPosted: true };
  return method === "GET" ? { Uid: "u1", Identities: [] } : {};
};

const upstream: RequestListener = (req, res) => {
  seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
  req.resume();
  req.on("end", () => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answerFor(req.method ?? "GET", path)));
  });
};

let stack: Stack;
let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  server = await listen(upstream, 0);
  stack = await startStack({
    target: { apiUrl: server.url, apiSecret: SECRET },
    env: {
      AUTH_TOKENS: authTokensEnv({
        "wire-3f2e": { name: "wire", scopes: ["accounts:identities"] },
      }),
    },
  });
});
afterAll(async () => {
  await stack.close();
  await server.close();
});

describe("linkIdentity on the wire", () => {
  it("sends the minted token as a Bearer header only, and no secret to the Authentication API", async () => {
    seen.length = 0;
    const res = await stack.gql(
      'mutation { linkIdentity(uid: "u1", candidateToken: "cand-77", reason: "wire check") { uid } }',
      {},
      { token: "wire-3f2e" },
    );
    expect(res.errors).toBeUndefined();
    const auth = seen.filter((s) => s.url.startsWith("/identity/v2/auth/"));
    const manage = seen.filter((s) => s.url.startsWith("/identity/v2/manage/"));
    expect(auth.map((s) => `${s.method} ${s.url.split("?")[0]}`)).toEqual([
      "POST /identity/v2/auth/socialidentity",
      "GET /identity/v2/auth/access_token/invalidate",
    ]);
    for (const call of auth) {
      expect(call.headers.authorization).toBe(`Bearer ${MINTED}`);
      expect(call.headers["x-loginradius-apisecret"]).toBeUndefined();
      expect(call.url).toContain("apiKey=");
    }
    expect(manage.length).toBeGreaterThan(0);
    // Management calls carry the secret, or in a signed run (TEST_REQUEST_SIGNING) a digest instead.
    for (const call of manage)
      if (SIGNED_RUN) {
        expect(call.headers.digest).toMatch(/^SHA-256=/);
        expect(call.headers["x-loginradius-apisecret"]).toBeUndefined();
      } else expect(call.headers["x-loginradius-apisecret"]).toBe(SECRET);
    for (const call of seen) expect(call.url).not.toContain(MINTED);
    expect(auth[1]?.url).toContain("preventRefresh=true");
  });
});
