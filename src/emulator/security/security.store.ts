import { createHash } from "node:crypto";
import type { SliceEntry, SliceWriter, StoreSlice } from "../core/section.js";

/** The second factors LoginRadius lets an admin reset by UID. */
export type Authenticator = "sms" | "app" | "email" | "question" | "duo" | "push" | "passkey";

/** What re-authentication ("step-up") a validation token proves. */
export type ReauthKind = "2fa" | "password" | "pin";

export interface Passkey {
  Id: string;
  Identifier: string;
  CreatedAt: string;
}

/** One consent log entry, in the documented shape (`Id`, `UpdateType`, ... `ConsentLogs`). */
export type ConsentLog = Record<string, unknown>;

export interface ReauthToken {
  kind: ReauthKind;
  /** sha256 of the token: the journal never holds a usable token. */
  hash: string;
  /** ISO date, or null for a token that does not expire (the seeded ones). */
  expires: string | null;
}

/**
 * One account's security state. Secrets (backup codes, re-authentication tokens) are kept only as
 * sha256 hashes: LoginRadius shows backup codes once (1127 afterwards) and the emulator never needs
 * them back.
 */
export interface SecurityRecord {
  uid: string;
  /** The account's `ID` when this record was written: a new account under a reused UID starts clean. */
  anchor: string | null;
  /** The phone of the SMS OTP authenticator, when configured. */
  otpPhone: string | null;
  enabled: Authenticator[];
  /** Hashes of the current backup codes; null when none were generated. */
  backupCodes: string[] | null;
  passkeys: Passkey[];
  consentLogs: ConsentLog[];
  reauth: ReauthToken[];
}

export type SecurityEntry = { t: "put"; r: SecurityRecord } | { t: "del"; uid: string };

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

export const emptyRecord = (uid: string, anchor: string | null): SecurityRecord => ({
  uid,
  anchor,
  otpPhone: null,
  enabled: [],
  backupCodes: null,
  passkeys: [],
  consentLogs: [],
  reauth: [],
});

/** Per-account MFA settings, backup codes, passkeys, consent logs and step-up tokens, by UID. */
export class SecurityStore implements StoreSlice<SecurityEntry> {
  private readonly records = new Map<string, SecurityRecord>();

  constructor(
    private readonly seed: () => SecurityRecord[],
    private readonly write: SliceWriter<SecurityEntry>,
  ) {}

  get(uid: string): SecurityRecord | undefined {
    return this.records.get(uid);
  }

  put(record: SecurityRecord): void {
    this.write({ t: "put", r: record });
  }

  delete(uid: string): void {
    if (this.records.has(uid)) this.write({ t: "del", uid });
  }

  counts(): Record<string, number> {
    let mfaAccounts = 0;
    let passkeys = 0;
    let consentLogs = 0;
    for (const r of this.records.values()) {
      if (r.enabled.length > 0) mfaAccounts++;
      passkeys += r.passkeys.length;
      consentLogs += r.consentLogs.length;
    }
    return { mfaAccounts, passkeys, consentLogs };
  }

  *seedEntries(): Generator<SecurityEntry> {
    for (const record of this.seed()) yield { t: "put", r: record };
  }

  *snapshot(): Generator<SecurityEntry> {
    for (const record of this.records.values()) yield { t: "put", r: record };
  }

  clear(): void {
    this.records.clear();
  }

  apply(entry: SliceEntry): void {
    const e = entry as SecurityEntry;
    if (e.t === "put") this.records.set(e.r.uid, e.r);
    else if (e.t === "del") this.records.delete(e.uid);
  }
}
