import { createHmac } from "node:crypto";
import type http from "node:http";
import https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADA } from "./helpers/emulator.js";
import { officialSdkAgainstEmulator } from "./helpers/sdk.js";

// The official Node SDK 11.7 with `apiRequestSigning: true` (issue 18): it reads `options.uri`
// and `options.body`, which it never sets, so it digests the literal `<expires>:undefined`
// whatever the request. A faithful emulator refuses those calls as invalid signatures (1208),
// as LoginRadius's documented recipe would: this pins the deviation (src/emulator/README.md).

// The SDK writes its expiry in local time; in UTC it is the time the docs ask for, so the
// emulator gets as far as the digest (west of UTC it would stop earlier, at 1212).
process.env.TZ = "UTC";

const t = officialSdkAgainstEmulator({
  config: { apiRequestSigning: true },
  emulator: { requireSigning: true },
});

const sent: Record<string, unknown>[] = [];
let sdkTransport: typeof https.request;

beforeAll(() => {
  sdkTransport = https.request;
  // biome-ignore lint/suspicious/noExplicitAny: matching https.request's overloads is not the point
  (https as any).request = (options: http.RequestOptions, callback: never) => {
    sent.push({ ...(options.headers as Record<string, unknown>) });
    // biome-ignore lint/suspicious/noExplicitAny: forwarding to the helper's transport
    return (sdkTransport as any)(options, callback);
  };
});
afterAll(() => {
  // biome-ignore lint/suspicious/noExplicitAny: restoring the helper's transport
  (https as any).request = sdkTransport;
});

describe("the Node SDK 11.7 with apiRequestSigning", () => {
  it("sends no secret, and its digest covers `<expires>:undefined`, not the request", async () => {
    const error = await t.sdk.accountApi.getAccountProfileByUid(ADA).catch((e: unknown) => e);
    expect(error).toMatchObject({ ErrorCode: 1208 });
    const headers = sent.at(-1) ?? {};
    expect(JSON.stringify(headers)).not.toContain(t.lr.emulator.apiSecret);
    const expires = String(headers["X-Request-Expires"]);
    expect(expires).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const literal = createHmac("sha256", t.lr.emulator.apiSecret)
      .update(`${expires}:undefined`)
      .digest("base64");
    expect(headers.digest).toBe(`SHA-256=${literal}`);
  });

  it("is refused for a write as well, and the write does not happen", async () => {
    const error = await t.sdk.accountApi
      .updateAccountByUid({ FirstName: "Mallory" }, ADA)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ ErrorCode: 1208 });
    expect(t.lr.emulator.stores.accounts.get(ADA)?.FirstName).toBe("Ada");
  });
});
