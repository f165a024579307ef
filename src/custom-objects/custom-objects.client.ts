import type { BoundHttp } from "../loginradius/bound-http.js";
import { endpointsUnder } from "../loginradius/endpoints.js";
import {
  type WireDeleted,
  WireDeletedSchema,
  type WireRecord,
  type WireRecordList,
  WireRecordListSchema,
  WireRecordSchema,
  type WireUpdateType,
} from "./custom-objects.wire.js";

/** An account's records of one custom object; every call names the object. */
export interface CustomObjectsClient {
  list(uid: string, objectName: string): Promise<WireRecordList>;
  get(uid: string, objectName: string, recordId: string): Promise<WireRecord>;
  create(uid: string, objectName: string, data: Record<string, unknown>): Promise<WireRecord>;
  update(
    uid: string,
    objectName: string,
    recordId: string,
    data: Record<string, unknown>,
    updateType: WireUpdateType,
  ): Promise<WireRecord>;
  delete(uid: string, objectName: string, recordId: string): Promise<WireDeleted>;
}

const ACCOUNT = "/identity/v2/manage/account/{uid}/customobject";

const endpoint = endpointsUnder(ACCOUNT);

/**
 * The Account Custom Object endpoints: method, path, whether a repeat is harmless, the answer's
 * schema. Reads and updates (the same body gives the same record, in both modes) are retried;
 * a create would make a second record, and a repeated delete answers 1057.
 */
export const CUSTOM_OBJECT_ENDPOINTS = {
  list: endpoint("GET", "", true, WireRecordListSchema),
  create: endpoint(
    "POST",
    "",
    false,
    WireRecordSchema,
    "look for the record among the account's records of this object before creating it again",
  ),
  get: endpoint("GET", "/{recordId}", true, WireRecordSchema),
  update: endpoint("PUT", "/{recordId}", true, WireRecordSchema),
  delete: endpoint("DELETE", "/{recordId}", false, WireDeletedSchema),
} as const;

const E = CUSTOM_OBJECT_ENDPOINTS;

/** The Account Custom Object client over the adapter, bound to one request's scope. */
export const createCustomObjectsClient = ({ call }: BoundHttp): CustomObjectsClient => {
  return {
    list: (uid, objectName) => call(E.list, { params: { uid }, query: { objectName } }),
    get: (uid, objectName, recordId) =>
      call(E.get, { params: { uid, recordId }, query: { objectName } }),
    create: (uid, objectName, data) =>
      call(E.create, { params: { uid }, query: { objectName }, body: data }),
    update: (uid, objectName, recordId, data, updateType) =>
      call(E.update, { params: { uid, recordId }, query: { objectName, updateType }, body: data }),
    delete: (uid, objectName, recordId) =>
      call(E.delete, { params: { uid, recordId }, query: { objectName } }),
  };
};
