import { toDate } from "../loginradius/wire.js";
import type { BackupCodesPayload } from "./security.payload.js";
import type { ConsentLog, Passkey } from "./security.type.js";
import type {
  WireBackupCodes,
  WireConsentLog,
  WireConsentLogs,
  WirePasskey,
  WirePasskeys,
} from "./security.wire.js";

/**
 * Wire -> GraphQL for the Account Security section: resolvers read no wire key. Absent lists
 * (`null` from LoginRadius) are empty lists.
 */

export const toPasskey = (p: WirePasskey): Passkey => ({
  id: p.Id,
  identifier: p.Identifier ?? null,
  createdAt: toDate(p.CreatedAt),
});

export const toPasskeys = (wire: WirePasskeys): Passkey[] =>
  (wire.Credentials ?? []).map(toPasskey);

export const toConsentLog = (log: WireConsentLog): ConsentLog => ({
  id: log.Id ?? null,
  updateType: log.UpdateType ?? null,
  loggedAt: toDate(log.LoggedOnDate),
  userAgent: log.UserAgent ?? null,
  ip: log.IP ?? null,
  host: log.Host ?? null,
  formVersions: (log.CurrentConsentFormsVersions ?? []).map((v) => ({
    event: v.Event ?? null,
    version: v.Version ?? null,
    isCustom: v.IsCustom ?? false,
  })),
  consents: (log.ConsentLogs ?? []).map((c) => ({
    consentId: c.ConsentId,
    event: c.Event ?? null,
  })),
});

export const toConsentLogs = (wire: WireConsentLogs): ConsentLog[] =>
  (wire.ConsentLogs ?? []).map(toConsentLog);

export const toBackupCodes = (uid: string, wire: WireBackupCodes): BackupCodesPayload => ({
  uid,
  codes: wire.BackUpCodes,
});
