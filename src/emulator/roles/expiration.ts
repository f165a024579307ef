import { ROLES } from "./codes.js";

/** `07/15/2018 8:30:08 AM` (the documented input), `07/15/2018 20:30:08` or `07/15/2018`. */
const US_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;
/** ISO 8601 with a zone (`2030-01-01T00:00:00Z`, `...+02:00`): what a client's JSON dates look like. */
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const fromUs = (m: RegExpExecArray): Date | undefined => {
  const [, month, day, year, h = "0", min = "0", sec = "0", half] = m;
  let hour = Number(h);
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half.toUpperCase() === "PM" ? 12 : 0);
  }
  const date = new Date(
    Date.UTC(Number(year), Number(month) - 1, Number(day), hour, Number(min), Number(sec)),
  );
  // Date.UTC rolls 02/30 over to March: a date that does not read back is not a date.
  const same =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === Number(min) &&
    date.getUTCSeconds() === Number(sec);
  return same ? date : undefined;
};

/**
 * A role context's `Expiration` as LoginRadius stores it: absent or null never expires; a date
 * (read as UTC) comes back as `2018-07-15T08:30:08Z`; anything else is 1172. A date in the past
 * is accepted: the context is then simply expired (UNCONFIRMED upstream).
 */
export const parseExpiration = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw ROLES.fail(1172);
  const text = value.trim();
  const us = US_RE.exec(text);
  const date = us ? fromUs(us) : ISO_RE.test(text) ? new Date(text) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw ROLES.fail(1172);
  return `${date.toISOString().slice(0, 19)}Z`;
};
