import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCOUNT, ADA, ALAN, MARGARET, SEEDED_COUNTS, startEmulator } from "./helpers/emulator.js";

const tempFile = () => join(mkdtempSync(join(tmpdir(), "lr-security-")), "data.jsonl");
const PASSKEY = `${ACCOUNT}/passkey`;

describe("security and token state", () => {
  it("is journaled (tagged, secrets only hashed), replayed on restart and reset to the seed", async () => {
    const dataFile = tempFile();
    const first = await startEmulator({ dataFile });
    const startLength = readFileSync(dataFile, "utf8").length;
    const [passkey] = (await first.call("GET", PASSKEY, { query: { uid: ADA } })).body.Credentials;
    await first.call("DELETE", `${PASSKEY}/${passkey.Id}`, { query: { uid: ADA } });
    const codes = (await first.call("GET", `${ACCOUNT}/2fa/backupcode`, { query: { uid: ALAN } }))
      .body.BackUpCodes;
    const sott = (await first.call("GET", `${ACCOUNT}/sott`)).body.Sott;
    await first.close();

    const text = readFileSync(dataFile, "utf8");
    const appended = text
      .slice(startLength)
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).s);
    expect(appended).toEqual(["security", "security", "tokens"]);
    expect(text).not.toContain(codes[0]);
    expect(text).not.toContain(sott);

    const second = await startEmulator({ dataFile });
    try {
      const after = await second.call("GET", PASSKEY, { query: { uid: ADA } });
      expect(after.body.Credentials.map((p: { Id: string }) => p.Id)).not.toContain(passkey.Id);
      const shown = await second.call("GET", `${ACCOUNT}/2fa/backupcode`, { query: { uid: ALAN } });
      expect(shown.body.ErrorCode).toBe(1127);
      expect((await second.control("GET", "/health")).body).toEqual({
        ok: true,
        ...SEEDED_COUNTS,
        passkeys: SEEDED_COUNTS.passkeys - 1,
        issuedTokens: 1,
      });
      await second.control("POST", "/reset");
      expect(
        (await second.call("GET", PASSKEY, { query: { uid: ADA } })).body.Credentials,
      ).toHaveLength(2);
      const fresh = await second.call("GET", `${ACCOUNT}/2fa/backupcode`, { query: { uid: ALAN } });
      expect(fresh.body.BackUpCodes).toHaveLength(10);
    } finally {
      await second.close();
    }
  });

  it("reports its counts in the health control, and seeds only accounts within the seed count", async () => {
    const full = await startEmulator();
    const few = await startEmulator({ seedCount: 3 });
    try {
      expect((await full.control("GET", "/health")).body).toEqual({ ok: true, ...SEEDED_COUNTS });
      // Only Ada, Grace and Alan exist: Margaret's role context and record are not seeded either.
      expect((await few.control("GET", "/health")).body).toEqual({
        ok: true,
        accounts: 3,
        roles: 6,
        roleContexts: 4,
        customObjectRecords: 5,
        mfaAccounts: 2,
        passkeys: 2,
        consentLogs: 3,
        issuedTokens: 0,
        // Social logins are not accounts: the seed count does not limit them.
        accessTokens: 0,
        socialLogins: 3,
        webhooks: 0,
      });
    } finally {
      await full.close();
      await few.close();
    }
  });

  it("obeys the per-route fault controls: an injected 500 changes nothing", async () => {
    const lr = await startEmulator();
    try {
      const route = `DELETE ${PASSKEY}/{passkeyid}`;
      await lr.control("POST", "/faults", { kind: "error", status: 500, route });
      const [passkey] = (await lr.call("GET", PASSKEY, { query: { uid: MARGARET } })).body
        .Credentials;
      const failed = await lr.call("DELETE", `${PASSKEY}/${passkey.Id}`, {
        query: { uid: MARGARET },
      });
      expect(failed.status).toBe(500);
      expect(failed.body.ErrorCode).toBe(950);
      const still = await lr.call("GET", PASSKEY, { query: { uid: MARGARET } });
      expect(still.body.Credentials).toEqual([passkey]);
      const calls = (await lr.control("GET", "/calls")).body.calls;
      expect(calls.map((c: { route: string; fault: string | null }) => [c.route, c.fault])).toEqual(
        [
          [`GET ${PASSKEY}`, null],
          [route, "500"],
          [`GET ${PASSKEY}`, null],
        ],
      );
    } finally {
      await lr.close();
    }
  });

  it("with `after: true` the SMS is sent although the caller sees a 500 (what a retry would repeat)", async () => {
    const lr = await startEmulator();
    try {
      const route = `POST ${ACCOUNT}/smsotp/{smsotptype}`;
      await lr.control("POST", "/faults", { kind: "error", status: 500, route, after: true });
      const res = await lr.call("POST", `${ACCOUNT}/smsotp/forgotpassword`, {
        body: { Phone: "+14155550101" },
      });
      expect(res.status).toBe(500);
      const messages = (await lr.control("GET", "/outbox")).body.messages;
      expect(messages).toEqual([
        expect.objectContaining({ channel: "sms", kind: "forgotpassword", uid: ADA }),
      ]);
    } finally {
      await lr.close();
    }
  });
});
