import type { AccountEntry, AccountStore } from "../accounts/index.js";
import { renderProfile, type StoredProfile } from "../accounts/index.js";
import type { ObservedWrite } from "../core/section.js";
import type {
  CustomObjectEntry,
  CustomObjectStore,
  StoredRecord,
} from "../custom-objects/index.js";
import type { RoleEntry } from "../roles/index.js";
import type { SecurityEntry, SecurityStore } from "../security/index.js";
import type { WebhookEvent } from "./events.js";

/** One event to send: its name and its `Data`. */
export interface RaisedEvent {
  event: WebhookEvent;
  data: Record<string, unknown>;
}

/** Profile keys a webhook never carries: the password hash and the change token. */
const WITHHELD = new Set(["Password", "LastPasswordChangeToken"]);

/** `Data` of an account event: the profile as the API renders it, without its secrets. */
export const profileData = (record: StoredProfile): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(renderProfile(record)))
    if (!WITHHELD.has(key)) out[key] = value;
  return out;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);

type Rule = (before: StoredProfile, after: StoredProfile) => WebhookEvent | null;

/** What changed between two versions of a profile, as LoginRadius names it; checked in order. */
const PROFILE_RULES: readonly Rule[] = [
  (b, a) => (same(b.Password, a.Password) ? null : "SetPassword"),
  (b, a) => {
    if (same(b.Roles, a.Roles)) return null;
    const had = new Set((b.Roles as string[] | undefined) ?? []);
    return ((a.Roles as string[] | undefined) ?? []).some((r) => !had.has(r))
      ? "AssignRoles"
      : "UnassignRoles";
  },
  (b, a) =>
    same(b.Identities, a.Identities)
      ? null
      : count(a.Identities) >= count(b.Identities)
        ? "LinkAccount"
        : "UnlinkAccount",
  // A changed address or phone resets its verification: one event, the change itself.
  (b, a) =>
    !same(b.Email, a.Email)
      ? count(a.Email) >= count(b.Email)
        ? "AddEmail"
        : "RemoveEmail"
      : b.EmailVerified === a.EmailVerified
        ? null
        : a.EmailVerified
          ? "EmailVerification"
          : "InvalidateEmailVerification",
  (b, a) =>
    !same(b.PhoneId, a.PhoneId)
      ? a.PhoneId
        ? "UpdatePhoneId"
        : "RemovePhoneId"
      : b.PhoneIdVerified === a.PhoneIdVerified
        ? null
        : a.PhoneIdVerified
          ? "VerifyPhoneNumber"
          : "InvalidatePhoneVerification",
  (b, a) => (same(b.UserName, a.UserName) ? null : "SetUsername"),
  (b, a) =>
    b.IsActive === a.IsActive ? null : a.IsActive === false ? "BlockAccount" : "UnblockAccount",
];

/** Keys a sign-in changes; a write changing only these is a Login. */
const LOGIN_KEYS = new Set(["LastLoginDate", "NoOfLogins", "LastLoginLocation", "ModifiedDate"]);

const changedKeys = (before: StoredProfile, after: StoredProfile): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !same(before[k], after[k]),
  );

/** Every event a profile write raises: each specific change, else UpdateProfile (or Login). */
const profileEvents = (before: StoredProfile, after: StoredProfile): WebhookEvent[] => {
  const events = PROFILE_RULES.map((rule) => rule(before, after)).filter(
    (e): e is WebhookEvent => e !== null,
  );
  if (events.length > 0) return events;
  const changed = changedKeys(before, after);
  if (changed.length === 0) return [];
  return changed.every((k) => LOGIN_KEYS.has(k)) && changed.includes("LastLoginDate")
    ? ["Login"]
    : ["UpdateProfile"];
};

const accountEvents = (write: ObservedWrite, entry: AccountEntry): RaisedEvent[] => {
  const accounts = write.slices.get("accounts") as AccountStore | undefined;
  if (entry.t === "del") return [{ event: "DeleteAccount", data: { Uid: entry.uid } }];
  if (entry.t !== "put" || !accounts) return [];
  const before = accounts.get(entry.r.Uid);
  const data = profileData(entry.r);
  if (!before) {
    const register = write.origin?.route.toLowerCase().includes("/auth/register") ?? false;
    return [{ event: register ? "Register" : "CreateAccount", data }];
  }
  return profileEvents(before, entry.r).map((event) => ({ event, data }));
};

const recordData = (r: StoredRecord) => ({
  Id: r.Id,
  Uid: r.Uid,
  ObjectName: r.ObjectName,
  IsActive: r.IsActive,
  DateCreated: r.DateCreated,
  DateModified: r.DateModified,
  CustomObject: r.CustomObject,
});

const customObjectEvents = (write: ObservedWrite, entry: CustomObjectEntry): RaisedEvent[] => {
  const store = write.slices.get("customObjects") as CustomObjectStore | undefined;
  if (entry.t === "put")
    return [
      {
        event: store?.get(entry.r.Id) ? "UpdateCustomobject" : "CreateCustomObject",
        data: recordData(entry.r),
      },
    ];
  const gone = store?.get(entry.id);
  return gone ? [{ event: "DeleteCustomObject", data: recordData(gone) }] : [];
};

const roleEvents = (entry: RoleEntry): RaisedEvent[] => {
  if (entry.t === "ctx")
    return [{ event: "AssignRoles", data: { Uid: entry.uid, RoleContext: entry.c } }];
  if (entry.t === "unctx")
    return [{ event: "RemoveRoleContext", data: { Uid: entry.uid, Context: entry.name } }];
  return [];
};

const securityEvents = (write: ObservedWrite, entry: SecurityEntry): RaisedEvent[] => {
  if (entry.t !== "put") return [];
  const before = (write.slices.get("security") as SecurityStore | undefined)?.get(entry.r.uid);
  // Only consent is a LoginRadius event; MFA settings, passkeys and step-up tokens raise none.
  if (same(before?.consentLogs ?? [], entry.r.consentLogs)) return [];
  return [
    { event: "ConsentProfileUpdate", data: { Uid: entry.r.uid, ConsentLogs: entry.r.consentLogs } },
  ];
};

/**
 * The events LoginRadius would send for one write of the emulator's store, whoever made it (a
 * route of any section, the Admin Console's API, a test): the one place writes become events.
 * Slices without events (tokens, sessions, role definitions) raise none.
 */
export const eventsOf = (write: ObservedWrite): RaisedEvent[] => {
  switch (write.section) {
    case "accounts":
      return accountEvents(write, write.entry as AccountEntry);
    case "customObjects":
      return customObjectEvents(write, write.entry as CustomObjectEntry);
    case "roles":
      return roleEvents(write.entry as RoleEntry);
    case "security":
      return securityEvents(write, write.entry as SecurityEntry);
    default:
      return [];
  }
};
