import type { CustomObjectRecord, DeleteCustomObjectRecordPayload } from "./custom-object.type.js";
import type { WireDeleted, WireRecord } from "./custom-objects.wire.js";

/** Every wire -> GraphQL mapping of the Custom Objects section; resolvers read no wire key. */

const toDate = (value: string | null | undefined): Date | null => {
  if (!value || value.startsWith("0001-01-01")) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** `uid` and `objectName` are what was asked: LoginRadius's record names the UID, not the object. */
export const toRecord = (
  uid: string,
  objectName: string,
  wire: WireRecord,
): CustomObjectRecord => ({
  id: wire.Id,
  uid: wire.Uid ?? uid,
  objectName,
  active: wire.IsActive ?? true,
  createdAt: toDate(wire.DateCreated),
  modifiedAt: toDate(wire.DateModified),
  data: wire.CustomObject ?? {},
});

export const toDeletePayload = (
  ids: { uid: string; objectName: string; recordId: string },
  wire: WireDeleted,
): DeleteCustomObjectRecordPayload => ({ ...ids, deleted: wire.IsDeleted });
