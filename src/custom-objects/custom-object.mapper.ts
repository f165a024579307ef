import { toDate } from "../loginradius/wire.js";
import type { CustomObjectRecord, DeleteCustomObjectRecordPayload } from "./custom-object.type.js";
import type { WireDeleted, WireRecord } from "./custom-objects.wire.js";

/** Every wire -> GraphQL mapping of the Custom Objects section; resolvers read no wire key. */

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
