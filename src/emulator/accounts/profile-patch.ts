import { lrDate } from "../core/dates.js";
import { validationError } from "../core/errors.js";
import { bodyValue } from "../core/request.js";
import type { AccountStore } from "./account.store.js";
import { ACCOUNTS } from "./codes.js";
import { type FieldKind, fieldSpec, type StoredProfile } from "./profile.js";

/** The formats the emulator enforces (UNCONFIRMED upstream; see the README). */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE_RE = /^\+?[1-9][0-9]{6,14}$/;
export const UID_RE = /^[A-Za-z0-9_-]{1,50}$/;
const USERNAME_RE = /^[^\s]{1,64}$/;

export type EmailEntry = { Type: string; Value: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Validates an `Email` list: every entry typed and well-formed, no duplicates, one Primary. */
export const checkEmails = (value: unknown): EmailEntry[] => {
  if (!Array.isArray(value) || value.length === 0)
    throw validationError([{ field: "Email", message: "The Email field is required." }]);
  const emails: EmailEntry[] = value.map((item, i) => {
    if (!isObject(item))
      throw validationError([{ field: `Email[${i}]`, message: "Each email must be an object." }]);
    const type = bodyValue(item, "Type");
    const email = bodyValue(item, "Value");
    if (typeof type !== "string" || type.trim() === "") throw ACCOUNTS.fail(1201);
    if (typeof email !== "string" || !EMAIL_RE.test(email))
      throw validationError([
        { field: `Email[${i}].Value`, message: `'${String(email)}' is not a valid email address.` },
      ]);
    return { Type: type, Value: email };
  });
  const seen = new Set(emails.map((e) => e.Value.toLowerCase()));
  if (seen.size !== emails.length) throw ACCOUNTS.fail(1202);
  if (emails.filter((e) => e.Type.toLowerCase() === "primary").length > 1)
    throw ACCOUNTS.fail(1203);
  return emails;
};

export const checkPhone = (value: unknown): string => {
  if (typeof value !== "string" || !PHONE_RE.test(value)) throw ACCOUNTS.fail(1096);
  return value;
};

/**
 * Email, phone and user name must not belong to another account. `before` is the account being
 * changed: emails it already holds are not re-checked, since LoginRadius lets a social and a
 * traditional account share one (changing the name of such an account is not a conflict).
 */
export const checkUnique = (
  store: AccountStore,
  record: StoredProfile,
  before?: StoredProfile,
): void => {
  const selfUid = before?.Uid;
  const held = new Set((before?.Email ?? []).map((e) => e.Value.toLowerCase()));
  for (const email of record.Email ?? []) {
    if (held.has(email.Value.toLowerCase())) continue;
    if (store.uidsByEmail(email.Value).some((uid) => uid !== selfUid)) throw ACCOUNTS.fail(936);
  }
  if (typeof record.PhoneId === "string") {
    const owner = store.uidByPhone(record.PhoneId);
    if (owner !== undefined && owner !== selfUid) throw ACCOUNTS.fail(1058);
  }
  if (typeof record.UserName === "string") {
    const owner = store.uidByUserName(record.UserName);
    if (owner !== undefined && owner !== selfUid) throw ACCOUNTS.fail(1017);
  }
};

/** `BirthDate` is a string; a parseable date in the future is error 968, as documented. */
const checkBirthDate = (value: string, now: Date): void => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const us = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : undefined;
  if (!parts) throw ACCOUNTS.fail(968);
  const date = new Date(`${parts[0]}-${parts[1]}-${parts[2]}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date > now) throw ACCOUNTS.fail(968);
};

/** Items of these lists may be removed with `"op": "delete"`; the key says which item is meant. */
const ITEM_KEYS: Record<string, string> = {
  Addresses: "Type",
  PhoneNumbers: "PhoneType",
  Languages: "Name",
  PlacesLived: "Name",
};

const patchList = (name: string, current: unknown, items: Record<string, unknown>[]): unknown[] => {
  const key = ITEM_KEYS[name];
  if (!key || !items.some((item) => bodyValue(item, "op") !== undefined)) return items;
  const sameItem = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    String(bodyValue(a, key)).toLowerCase() === String(bodyValue(b, key)).toLowerCase();
  let list = Array.isArray(current) ? [...(current as Record<string, unknown>[])] : [];
  for (const item of items) {
    const { op, ...rest } = item;
    list = list.filter((existing) => !sameItem(existing, item));
    if (String(op ?? "").toLowerCase() !== "delete") list.push(rest);
  }
  return list;
};

export interface PatchOptions {
  nullSupport: boolean;
  now: Date;
}

type Problem = { field: string; message: string };

/** Kinds whose value is taken as sent once its type checks out. */
const PLAIN: Partial<Record<FieldKind, [(v: unknown) => boolean, string]>> = {
  string: [(v) => typeof v === "string", "must be a string"],
  bool: [(v) => typeof v === "boolean", "must be true or false"],
  int: [(v) => Number.isInteger(v), "must be an integer"],
  object: [isObject, "must be an object"],
  strings: [
    (v) => Array.isArray(v) && v.every((x) => typeof x === "string"),
    "must be a list of strings",
  ],
};

/** The new value of one (non-null) key, or the problem with it. */
const patchValue = (
  kind: FieldKind,
  name: string,
  value: unknown,
  current: StoredProfile,
  nullSupport: boolean,
): { value: unknown } | { problem: Problem } => {
  const plain = PLAIN[kind];
  if (plain) {
    const [ok, message] = plain;
    return ok(value) ? { value } : { problem: { field: name, message: `${name} ${message}.` } };
  }
  if (kind === "objects") {
    if (!Array.isArray(value) || !value.every(isObject))
      return { problem: { field: name, message: `${name} must be a list of objects.` } };
    return { value: patchList(name, current[name], value as Record<string, unknown>[]) };
  }
  if (kind === "emails") return { value: checkEmails(value) };
  return { value: patchCustomFields(current.CustomFields, value, nullSupport) };
};

/** A `null` with nullSupport clears the key; flags cannot be null, the email list 1005. */
const clearValue = (next: StoredProfile, kind: FieldKind, name: string): Problem | undefined => {
  if (kind === "bool") return { field: name, message: `${name} cannot be null.` };
  if (kind === "emails") throw ACCOUNTS.fail(1005);
  if (name === "PhoneId") next.PhoneIdVerified = false;
  next[name] = null;
  return undefined;
};

/**
 * Applies a create or update body to a profile: keys in any casing, unknown and read-only keys
 * ignored, `null` honoured only with nullSupport, every value type-checked. Returns a new record.
 */
export const applyProfilePatch = (
  current: StoredProfile,
  body: Record<string, unknown>,
  { nullSupport, now }: PatchOptions,
): StoredProfile => {
  const next: StoredProfile = { ...current };
  const problems: Problem[] = [];
  for (const [rawKey, value] of Object.entries(body)) {
    const spec = fieldSpec(rawKey);
    if (!spec || spec.kind === "system") continue;
    if (value === null) {
      const problem = nullSupport ? clearValue(next, spec.kind, spec.name) : undefined;
      if (problem) problems.push(problem);
    } else if (spec.name === "PrivacyPolicy") acceptPrivacyPolicy(next, value, now);
    else {
      const result = patchValue(spec.kind, spec.name, value, current, nullSupport);
      if ("problem" in result) problems.push(result.problem);
      else next[spec.name] = result.value;
    }
  }
  checkPatched(current, next, problems, now);
  return next;
};

/** Whole-record rules, after every key is applied. */
const checkPatched = (
  current: StoredProfile,
  next: StoredProfile,
  problems: Problem[],
  now: Date,
): void => {
  if (problems.length > 0) throw validationError(problems);
  if (typeof next.PhoneId === "string" && next.PhoneId !== current.PhoneId)
    checkPhone(next.PhoneId);
  if (typeof next.UserName === "string" && !USERNAME_RE.test(next.UserName))
    throw validationError([
      { field: "UserName", message: "UserName must be 1 to 64 characters, no spaces." },
    ]);
  if (typeof next.BirthDate === "string" && next.BirthDate !== current.BirthDate)
    checkBirthDate(next.BirthDate, now);
  if (next.IsLoginLocked !== current.IsLoginLocked)
    next.LoginLockedType = next.IsLoginLocked ? "Suspended" : "None";
};

/** Accepting a policy version records who/when, and keeps the history the history endpoint reads. */
const acceptPrivacyPolicy = (next: StoredProfile, value: unknown, now: Date): void => {
  const version = isObject(value) ? bodyValue(value, "Version") : undefined;
  if (typeof version !== "string" || version.trim() === "")
    throw validationError([
      { field: "PrivacyPolicy.Version", message: "A policy Version is required." },
    ]);
  const current = next.PrivacyPolicy as { Version?: string } | null | undefined;
  if (current?.Version === version) return;
  const accepted = { Version: version, AcceptSource: "API", AcceptDateTime: lrDate(now) };
  next.PrivacyPolicy = accepted;
  next._PrivacyPolicyHistory = [...((next._PrivacyPolicyHistory as unknown[]) ?? []), accepted];
};

/** Custom fields merge key by key; with nullSupport a null value removes the key. */
const patchCustomFields = (current: unknown, value: unknown, nullSupport: boolean): unknown => {
  if (!isObject(value)) throw ACCOUNTS.fail(993);
  const merged: Record<string, unknown> = isObject(current) ? { ...current } : {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null) {
      if (nullSupport) delete merged[k];
    } else if (typeof v === "string") merged[k] = v;
    else throw ACCOUNTS.fail(993);
  }
  return merged;
};
