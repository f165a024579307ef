import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload, SignJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { ADA } from "./helpers/emulator.js";
import { type Stack, startStack } from "./helpers/stack.js";

const ISSUER = "https://idp.test/";
const AUDIENCE = "account-graph";
const READ = `{ accountByUid(uid: "${ADA}") { firstName } }`;

/** The identity provider's key set, served on 127.0.0.1; tests change it to rotate keys. */
const jwks = { keys: [] as JWK[], fetches: 0, failing: false };
let idp: Server;
let jwksUrl: string;

const newKey = async (kid: string, alg: "ES256" | "RS256" = "ES256") => {
  const pair = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: "sig" };
  return { ...pair, kid, alg, jwk };
};
type Key = Awaited<ReturnType<typeof newKey>>;

let k1: Key;
let stack: Stack;
beforeAll(async () => {
  k1 = await newKey("k1");
  jwks.keys = [k1.jwk];
  idp = createServer((_, res) => {
    jwks.fetches++;
    if (jwks.failing) {
      res.writeHead(503).end();
      return;
    }
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ keys: jwks.keys }));
  });
  await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/.well-known/jwks.json`;
  stack = await startStack({
    env: {
      AUTH_JWKS_URL: jwksUrl,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_JWKS_COOLDOWN_SECONDS: "0",
    },
  });
});
afterAll(async () => {
  await stack.close();
  await new Promise((resolve) => idp.close(resolve));
});
beforeEach(async () => {
  await stack.reset();
  jwks.failing = false;
});

const sign = (
  key: Key,
  claims: JWTPayload = {},
  options: { exp?: number | string; iss?: string; aud?: string } = {},
) =>
  new SignJWT({ scope: "accounts:read", ...claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setSubject("crm-backend")
    .setIssuedAt()
    .setExpirationTime(options.exp ?? "5m")
    .sign(key.privateKey);

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

const expectRefused = async (token: string) => {
  const res = await stack.gql(READ, {}, { token });
  expect(res.status).toBe(401);
  expect(res.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED" });
  expect(await stack.calls()).toEqual([]);
};

describe("JWTs from the identity provider", () => {
  it("accepts a signed token with the right issuer and audience; scopes from `scope`", async () => {
    const res = await stack.gql(
      READ,
      {},
      { token: await sign(k1, { scope: "openid accounts:read" }) },
    );
    expect(res).toEqual({ status: 200, data: { accountByUid: { firstName: "Ada" } } });
  });

  it("reads scopes from `scp` and names the caller by client_id when there is no sub", async () => {
    const token = await new SignJWT({ scp: ["accounts:credentials"], client_id: "billing-svc" })
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime("5m")
      .sign(k1.privateKey);
    const before = stack.audit.length;
    const res = await stack.gql(
      `mutation { revokeAllRefreshTokens(uid: "${ADA}") { revoked } }`,
      {},
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(stack.audit.slice(before)).toMatchObject([
      { caller: "billing-svc", callerKind: "jwt", field: "Mutation.revokeAllRefreshTokens" },
    ]);
    const read = await stack.gql(READ, {}, { token });
    expect(read.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("grants no scope it does not know: `*` or another API's scopes give nothing", async () => {
    const res = await stack.gql(READ, {}, { token: await sign(k1, { scope: "* admin accounts" }) });
    expect(res.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", scope: "accounts:read" });
    expect(await stack.calls()).toEqual([]);
  });

  it("refuses an expired token", async () => {
    await expectRefused(await sign(k1, {}, { exp: now() - 60 }));
  });

  it("refuses a token not valid yet", async () => {
    await expectRefused(await sign(k1, { nbf: now() + 600 }));
  });

  it("refuses a token without exp", async () => {
    const token = await new SignJWT({ scope: "accounts:read", sub: "x" })
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(k1.privateKey);
    await expectRefused(token);
  });

  it("refuses a token forged with another key under the known kid", async () => {
    const forger = await newKey("k1");
    await expectRefused(await sign(forger));
  });

  it("refuses the wrong audience and the wrong issuer", async () => {
    await expectRefused(await sign(k1, {}, { aud: "another-api" }));
    await expectRefused(await sign(k1, {}, { iss: "https://evil.example/" }));
  });

  it("refuses alg none", async () => {
    const payload = {
      sub: "x",
      scope: "accounts:read",
      iss: ISSUER,
      aud: AUDIENCE,
      exp: now() + 300,
    };
    await expectRefused(`${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`);
  });

  it("refuses HS256 signed with the public key as the secret (algorithm confusion)", async () => {
    const secret = new TextEncoder().encode(await exportSPKI(k1.publicKey));
    const token = await new SignJWT({ scope: "accounts:read", sub: "x" })
      .setProtectedHeader({ alg: "HS256", kid: "k1" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime("5m")
      .sign(secret);
    await expectRefused(token);
  });

  it("follows a key rotation: a token with a new kid makes it fetch the key set again", async () => {
    await stack.gql(READ, {}, { token: await sign(k1) });
    const fetched = jwks.fetches;
    const k2 = await newKey("k2", "RS256");
    jwks.keys = [k1.jwk, k2.jwk];
    const res = await stack.gql(READ, {}, { token: await sign(k2) });
    expect(res.data).toEqual({ accountByUid: { firstName: "Ada" } });
    expect(jwks.fetches).toBe(fetched + 1);
    // Cached: the same key again costs no fetch.
    await stack.gql(READ, {}, { token: await sign(k2) });
    expect(jwks.fetches).toBe(fetched + 1);
  });

  it("answers 503 AUTH_UNAVAILABLE when the key set cannot be fetched", async () => {
    jwks.failing = true;
    const res = await stack.gql(READ, {}, { token: await sign(await newKey("k-unknown")) });
    expect(res.status).toBe(503);
    expect(res.errors?.[0]?.extensions).toEqual({ code: "AUTH_UNAVAILABLE" });
    expect(await stack.calls()).toEqual([]);
  });
});

describe("JWT configuration", () => {
  const base = {
    AUTH_JWKS_URL: "https://idp.example/jwks",
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
  };

  it("pins asymmetric algorithms: HS256 and none are refused", () => {
    expect(() => readConfig({ ...base, AUTH_JWT_ALGORITHMS: "RS256,HS256" })).toThrow(
      /AUTH_JWT_ALGORITHMS .* got 'HS256'/,
    );
    expect(() => readConfig({ ...base, AUTH_JWT_ALGORITHMS: "none" })).toThrow(
      /AUTH_JWT_ALGORITHMS/,
    );
    expect(readConfig(base).auth.jwt?.algorithms).toEqual(["RS256", "ES256"]);
  });

  it("needs https for the key set (http only on loopback), an issuer and an audience", () => {
    expect(() => readConfig({ ...base, AUTH_JWKS_URL: "http://idp.example/jwks" })).toThrow(
      /AUTH_JWKS_URL must be an https URL/,
    );
    expect(() => readConfig({ AUTH_JWKS_URL: base.AUTH_JWKS_URL })).toThrow(
      /AUTH_ISSUER is required[\s\S]*AUTH_AUDIENCE is required/,
    );
  });
});
