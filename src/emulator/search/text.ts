/**
 * Text and dates as the Cloud Directory reads them (apidocs, getting-started, "Querying Text" and
 * "Querying Dates"): text is analysed into lower-cased terms, split at anything but letters,
 * digits, `_`, `.` and `'` (`am@insights` -> am, insights; `api.loginradius.com` stays whole;
 * `api's` stays whole; a trailing `.` is dropped); the rule's value is analysed the same way.
 */
export const termsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_.']+/u)
    .map((t) => t.replace(/^[.']+|[.']+$/g, ""))
    .filter((t) => t !== "");

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DAY = /^(\d{2})-(\d{2})-(\d{4})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

const utcDay = (y: string, m: string, d: string): number | undefined => {
  const at = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const date = new Date(at);
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1 ? at : undefined;
};

/**
 * A rule's date value as the instants it covers: a day (`2024-05-01`, or `05-01-2024` as BirthDate
 * takes it) covers the whole UTC day, an instant (`2024-05-01T10:00:00Z`) itself. UNCONFIRMED:
 * LoginRadius does not say whether `=` on a day means "within that day"; the emulator says so.
 */
export const dayRange = (value: string): [number, number] | undefined => {
  const iso = ISO_DAY.exec(value);
  const us = iso ? undefined : US_DAY.exec(value);
  const part = (m: RegExpExecArray, i: number) => m[i] ?? "";
  const day = iso
    ? utcDay(part(iso, 1), part(iso, 2), part(iso, 3))
    : us
      ? utcDay(part(us, 3), part(us, 1), part(us, 2))
      : undefined;
  if (day !== undefined) return [day, day + DAY_MS - 1];
  if (!ISO_INSTANT.test(value)) return undefined;
  const at = Date.parse(value.replace(/(\.\d{3})\d+/, "$1"));
  return Number.isNaN(at) ? undefined : [at, at];
};

/** A profile's date value (LoginRadius's 7-digit fractions included) as epoch ms, or NaN. */
export const instantOf = (value: unknown): number => {
  if (typeof value !== "string") return Number.NaN;
  if (value.startsWith("0001-01-01")) return Number.NaN; // "never happened" is no date
  const range = dayRange(value);
  return range ? range[0] : Number.NaN;
};
