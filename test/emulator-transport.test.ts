import { describe, expect, it } from "vitest";
import { ACCOUNT, ADA, emulatorPerFile } from "./helpers/emulator.js";

const lr = emulatorPerFile();

const ERROR_KEYS = [
  "Description",
  "ErrorCode",
  "IsProviderError",
  "Message",
  "ProviderErrorResponse",
];

describe("credentials", () => {
  it("accepts key and secret as headers in any casing", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/${ADA}`, {
      auth: "none",
      headers: {
        "x-loginradius-apikey": lr.emulator.apiKey,
        "X-LOGINRADIUS-APISECRET": lr.emulator.apiSecret,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.Uid).toBe(ADA);
  });

  it("accepts key and secret as query parameters in any casing", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/${ADA}`, {
      auth: "none",
      query: { ApiKey: lr.emulator.apiKey, APISECRET: lr.emulator.apiSecret },
    });
    expect(res.status).toBe(200);
  });

  it("accepts the Node SDK's mix: apiKey in the query, both headers", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/${ADA}`, {
      auth: "none",
      query: { apiKey: lr.emulator.apiKey },
      headers: {
        "X-LoginRadius-apiKey": lr.emulator.apiKey,
        "X-LoginRadius-apiSecret": lr.emulator.apiSecret,
      },
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ["no key", {}, 400, 922],
    ["a key that is not a GUID", { apikey: "demo" }, 400, 920],
    ["an unknown key", { apikey: "00000000-0000-4000-8000-000000000000" }, 403, 901],
    ["no secret", { apikey: "KEY" }, 400, 923],
    ["a secret that is not a GUID", { apikey: "KEY", apisecret: "s3cret" }, 400, 921],
    [
      "a wrong secret",
      { apikey: "KEY", apisecret: "00000000-0000-4000-8000-000000000000" },
      401,
      902,
    ],
  ])(
    "rejects %s with the documented code",
    async (_, query: Record<string, string>, status, code) => {
      const q = Object.fromEntries(
        Object.entries(query).map(([k, v]) => [k, v === "KEY" ? lr.emulator.apiKey : v]),
      );
      const res = await lr.call("GET", `${ACCOUNT}/${ADA}`, { auth: "none", query: q });
      expect(res.status).toBe(status);
      expect(res.body.ErrorCode).toBe(code);
      expect(Object.keys(res.body).sort()).toEqual(ERROR_KEYS);
      expect(JSON.stringify(res.body)).not.toContain(lr.emulator.apiSecret);
    },
  );
});

describe("request parsing", () => {
  it("matches query names case-insensitively", async () => {
    const res = await lr.call("GET", ACCOUNT, { query: { EMAIL: "ada@example.com" } });
    expect(res.body.Uid).toBe(ADA);
  });

  it("matches literal path segments case-insensitively and keeps parameter case", async () => {
    const res = await lr.call("GET", `/Identity/V2/Manage/Account/${ADA}/PrivacyPolicy/History`);
    expect(res.status).toBe(200);
    expect(res.body.Uid).toBe(ADA);
    const upper = await lr.call("GET", `${ACCOUNT}/${ADA.toUpperCase()}`);
    expect(upper.body.ErrorCode).toBe(938);
  });

  it("treats an empty query value as not given", async () => {
    const res = await lr.call("GET", ACCOUNT, { query: { email: "", userName: "ada" } });
    expect(res.body.Uid).toBe(ADA);
    const withEmptyFields = await lr.call("GET", `${ACCOUNT}/${ADA}`, { query: { fields: "" } });
    expect(Object.keys(withEmptyFields.body).length).toBeGreaterThan(100);
  });

  it("keeps an encoded slash inside one path parameter", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/..%2Frole%2Fadmin`);
    expect(res.status).toBe(403);
    expect(res.body.ErrorCode).toBe(938);
  });

  it("answers an unknown endpoint with 971 at its documented 400 (the code table's status)", async () => {
    const res = await lr.call("GET", "/identity/v2/manage/nothing");
    expect(res.status).toBe(400);
    expect(res.body.ErrorCode).toBe(971);
  });

  it("answers a wrong method with 405 and the allowed methods", async () => {
    const res = await lr.call("POST", `${ACCOUNT}/${ADA}/password`, { body: { password: "x" } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, PUT");
    expect(res.body.ErrorCode).toBe(971);
  });

  it("rejects a body that is neither JSON nor form-encoded by Content-Type with 1083", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}`, {
      raw: "FirstName=Eve",
      headers: { "Content-Type": "text/plain" },
    });
    expect(res.status).toBe(400);
    expect(res.body.ErrorCode).toBe(1083);
  });

  it("rejects malformed JSON with 965 and changes nothing", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}`, { raw: '{"FirstName": "Eve"' });
    expect(res.status).toBe(400);
    expect(res.body.ErrorCode).toBe(965);
    const after = await lr.call("GET", `${ACCOUNT}/${ADA}`);
    expect(after.body.FirstName).toBe("Ada");
  });

  it.each([
    ["POST", ACCOUNT, 958],
    ["PUT", `${ACCOUNT}/${ADA}`, 1079],
    ["DELETE", `${ACCOUNT}/${ADA}/email`, 1081],
  ])("rejects a missing body on %s with its code", async (method, path, code) => {
    const res = await lr.call(method, path);
    expect(res.status).toBe(400);
    expect(res.body.ErrorCode).toBe(code);
  });

  it("accepts Content-Type: application/json on a GET, as the Node SDK sends it", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/${ADA}`, {
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(200);
  });
});
