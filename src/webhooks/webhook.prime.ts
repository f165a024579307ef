import { SECRET_KEYS } from "../log-redact.js";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const UID_KEYS = ["Uid", "uid", "UID"];

const uidIn = (value: Record<string, unknown>): string | null => {
  for (const key of UID_KEYS) {
    const uid = value[key];
    if (typeof uid === "string" && uid.length > 0 && uid.length <= 200) return uid;
  }
  return null;
};

/**
 * The account an event is about: `Data.Uid`, or `Data.Profile.Uid` (UNCONFIRMED which of the two
 * LoginRadius uses per event; both are read).
 */
export const uidOf = (data: unknown): string | null => {
  if (!isObject(data)) return null;
  return uidIn(data) ?? (isObject(data.Profile) ? uidIn(data.Profile) : null);
};

/**
 * Keys never primed, whatever the event: the logger's secret keys plus what a profile or a Login
 * event may carry that is a credential (a hash, a PIN, tokens, backup codes). Compared in lower
 * case; `PasswordExpirationDate` and the like go too (a read that wants them is a miss).
 */
const NEVER = /password|token|secret|pin$|^pin|backup|otp|salt|hash/i;

/** The profile in `Data` without its secrets, or null when `Data` holds no profile of `uid`. */
export const profileToPrime = (data: unknown, uid: string): Record<string, unknown> | null => {
  if (!isObject(data)) return null;
  const profile = isObject(data.Profile) ? data.Profile : data;
  if (uidIn(profile) !== uid) return null;
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(profile))
    if (!SECRET_KEYS.has(key.toLowerCase()) && !NEVER.test(key)) safe[key] = value;
  return safe;
};
