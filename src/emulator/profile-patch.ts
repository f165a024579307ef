import { LrError, validationError } from "./errors.js";
import { fieldSpec, lrDate, type StoredProfile } from "./profile.js";
import type { AccountStore } from "./store.js";

/** The formats the emulator enforces (UNCONFIRMED upstream; see the README). */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE_RE = /^\+?[1-9][0-9]{6,14}$/;
export const UID_RE = /^[A-Za-z0-9_-]{1,50}$/;
const USERNAME_RE = /^[^\s]{1,64}$/;

export type EmailEntry = { Type: string; Value: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads a key of a JSON body whatever its casing (LoginRadius body keys are case-insensitive). */
export const bodyValue = (body: Record<string, unknown>, key: string): unknown => {
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(body)) if (k.toLowerCase() === wanted) return v;
  return undefined;
};

/** Validates an `Email` list: every entry typed and well-formed, no duplicates, one Primary. */
export const checkEmails = (value: unknown): EmailEntry[] => {
  if (!Array.isArray(value) || value.length === 0)
    throw validationError([{ field: "Email", message: "The Email field is required." }]);
  const emails: EmailEntry[] = value.map((item, i) => {
    if (!isObject(item))
      throw validationError([{ field: `Email[${i}]`, message: "Each email must be an object." }]);
    const type = bodyValue(item, "Type");
    const email = bodyValue(item, "Value");
    if (typeof type !== "string" || type.trim() === "") throw new LrError(1201);
    if (typeof email !== "string" || !EMAIL_RE.test(email))
      throw validationError([
        { field: `Email[${i}].Value`, message: `'${String(email)}' is not a valid email address.` },
      ]);
    return { Type: type, Value: email };
  });
  const seen = new Set(emails.map((e) => e.Value.toLowerCase()));
  if (seen.size !== emails.length) throw new LrError(1202);
  if (emails.filter((e) => e.Type.toLowerCase() === "primary").length > 1) throw new LrError(1203);
  return emails;
};

export const checkPhone = (value: unknown): string => {
  if (typeof value !== "string" || !PHONE_RE.test(value)) throw new LrError(1096);
  return value;
};

/** Email, phone, user name and UID must not belong to another account. */
export const checkUnique = (store: AccountStore, record: StoredProfile, selfUid?: string): void => {
  for (const email of record.Email ?? []) {
    if (store.uidsByEmail(email.Value).some((uid) => uid !== selfUid)) throw new LrError(936);
  }
  if (typeof record.PhoneId === "string") {
    const owner = store.uidByPhone(record.PhoneId);
    if (owner !== undefined && owner !== selfUid) throw new LrError(1058);
  }
  if (typeof record.UserName === "string") {
    const owner = store.uidByUserName(record.UserName);
    if (owner !== undefined && owner !== selfUid) throw new LrError(1017);
  }
};

/** `BirthDate` is a string; a parseable date in the future is error 968, as documented. */
const checkBirthDate = (value: string, now: Date): void => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const us = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : undefined;
  if (!parts) throw new LrError(968, { description: `BirthDate '${value}' is not a valid date.` });
  const date = new Date(`${parts[0]}-${parts[1]}-${parts[2]}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date > now)
    throw new LrError(968, { description: `BirthDate '${value}' is not a valid date.` });
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
  const problems: { field: string; message: string }[] = [];
  for (const [rawKey, value] of Object.entries(body)) {
    const spec = fieldSpec(rawKey);
    if (!spec || spec.kind === "system") continue;
    const name = spec.name;
    if (value === null) {
      if (!nullSupport) continue;
      if (spec.kind === "bool") {
        problems.push({ field: name, message: `${name} cannot be null.` });
        continue;
      }
      if (spec.kind === "emails") throw new LrError(1005);
      if (name === "PhoneId") next.PhoneIdVerified = false;
      next[name] = null;
      continue;
    }
    if (name === "PrivacyPolicy") {
      acceptPrivacyPolicy(next, value, now);
      continue;
    }
    switch (spec.kind) {
      case "string":
        if (typeof value !== "string")
          problems.push({ field: name, message: `${name} must be a string.` });
        else next[name] = value;
        break;
      case "bool":
        if (typeof value !== "boolean")
          problems.push({ field: name, message: `${name} must be true or false.` });
        else next[name] = value;
        break;
      case "int":
        if (!Number.isInteger(value))
          problems.push({ field: name, message: `${name} must be an integer.` });
        else next[name] = value;
        break;
      case "object":
        if (!isObject(value)) problems.push({ field: name, message: `${name} must be an object.` });
        else next[name] = value;
        break;
      case "objects":
        if (!Array.isArray(value) || !value.every(isObject))
          problems.push({ field: name, message: `${name} must be a list of objects.` });
        else next[name] = patchList(name, current[name], value as Record<string, unknown>[]);
        break;
      case "strings":
        if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
          problems.push({ field: name, message: `${name} must be a list of strings.` });
        else next[name] = value;
        break;
      case "emails":
        next.Email = checkEmails(value);
        break;
      case "custom":
        next.CustomFields = patchCustomFields(current.CustomFields, value, nullSupport);
        break;
    }
  }
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
  return next;
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
  if (!isObject(value)) throw new LrError(993);
  const merged: Record<string, unknown> = isObject(current) ? { ...current } : {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null) {
      if (nullSupport) delete merged[k];
    } else if (typeof v === "string") merged[k] = v;
    else throw new LrError(993, { description: `Custom field '${k}' must be a string.` });
  }
  return merged;
};
