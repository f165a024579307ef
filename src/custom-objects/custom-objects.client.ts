import type { BoundHttp } from "../loginradius/bound-http.js";
import { clientOver } from "../loginradius/endpoint-client.js";
import { type ClientOf, endpointsUnder, endpointTable } from "../loginradius/endpoints.js";
import {
  WireDeletedSchema,
  WireRecordListSchema,
  WireRecordSchema,
  type WireUpdateType,
} from "./custom-objects.wire.js";

const { call } = endpointsUnder("/identity/v2/manage/account/{uid}/customobject");

const NAMED = "`?objectName=`";
const record = (uid: string, objectName: string, recordId: string) => ({
  params: { uid, recordId },
  query: { objectName },
});

/**
 * The Account Custom Object endpoints, one row per client method; every call names the object.
 * Reads and updates (the same body gives the same record, in both modes) are retried; a create
 * would make a second record, and a repeated delete answers 1057.
 */
export const CUSTOM_OBJECT_ENDPOINTS = endpointTable("Custom Objects", {
  create: call("POST", "", {
    retry: false,
    answer: WireRecordSchema,
    input: (uid: string, objectName: string, data: Record<string, unknown>) => ({
      params: { uid },
      query: { objectName },
      body: data,
    }),
    checkFirst:
      "look for the record among the account's records of this object before creating it again",
    covers: {
      toldApartBy: NAMED,
      sdk: "customObjectApi.createCustomObjectByUid",
      reference: "custom-object/create-custom-object-by-uid",
      graph: ["Mutation.createCustomObjectRecord"],
    },
  }),
  list: call("GET", "", {
    retry: true,
    cache: "customObjects",
    answer: WireRecordListSchema,
    input: (uid: string, objectName: string) => ({ params: { uid }, query: { objectName } }),
    covers: {
      toldApartBy: NAMED,
      sdk: "customObjectApi.getCustomObjectByUid",
      reference: "custom-object/custom-object-by-uid",
      graph: ["Account.customObjects"],
    },
  }),
  get: call("GET", "/{recordId}", {
    retry: true,
    cache: "customObjects",
    answer: WireRecordSchema,
    input: record,
    covers: {
      toldApartBy: NAMED,
      sdk: "customObjectApi.getCustomObjectByRecordID",
      reference: "custom-object/custom-object-by-objectrecordid-and-uid",
      graph: ["Query.customObjectRecord"],
    },
  }),
  update: call("PUT", "/{recordId}", {
    retry: true,
    answer: WireRecordSchema,
    input: (
      uid: string,
      objectName: string,
      recordId: string,
      data: Record<string, unknown>,
      updateType: WireUpdateType,
    ) => ({ params: { uid, recordId }, query: { objectName, updateType }, body: data }),
    covers: {
      toldApartBy: "`?objectName=&updateType=`",
      sdk: "customObjectApi.updateCustomObjectByUid",
      reference: "custom-object/custom-object-update-by-objectrecordid-and-uid",
      graph: ["Mutation.updateCustomObjectRecord"],
    },
  }),
  delete: call("DELETE", "/{recordId}", {
    retry: false,
    answer: WireDeletedSchema,
    input: record,
    covers: {
      toldApartBy: NAMED,
      sdk: "customObjectApi.deleteCustomObjectByRecordID",
      reference: "custom-object/custom-object-delete-by-objectrecordid-and-uid",
      graph: ["Mutation.deleteCustomObjectRecord"],
    },
  }),
});

/** An account's records of one custom object, as the repository sees them. */
export type CustomObjectsClient = ClientOf<typeof CUSTOM_OBJECT_ENDPOINTS>;

/** The Account Custom Object client over the adapter, as bound to one request (its id, deadline and call count go with every call). */
export const createCustomObjectsClient = (http: BoundHttp): CustomObjectsClient =>
  clientOver(CUSTOM_OBJECT_ENDPOINTS, http);
