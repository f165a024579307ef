import { ADA, ALAN, KATHERINE, MARGARET, seededFeaturedUids } from "../accounts/index.js";
import type { SectionOptions } from "../core/section.js";
import {
  type Authenticator,
  type ConsentLog,
  emptyRecord,
  type Passkey,
  type ReauthKind,
  type SecurityRecord,
  sha256,
} from "./security.store.js";

/** The step-up token a demo account "earned": documented, like the demo password. */
export const demoReauthToken = (uid: string, kind: ReauthKind): string =>
  sha256(`account-graph-demo:reauth:${kind}:${uid}`).slice(0, 32);

/** The demo backup codes (already shown once, so a GET answers 1127 until a reset). */
export const demoBackupCodes = (uid: string): string[] =>
  Array.from({ length: 10 }, (_, i) => {
    const hex = sha256(`account-graph-demo:backup:${uid}:${i}`);
    return `${hex.slice(0, 5)}-${hex.slice(5, 10)}`;
  });

const passkey = (uid: string, n: number, createdAt: string): Passkey => ({
  Id: sha256(`account-graph-demo:passkey:${uid}:${n}`).slice(0, 32),
  Identifier: sha256(`account-graph-demo:passkey-user:${uid}`).slice(0, 32),
  CreatedAt: createdAt,
});

const consentLog = (uid: string, n: number, at: string, updateType: string): ConsentLog => ({
  Id: sha256(`account-graph-demo:consent:${uid}:${n}`).slice(0, 24),
  UpdateType: updateType,
  CurrentConsentFormsVersions: [
    { Event: "Register", Version: 1, IsCustom: false },
    { Event: "Login", Version: 1, IsCustom: false },
  ],
  LoggedOnDate: at,
  UserAgent: "Mozilla/5.0 (X11; Linux x86_64) AccountGraphDemo/1.0",
  IP: "203.0.113.10",
  Host: "api.loginradius.com",
  ConsentLogs: [
    { ConsentId: "email_consent", Event: "Subscribe" },
    { ConsentId: "sms_consent", Event: n === 0 ? "Subscribe" : "Unsubscribe" },
    { ConsentId: "marketing_consent", Event: "Subscribe" },
  ],
});

// The demo account's provider ID, as the accounts seed derives it: a deleted and re-created
// account (new ID) does not inherit the demo state.
const demoId = (uid: string): string => sha256(`id:${uid}`).slice(0, 32);

const record = (
  uid: string,
  enabled: Authenticator[],
  extra: Partial<SecurityRecord>,
): SecurityRecord => ({ ...emptyRecord(uid, demoId(uid)), enabled, ...extra });

const reauth = (uid: string, kinds: ReauthKind[]) =>
  kinds.map((kind) => ({ kind, hash: sha256(demoReauthToken(uid, kind)), expires: null }));

const FEATURED: [string, () => SecurityRecord][] = [
  [
    ADA,
    () =>
      record(ADA, ["sms", "app"], {
        otpPhone: "+14155550101",
        backupCodes: demoBackupCodes(ADA).map(sha256),
        passkeys: [
          passkey(ADA, 0, "2024-06-03T08:40:58.1230000Z"),
          passkey(ADA, 1, "2024-06-03T11:53:20.4560000Z"),
        ],
        consentLogs: [
          consentLog(ADA, 0, "2024-01-15T09:31:00.0000000Z", "Default"),
          consentLog(ADA, 1, "2024-02-20T14:05:12.0000000Z", "ConsentEditor"),
        ],
        reauth: reauth(ADA, ["2fa", "password", "pin"]),
      }),
  ],
  [
    ALAN,
    () =>
      record(ALAN, ["email"], {
        consentLogs: [consentLog(ALAN, 0, "2024-01-16T10:00:00.0000000Z", "Default")],
      }),
  ],
  [KATHERINE, () => record(KATHERINE, ["push"], {})],
  [
    MARGARET,
    () =>
      record(MARGARET, ["sms", "app", "email", "question", "duo", "push", "passkey"], {
        otpPhone: "+16175550199",
        backupCodes: demoBackupCodes(MARGARET).map(sha256),
        passkeys: [passkey(MARGARET, 0, "2024-03-05T08:10:00.0000000Z")],
        consentLogs: [consentLog(MARGARET, 0, "2024-03-05T08:00:00.0000000Z", "Default")],
        reauth: reauth(MARGARET, ["2fa"]),
      }),
  ],
];

/** Deterministic security state for the featured demo accounts that the seed count includes. */
export const demoSecurity = (options: SectionOptions): SecurityRecord[] =>
  FEATURED.filter(([uid]) => seededFeaturedUids(options).has(uid)).map(([, build]) => build());
