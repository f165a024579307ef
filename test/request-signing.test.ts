import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  canonicalUrl,
  formatExpiry,
  parseExpiry,
  SIGNATURE_LIFETIME_MS,
  signatureOf,
} from "../src/loginradius/request-signing.js";
import { ACCOUNT, ADA, type RunningEmulator, startEmulator } from "./helpers/emulator.js";
import { codeOf, errorOf, type Stack, startStack } from "./helpers/stack.js";

// LoginRadius request signing (issue 18): the digest, the emulator's checks (1207-1212), and the
// service sending signed calls only, the secret never on the wire.

const SECRET = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";

describe("the digest (known answers)", () => {
  it("matches a digest computed independently of the code", () => {
    // Signing string written out by hand from the documented recipe (.NET HttpUtility encoding,
    // lower-cased) and digested in a shell, once:
    //   printf '%s' '2026-12-7 1:5:9 PM:https%3a%2f%2fapi.loginradius.com%2fidentity%2fv2%2fmanage%2faccount%3fapikey%3d0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d%26fields%3duid%2cemail:{"Email":[{"Type":"Primary","Value":"ada@example.com"}]}' \
    //     | openssl dgst -sha256 -hmac '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9' -binary | base64
    const url =
      "https://api.loginradius.com/identity/v2/manage/account?apiKey=0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D&fields=Uid%2CEmail";
    const body = '{"Email":[{"Type":"Primary","Value":"ada@example.com"}]}';
    expect(signatureOf(SECRET, "2026-12-7 1:5:9 PM", url, Buffer.from(body))).toBe(
      "orxRiXLloA3lqt6IJZeq70KV6D30nEyx9zR4+6BQ86A=",
    );
  });

  it("encodes the URL as .NET's HttpUtility does: + and space, ~ and ' escaped, a GET without body", () => {
    // printf '%s' '2026-12-7 1:5:9 PM:https%3a%2f%2fapi.loginradius.com%2fidentity%2fv2%2fmanage%2faccount%2fada-lovelace%3fapikey%3d0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d%26q%3da+b%2b%7e%27' \
    //   | openssl dgst -sha256 -hmac '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9' -binary | base64
    const url =
      "https://api.loginradius.com/identity/v2/manage/account/ada-lovelace?apiKey=0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D&q=a+b%2B~'";
    expect(canonicalUrl(url)).toBe(
      "https%3a%2f%2fapi.loginradius.com%2fidentity%2fv2%2fmanage%2faccount%2fada-lovelace%3fapikey%3d0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d%26q%3da+b%2b%7e%27",
    );
    expect(signatureOf(SECRET, "2026-12-7 1:5:9 PM", url)).toBe(
      "Zb7xME+3XoQojIfFTX8MLzOhJkQTR9U/9w+8wqbzQ9M=",
    );
  });

  it("writes the expiry as the docs show it (yyyy-M-d h:m:s tt, UTC) and reads the SDKs' forms", () => {
    expect(formatExpiry(new Date("2018-04-18T18:15:10Z"))).toBe("2018-4-18 6:15:10 PM");
    expect(formatExpiry(new Date("2026-01-02T00:05:09Z"))).toBe("2026-1-2 12:5:9 AM");
    expect(parseExpiry("2018-4-18 6:15:10 PM")?.toISOString()).toBe("2018-04-18T18:15:10.000Z");
    expect(parseExpiry("2018-04-18 18:15:10")?.toISOString()).toBe("2018-04-18T18:15:10.000Z");
    expect(parseExpiry("2026-1-2 12:5:9 AM")?.toISOString()).toBe("2026-01-02T00:05:09.000Z");
    for (const bad of ["tomorrow", "2018-2-30 1:0:0 PM", "2018-4-18 13:00:00 PM", "1524075310"])
      expect(parseExpiry(bad)).toBeNull();
  });
});

/** A request signed by hand for the emulator: the URL it will see, the body it will read. */
const signed = (
  lr: RunningEmulator,
  path: string,
  options: { expires: Date; secret?: string; body?: string; digestBody?: string },
) => {
  const url = `${lr.url}${path}?apiKey=${lr.emulator.apiKey}`;
  const expires = formatExpiry(options.expires);
  const digest = signatureOf(
    options.secret ?? lr.emulator.apiSecret,
    expires,
    url,
    options.digestBody ?? options.body,
  );
  return fetch(url, {
    method: options.body === undefined ? "GET" : "PUT",
    headers: {
      "x-request-expires": expires,
      digest: `SHA-256=${digest}`,
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(options.body === undefined ? {} : { body: options.body }),
  });
};

const answer = async (res: Response) => ({
  status: res.status,
  code: ((await res.json()) as { ErrorCode?: number }).ErrorCode,
});

describe("the emulator as a strict-mode site", () => {
  const NOW = new Date("2026-12-07T12:00:00Z");
  let lr: RunningEmulator;
  beforeAll(async () => {
    lr = await startEmulator({ requireSigning: true, now: () => NOW, signatureSkewMs: 60_000 });
  });
  afterAll(() => lr.close());
  beforeEach(() => lr.control("POST", "/reset"));
  const later = new Date(NOW.getTime() + SIGNATURE_LIFETIME_MS);

  it("serves a correctly signed read and write", async () => {
    expect((await signed(lr, `${ACCOUNT}/${ADA}`, { expires: later })).status).toBe(200);
    const res = await signed(lr, `${ACCOUNT}/${ADA}`, {
      expires: later,
      body: '{"FirstName":"Augusta"}',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { FirstName: string }).FirstName).toBe("Augusta");
  });

  it("refuses a tampered body, a wrong secret and a changed URL with 1208 (403), changing nothing", async () => {
    const tampered = await signed(lr, `${ACCOUNT}/${ADA}`, {
      expires: later,
      body: '{"FirstName":"Mallory"}',
      digestBody: '{"FirstName":"Augusta"}',
    });
    expect(await answer(tampered)).toEqual({ status: 403, code: 1208 });
    const wrong = await signed(lr, `${ACCOUNT}/${ADA}`, {
      expires: later,
      secret: "00000000-0000-4000-8000-000000000000",
    });
    expect(await answer(wrong)).toEqual({ status: 403, code: 1208 });
    const url = `${lr.url}${ACCOUNT}/${ADA}?apiKey=${lr.emulator.apiKey}`;
    const expires = formatExpiry(later);
    const res = await fetch(`${url}&fields=Password`, {
      headers: {
        "x-request-expires": expires,
        digest: `SHA-256=${signatureOf(lr.emulator.apiSecret, expires, url)}`,
      },
    });
    expect(await answer(res)).toEqual({ status: 403, code: 1208 });
    const read = await lr.call("GET", `${ACCOUNT}/${ADA}`, {
      headers: { digest: "x", "x-request-expires": "y" },
      query: { apiKey: lr.emulator.apiKey },
      auth: "none",
    });
    expect(read.body.ErrorCode).toBe(1211);
    expect(lr.emulator.stores.accounts.get(ADA)?.FirstName).toBe("Ada");
  });

  it("refuses an expired signature with 1212 (403) once past the skew allowance", async () => {
    const stale = new Date(NOW.getTime() - 61_000);
    expect(await answer(await signed(lr, `${ACCOUNT}/${ADA}`, { expires: stale }))).toEqual({
      status: 403,
      code: 1212,
    });
    const withinSkew = new Date(NOW.getTime() - 59_000);
    expect((await signed(lr, `${ACCOUNT}/${ADA}`, { expires: withinSkew })).status).toBe(200);
  });

  it("answers the documented codes for missing or malformed parts", async () => {
    const url = `${lr.url}${ACCOUNT}/${ADA}?apiKey=${lr.emulator.apiKey}`;
    const get = async (headers: Record<string, string>) => answer(await fetch(url, { headers }));
    const digest = `SHA-256=${signatureOf(lr.emulator.apiSecret, "2026-12-7 1:0:0 PM", url)}`;
    expect(await get({ digest })).toEqual({ status: 400, code: 1210 });
    expect(await get({ digest, "x-request-expires": "next week" })).toEqual({
      status: 400,
      code: 1211,
    });
    expect(await get({ "x-request-expires": "2026-12-7 1:0:0 PM" })).toEqual({
      status: 400,
      code: 1207,
    });
    // Strict mode: the secret alone is not enough; nothing at all is 1209.
    expect(await get({ "x-loginradius-apisecret": lr.emulator.apiSecret })).toEqual({
      status: 400,
      code: 1207,
    });
    expect(await get({})).toEqual({ status: 400, code: 1209 });
  });

  it("in the default (preferred) mode still takes the secret, and checks a signature when one comes", async () => {
    const preferred = await startEmulator({ now: () => NOW });
    try {
      expect((await preferred.call("GET", `${ACCOUNT}/${ADA}`)).status).toBe(200);
      const wrong = await signed(preferred, `${ACCOUNT}/${ADA}`, {
        expires: later,
        secret: "00000000-0000-4000-8000-000000000000",
      });
      expect(await answer(wrong)).toEqual({ status: 403, code: 1208 });
    } finally {
      await preferred.close();
    }
  });
});

describe("the service with LOGINRADIUS_REQUEST_SIGNING=true", () => {
  let stack: Stack;
  const seen: { digest: string; expires: string; path: string }[] = [];
  beforeAll(async () => {
    stack = await startStack({
      env: { LOGINRADIUS_REQUEST_SIGNING: "true" },
      emulator: { requireSigning: true },
      record: (req: IncomingMessage) =>
        seen.push({
          digest: String(req.headers.digest ?? ""),
          expires: String(req.headers["x-request-expires"] ?? ""),
          path: req.url ?? "",
        }),
    });
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.reset();
    seen.length = 0;
  });

  // First: a fresh service has no good answer yet, so /readyz probes.
  it("signs the readiness probe", async () => {
    const res = await fetch(`${stack.url}/readyz`);
    expect(res.status).toBe(200);
    expect(seen.some((r) => r.path.includes("readiness-probe") && r.digest !== "")).toBe(true);
    expect(stack.capture?.occurrences).toBe(0);
  });

  it("reads and writes through a strict-mode site, every request signed, the secret never sent", async () => {
    const read = await stack.gql(`{ accountByUid(uid: "${ADA}") { uid firstName } }`);
    expect(read.data.accountByUid).toEqual({ uid: ADA, firstName: "Ada" });
    const write = await stack.gql(
      `mutation { updateAccount(uid: "${ADA}", input: { firstName: "Augusta" }) { firstName } }`,
    );
    expect(write.errors).toBeUndefined();
    expect(write.data.updateAccount.firstName).toBe("Augusta");
    expect((await stack.calls()).map((c) => c.status)).toEqual([200, 200]);
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      expect(request.digest).toMatch(/^SHA-256=[A-Za-z0-9+/]{43}=$/);
      expect(parseExpiry(request.expires)).not.toBeNull();
    }
    expect(stack.capture).toMatchObject({ occurrences: 0, withNeedle: 0 });
    expect(stack.capture?.signed).toBe(stack.capture?.requests);
  });

  it("signs each retry afresh: a new expiry and digest, and the retry accepted", async () => {
    // The first attempt is answered 503 after 1.1 s: its retry is sent in a later second, so a
    // signature made per attempt has another expiry (the header counts whole seconds).
    await stack.lr.control("POST", "/faults", {
      kind: "error",
      status: 503,
      delayMs: 1_100,
      count: 1,
      route: "GET /identity/v2/manage/account/{uid}",
    });
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    expect(res.data.accountByUid).toEqual({ uid: ADA });
    expect(seen).toHaveLength(2);
    expect(seen[1]?.expires).not.toBe(seen[0]?.expires);
    expect(seen[1]?.digest).not.toBe(seen[0]?.digest);
  });
});

describe("a signing service with the wrong secret", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      env: { LOGINRADIUS_REQUEST_SIGNING: "true" },
      emulator: { requireSigning: true },
      target: { apiSecret: "00000000-0000-4000-8000-000000000000" },
    });
  });
  afterAll(() => stack.close());

  it("is refused with 1208 and reports refused credentials, the secret named nowhere", async () => {
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") { uid } }`);
    expect(codeOf(res)).toBe("UPSTREAM_AUTH_FAILED");
    expect(errorOf(res)?.loginradius).toEqual({ errorCode: 1208 });
    expect((await stack.calls()).map((c) => c.status)).toEqual([403]);
    expect(JSON.stringify(res)).not.toContain("00000000-0000-4000-8000-000000000000");
  });
});
