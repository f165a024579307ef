import { describe, expect, it } from "vitest";
import { ACCOUNT, ADA, ALAN, emulatorPerFile, GRACE } from "./helpers/emulator.js";

const NOW = new Date("2025-03-01T12:00:00.000Z");
const lr = emulatorPerFile({ now: () => NOW });

const emailToken = (type: string, body?: unknown) =>
  lr.call("POST", `${ACCOUNT}/emailtoken/${type}`, body === undefined ? {} : { body });
const smsOtp = (type: string, body?: unknown) =>
  lr.call("POST", `${ACCOUNT}/smsotp/${type}`, body === undefined ? {} : { body });
const outbox = async () => (await lr.control("GET", "/outbox")).body.messages;
const IN_15_MIN = "2025-03-01T12:15:00.0000000Z";

describe("multipurpose email tokens", () => {
  it("mints an email verification token and queues the email, without the token", async () => {
    const res = await emailToken("emailverification", { Email: "grace@example.com" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      Token: expect.stringMatching(/^[0-9a-f]{32}$/),
      ExpiresIn: IN_15_MIN,
      IdentityProviders: null,
    });
    const messages = await outbox();
    expect(messages).toEqual([
      expect.objectContaining({
        channel: "email",
        kind: "emailverification",
        to: "grace@example.com",
        uid: GRACE,
      }),
    ]);
    expect(JSON.stringify(messages)).not.toContain(res.body.Token);
    const calls = (await lr.control("GET", "/calls")).body.calls;
    expect(JSON.stringify(calls)).not.toContain(res.body.Token);
  });

  it("answers 1126 for a verified email and 938 for an unknown one", async () => {
    expect(
      (await emailToken("emailverification", { Email: "ada@example.com" })).body,
    ).toMatchObject({ ErrorCode: 1126, Message: "Email has already been verified" });
    const unknown = await emailToken("emailverification", { email: "no@example.net" });
    expect(unknown.body.ErrorCode).toBe(938);
    expect(await outbox()).toEqual([]);
  });

  it("add email: a new address for an existing account (936 if taken, 1134 without Type)", async () => {
    const ok = await emailToken("addemail", {
      Email: "ada.new@example.net",
      Type: "Secondary",
      Uid: ADA,
    });
    expect(ok.body.Token).toMatch(/^[0-9a-f]{32}$/);
    expect((await outbox())[0]).toMatchObject({ to: "ada.new@example.net", uid: ADA });
    const taken = await emailToken("addemail", {
      Email: "alan@example.com",
      Type: "Secondary",
      Uid: ADA,
    });
    expect(taken.body.ErrorCode).toBe(936);
    const noType = await emailToken("addemail", { Email: "x@example.net", Uid: ADA });
    expect(noType.body.ErrorCode).toBe(1134);
    expect(noType.body.Errors).toEqual([
      { FieldName: "Type", ErrorMessage: "The Type field is required." },
    ]);
    const noUser = await emailToken("addemail", {
      Email: "x@example.net",
      Type: "Secondary",
      Uid: "nobody",
    });
    expect(noUser.body.ErrorCode).toBe(938);
  });

  it("forgot password by email names the social providers; by user name mails the primary", async () => {
    const shared = await emailToken("forgotpassword", { Email: "shared@example.com" });
    expect(shared.body.IdentityProviders).toEqual(["Facebook"]);
    const byName = await emailToken("forgotpassword", { Username: "ada" });
    expect(byName.body.IdentityProviders).toEqual([]);
    expect((await outbox()).map((m: { to: string }) => m.to)).toEqual([
      "shared@example.com",
      "ada@example.com",
    ]);
    expect((await emailToken("forgotpassword", {})).body.Errors[0].FieldName).toBe("Email");
    expect((await emailToken("forgotpassword", { Username: "nobody" })).body.ErrorCode).toBe(938);
  });

  it("serves every other documented type, in any casing", async () => {
    const cases: [string, Record<string, string>, string | null][] = [
      ["deleteuser", { Uid: ALAN }, ALAN],
      ["passwordlesslogin", { Email: "alan@example.com" }, ALAN],
      ["forgotpin", { Email: "ada@example.com" }, ADA],
      ["onetouchlogin", { Email: "brand.new@example.net", ClientGuid: "1450" }, null],
      ["AutoLogin", { Username: "grace", ClientGuid: "1450" }, GRACE],
    ];
    for (const [type, body] of cases) {
      const res = await emailToken(type, body);
      expect(res.status, type).toBe(200);
      expect(res.body.ExpiresIn).toBe(IN_15_MIN);
    }
    const kinds = (await outbox()).map((m: { kind: string; uid: string | null }) => [
      m.kind,
      m.uid,
    ]);
    expect(kinds).toEqual(cases.map(([type, , uid]) => [type.toLowerCase(), uid]));
    expect((await emailToken("deleteuser", { Uid: "nobody" })).body.ErrorCode).toBe(938);
    expect((await emailToken("forgotpin", { Email: "no@example.net" })).body.ErrorCode).toBe(938);
  });

  it("answers 1181 with the documented text for an unknown type, 958 without a body", async () => {
    const res = await emailToken("resetpassword", { Email: "ada@example.com" });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      ErrorCode: 1181,
      Message: "You have entered an invalid token type",
      Description: expect.stringContaining("The allowed token types are emailverification"),
    });
    expect((await emailToken("forgotpin")).body.ErrorCode).toBe(958);
  });
});

describe("multipurpose SMS OTPs", () => {
  it("add phone: a free number for an existing account (1058 if taken)", async () => {
    const ok = await smsOtp("addphone", { Phone: "+15550009999", Uid: ADA });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      Token: expect.stringMatching(/^[0-9a-f]{32}$/),
      ExpiresIn: IN_15_MIN,
    });
    expect(await outbox()).toEqual([
      expect.objectContaining({ channel: "sms", kind: "addphone", to: "+15550009999", uid: ADA }),
    ]);
    expect((await smsOtp("addphone", { Phone: "+447700900123", Uid: ADA })).body.ErrorCode).toBe(
      1058,
    );
    expect((await smsOtp("addphone", { Phone: "+15550009999" })).body.Errors[0].FieldName).toBe(
      "Uid",
    );
    expect(
      (await smsOtp("addphone", { Phone: "+15550009999", Uid: "nobody" })).body.ErrorCode,
    ).toBe(938);
  });

  it("phone verification: an unverified phone only (1073 once confirmed)", async () => {
    expect((await smsOtp("phoneidverification", { Phone: "+447700900123" })).body.Token).toBeTypeOf(
      "string",
    );
    const verified = await smsOtp("phoneidverification", { Phone: "+14155550101" });
    expect(verified.body).toMatchObject({ ErrorCode: 1073 });
  });

  it("serves the login and reset types for a registered phone (1043 otherwise)", async () => {
    for (const type of ["forgotpassword", "forgotpin", "smartlogin", "passwordlesslogin"]) {
      const res = await smsOtp(type, { Phone: "+14155550101" });
      expect(res.status, type).toBe(200);
      expect((await smsOtp(type, { Phone: "+15550000001" })).body.ErrorCode, type).toBe(1043);
    }
    const oneTouch = await smsOtp("onetouchlogin", { Phone: "+15550000001" });
    expect(oneTouch.status).toBe(200);
    expect((await outbox()).at(-1)).toMatchObject({ kind: "onetouchlogin", uid: null });
  });

  it("validates the phone (1134 missing, 1096 malformed) and the type (1182)", async () => {
    const missing = await smsOtp("forgotpassword", {});
    expect(missing.body.Errors).toEqual([
      { FieldName: "Phone", ErrorMessage: "The Phone field is required." },
    ]);
    expect((await smsOtp("forgotpassword", { Phone: "call me" })).body.ErrorCode).toBe(1096);
    const type = await smsOtp("voicecall", { Phone: "+14155550101" });
    expect(type.body).toMatchObject({
      ErrorCode: 1182,
      Message: "You have entered an invalid sms otp type",
      Description: "You have entered an invalid sms otp type",
    });
    expect(await outbox()).toEqual([]);
  });
});

describe("SOTT", () => {
  const SOTT = `${ACCOUNT}/sott`;

  it("lives 10 minutes unless timeDifference says otherwise", async () => {
    const res = await lr.call("GET", SOTT);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      Sott: expect.stringMatching(/^[A-Za-z0-9+/]+=*\*[0-9a-f]{32}$/),
      ExpiryTime: "2025-03-01T12:10:00.0000000Z",
    });
    const empty = await lr.call("GET", SOTT, { query: { timeDifference: "" } });
    expect(empty.body.ExpiryTime).toBe("2025-03-01T12:10:00.0000000Z");
    const hour = await lr.call("GET", SOTT, { query: { timedifference: "60" } });
    expect(hour.body.ExpiryTime).toBe("2025-03-01T13:00:00.0000000Z");
    expect(hour.body.Sott).not.toBe(res.body.Sott);
  });

  it("rejects a timeDifference that is not a whole number of minutes (1134)", async () => {
    for (const value of ["abc", "0", "-5", "1.5"]) {
      const res = await lr.call("GET", SOTT, { query: { timeDifference: value } });
      expect(res.body.ErrorCode, value).toBe(1134);
      expect(res.body.Errors[0].FieldName).toBe("timeDifference");
    }
  });

  it("counts what it minted and forgets it on reset", async () => {
    await lr.call("GET", SOTT);
    await emailToken("forgotpin", { Email: "ada@example.com" });
    expect((await lr.control("GET", "/health")).body.issuedTokens).toBe(2);
    expect((await lr.control("POST", "/reset")).body.issuedTokens).toBe(0);
  });
});
