import { describe, expect, it } from "vitest";
import { ACCOUNT_CODES } from "../src/emulator/accounts/codes.js";
import { readEmulatorConfig } from "../src/emulator/config.js";
import { CORE } from "../src/emulator/core/errors.js";
import { ACCOUNT, ADA, ALAN, emulatorPerFile, LINUS, startEmulator } from "./helpers/emulator.js";

const lr = emulatorPerFile();

const create = (Password: unknown) =>
  lr.call("POST", ACCOUNT, {
    body: { Email: [{ Type: "Primary", Value: "policy@example.net" }], Password },
  });

describe("password policy (LoginRadius default: at least 6 characters)", () => {
  it("accepts a 6-character password and answers a shorter one with 1134 and Errors[]", async () => {
    const short = await create("abcde");
    expect(short.status).toBe(403);
    expect(short.body).toMatchObject({
      ErrorCode: 1134,
      Message: "Validation failed for one or more fields",
      Errors: [
        {
          FieldName: "Password",
          ErrorMessage: "The Password field must be at least 6 characters long.",
        },
      ],
    });
    expect((await create("abcdef")).status).toBe(200);
  });

  it("answers a password over the maximum (32) with 1134", async () => {
    const res = await create("x".repeat(33));
    expect(res.body.ErrorCode).toBe(1134);
    expect(res.body.Errors[0].FieldName).toBe("Password");
  });

  it("answers a well-known password with 1216 (a potential password vulnerability)", async () => {
    const res = await create("password1");
    expect(res.body).toMatchObject({
      ErrorCode: 1216,
      Message: "Weak password",
      Description: "A potential password vulnerability was detected.",
    });
  });

  it("is configurable through EMULATOR_PASSWORD_MIN_LENGTH / _MAX_LENGTH", async () => {
    const config = readEmulatorConfig({
      EMULATOR_PASSWORD_MIN_LENGTH: "10",
      EMULATOR_PASSWORD_MAX_LENGTH: "12",
    });
    expect(config.options.password).toEqual({ minLength: 10, maxLength: 12 });
    const strict = await startEmulator(config.options);
    try {
      const res = await strict.call("PUT", `${ACCOUNT}/${ADA}/password`, {
        body: { password: "nine-char" },
      });
      expect(res.body.Errors).toEqual([
        {
          FieldName: "password",
          ErrorMessage: "The password field must be at least 10 characters long.",
        },
      ]);
    } finally {
      await strict.close();
    }
    expect(() => readEmulatorConfig({ EMULATOR_PASSWORD_MIN_LENGTH: "40" })).toThrow(
      /EMULATOR_PASSWORD_MIN_LENGTH must not exceed EMULATOR_PASSWORD_MAX_LENGTH/,
    );
  });
});

describe("set password errors, as its reference lists them", () => {
  const setPassword = (uid: string, body: unknown) =>
    lr.call("PUT", `${ACCOUNT}/${uid}/password`, { body });

  it("no email profile on that UID: 1039", async () => {
    const res = await setPassword("no-such-account", { password: "Valid-Pass-1" });
    expect(res.body).toMatchObject({
      ErrorCode: 1039,
      Message: "An email profile is not created or does not exist",
    });
  });

  it("a missing password: 1134 naming the field; a password that is not a string: 1015", async () => {
    expect((await setPassword(ADA, { other: 1 })).body).toMatchObject({
      ErrorCode: 1134,
      Errors: [{ FieldName: "password", ErrorMessage: "The password field is required." }],
    });
    expect((await setPassword(ADA, { password: 123456 })).body).toMatchObject({
      ErrorCode: 1015,
      Message: "The new password is invalid",
    });
  });

  it("a policy failure: 1134; a well-known password: 1216", async () => {
    expect((await setPassword(ADA, { password: "abc" })).body.ErrorCode).toBe(1134);
    expect((await setPassword(ADA, { password: "qwerty123" })).body.ErrorCode).toBe(1216);
  });
});

describe("documented error texts", () => {
  it("every code the emulator can send has the documented Message and Description", () => {
    const table = { ...CORE.table, ...ACCOUNT_CODES };
    for (const [code, info] of Object.entries(table)) {
      expect(info.message, `Message of ${code}`).not.toBe("");
      expect(info.description, `Description of ${code}`).not.toBe("");
    }
    expect(ACCOUNT_CODES[938].description).toBe(
      "The user's account does not exist, please use a valid user or create the user before processing this request.",
    );
  });

  it("sends them on the wire", async () => {
    expect((await lr.call("GET", `${ACCOUNT}/nobody`)).body).toEqual({
      Description:
        "The user's account does not exist, please use a valid user or create the user before processing this request.",
      ErrorCode: 938,
      Message: "User does not exist",
      IsProviderError: false,
      ProviderErrorResponse: null,
    });
    expect((await lr.call("GET", `${ACCOUNT}/${ADA}`, { auth: "none" })).body).toMatchObject({
      ErrorCode: 922,
      Message: "API key is missing",
    });
  });
});

describe("profiles", () => {
  it("carry the Created key, null unless a provider set it", async () => {
    const res = await lr.call("GET", `${ACCOUNT}/${ADA}`);
    expect(res.body).toHaveProperty("Created", null);
    const keys = Object.keys(res.body);
    expect(keys.indexOf("Created")).toBe(keys.indexOf("CreatedDate") - 1);
  });
});

describe("phone lookups normalise the +", () => {
  it.each([
    ["an encoded + (%2B)", "%2B447700900123"],
    ["a raw + (decoded as a space)", "+447700900123"],
    ["no +", "447700900123"],
  ])("finds the E.164 phone from %s", async (_, raw) => {
    const url = new URL(`${ACCOUNT}?phone=${raw}`, lr.url);
    const res = await fetch(url, {
      headers: {
        "X-LoginRadius-ApiKey": lr.emulator.apiKey,
        "X-LoginRadius-ApiSecret": lr.emulator.apiSecret,
      },
    });
    expect(((await res.json()) as { Uid: string }).Uid).toBe(ALAN);
  });

  it("treats +44… and 44… as the same phone for uniqueness (1058)", async () => {
    const res = await lr.call("PUT", `${ACCOUNT}/${ADA}/phoneid`, {
      body: { phone: "447700900123" },
    });
    expect(res.body.ErrorCode).toBe(1058);
  });

  it("lets an account that shares its email with another change its phone and name", async () => {
    const phone = await lr.call("PUT", `${ACCOUNT}/${LINUS}/phoneid`, {
      body: { phone: "+358409999999" },
    });
    expect(phone.body.PhoneId).toBe("+358409999999");
    const named = await lr.call("PUT", `${ACCOUNT}/${LINUS}`, { body: { FirstName: "Linus B." } });
    expect(named.body.FirstName).toBe("Linus B.");
  });
});
