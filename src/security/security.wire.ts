import { z } from "zod";

/**
 * The JSON the Account Security endpoints send (docs/loginradius-security.md), as zod schemas of
 * the keys the facade reads. Every answer is parsed before anything reads it, so a wrong shape
 * is one `bad_response`. Unknown keys are dropped.
 */

const str = z.string().nullish();

export const WireIsDeletedSchema = z.object({ IsDeleted: z.boolean() });
export type WireIsDeleted = z.infer<typeof WireIsDeletedSchema>;

export const WireBackupCodesSchema = z.object({ BackUpCodes: z.array(z.string()) });
export type WireBackupCodes = z.infer<typeof WireBackupCodesSchema>;

export const WireIsValidSchema = z.object({ IsValid: z.boolean() });
export type WireIsValid = z.infer<typeof WireIsValidSchema>;

export const WirePasskeySchema = z.object({ Id: z.string(), Identifier: str, CreatedAt: str });
export type WirePasskey = z.infer<typeof WirePasskeySchema>;

export const WirePasskeysSchema = z.object({ Credentials: z.array(WirePasskeySchema).nullable() });
export type WirePasskeys = z.infer<typeof WirePasskeysSchema>;

export const WireConsentEntrySchema = z.object({ ConsentId: z.string(), Event: str });

export const WireConsentLogSchema = z.object({
  Id: str,
  UpdateType: str,
  CurrentConsentFormsVersions: z
    .array(z.object({ Event: str, Version: z.number().nullish(), IsCustom: z.boolean().nullish() }))
    .nullish(),
  LoggedOnDate: str,
  UserAgent: str,
  IP: str,
  Host: str,
  ConsentLogs: z.array(WireConsentEntrySchema).nullish(),
});
export type WireConsentLog = z.infer<typeof WireConsentLogSchema>;

export const WireConsentLogsSchema = z.object({
  Uid: str,
  ConsentLogs: z.array(WireConsentLogSchema).nullable(),
});
export type WireConsentLogs = z.infer<typeof WireConsentLogsSchema>;
