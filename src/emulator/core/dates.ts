/**
 * LoginRadius's date forms, which every section's answers and records use (profiles, tokens,
 * custom-object records): shared here so no section reaches into another for them.
 */

/** LoginRadius dates: ISO 8601 UTC with a 7-digit fraction. */
export const lrDate = (date: Date): string => date.toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");

/** The date LoginRadius sends for "never happened". */
export const NEVER = "0001-01-01T00:00:00.0000000Z";

/**
 * A profile changed at `now`: LoginRadius stamps both modified dates on any write to it, from
 * whichever section the write comes (an email added, an identity linked).
 */
export const touch = <T extends object>(
  record: T,
  now: Date,
): T & { ModifiedDate: string; ProfileModifiedDate: string } => ({
  ...record,
  ModifiedDate: lrDate(now),
  ProfileModifiedDate: lrDate(now),
});
