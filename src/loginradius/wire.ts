import { z } from "zod";

/**
 * LoginRadius error body (section 6.1): only what we act on. `Description` and `Message` are not
 * even read; `Errors[].ErrorMessage` is read only to tell which password rule failed
 * (password-rule.ts keeps a tag, never the text): no LoginRadius wording can reach a client or a log.
 */
export const WireErrorSchema = z.object({
  ErrorCode: z.number().int(),
  Errors: z
    .array(z.object({ FieldName: z.string(), ErrorMessage: z.string().nullish() }))
    .nullish(),
});

/** LoginRadius's "never happened" date. */
const NEVER_PREFIX = "0001-01-01";

/** A LoginRadius date (7-digit fraction, `0001-01-01...` for never) as a Date or null. */
export const toDate = (value: string | null | undefined): Date | null => {
  if (!value || value.startsWith(NEVER_PREFIX)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};
