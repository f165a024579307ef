import { z } from "zod";

/**
 * The JSON the Account Custom Object endpoints send (docs/loginradius-custom-objects.md), as
 * zod schemas of the keys the facade reads. Unknown keys are dropped.
 */

/** One record: `Id` (24 hex in the samples), dates with a 7-digit fraction, the object itself. */
export const WireRecordSchema = z.object({
  Id: z.string().min(1),
  Uid: z.string().nullish(),
  IsActive: z.boolean().nullish(),
  IsDeleted: z.boolean().nullish(),
  DateCreated: z.string().nullish(),
  DateModified: z.string().nullish(),
  CustomObject: z.record(z.string(), z.unknown()).nullish(),
});
export type WireRecord = z.infer<typeof WireRecordSchema>;

/** `GET .../customobject?objectName=`: the account's records of one object (lowercase `data`). */
export const WireRecordListSchema = z.object({ data: z.array(WireRecordSchema).nullish() });
export type WireRecordList = z.infer<typeof WireRecordListSchema>;

export const WireDeletedSchema = z.object({ IsDeleted: z.boolean() });
export type WireDeleted = z.infer<typeof WireDeletedSchema>;

/** `updateType`: `replace` overwrites the object, `partialreplace` upserts its top-level keys. */
export type WireUpdateType = "replace" | "partialreplace";
