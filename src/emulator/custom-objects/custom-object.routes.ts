import { randomBytes } from "node:crypto";
import { ownerOf, requireAccount } from "../accounts/index.js";
import { lrDate } from "../core/dates.js";
import { validationError } from "../core/errors.js";
import { CUSTOM_OBJECTS } from "./codes.js";
import {
  CUSTOM_OBJECT,
  type CustomObjectContext,
  type CustomObjectRoute,
  isOwnedBy,
  renderRecord,
  requireObjectBody,
  requireObjectName,
} from "./custom-object.context.js";
import type { StoredRecord } from "./custom-object.store.js";

/** Record Ids look like the documented ones: 24 hex digits (a MongoDB ObjectId). */
const newRecordId = (): string => randomBytes(12).toString("hex");

const createRecord = (ctx: CustomObjectContext): unknown => {
  const objectName = requireObjectName(ctx);
  const account = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const CustomObject = requireObjectBody(ctx);
  const now = lrDate(ctx.now);
  const record: StoredRecord = {
    Id: newRecordId(),
    Uid: account.Uid,
    ObjectName: objectName,
    owner: ownerOf(account),
    IsActive: true,
    DateCreated: now,
    DateModified: now,
    CustomObject,
  };
  ctx.stores.customObjects.put(record);
  return renderRecord(record);
};

const listRecords = (ctx: CustomObjectContext): unknown => {
  const objectName = requireObjectName(ctx);
  const account = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const data = ctx.stores.customObjects
    .list(account.Uid, objectName)
    .filter((record) => isOwnedBy(record, account))
    .map(renderRecord);
  return { data, Count: data.length };
};

/** The record in the path, of this account and this object: anything else is 1057. */
const requireRecord = (ctx: CustomObjectContext): StoredRecord => {
  const objectName = requireObjectName(ctx);
  const account = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const record = ctx.stores.customObjects.get(ctx.params.recordId as string);
  if (
    !record ||
    record.Uid !== account.Uid ||
    record.ObjectName !== objectName ||
    !isOwnedBy(record, account)
  )
    throw CUSTOM_OBJECTS.fail(1057);
  return record;
};

const getRecord = (ctx: CustomObjectContext): unknown => renderRecord(requireRecord(ctx));

/** `updateType` is required (documented so): `replace` or `partialreplace`, in any casing. */
const updateTypeOf = (ctx: CustomObjectContext): "replace" | "partialreplace" => {
  const value = ctx.query.get("updateType")?.toLowerCase();
  if (value === "replace" || value === "partialreplace") return value;
  throw validationError([
    { field: "updateType", message: "The updateType must be replace or partialreplace." },
  ]);
};

/** `replace` overwrites the object; `partialreplace` upserts its top-level keys (documented). */
const updateRecord = (ctx: CustomObjectContext): unknown => {
  const record = requireRecord(ctx);
  const updateType = updateTypeOf(ctx);
  const body = requireObjectBody(ctx);
  const CustomObject = updateType === "replace" ? body : { ...record.CustomObject, ...body };
  const updated: StoredRecord = { ...record, CustomObject, DateModified: lrDate(ctx.now) };
  ctx.stores.customObjects.put(updated);
  return renderRecord(updated);
};

const deleteRecord = (ctx: CustomObjectContext): unknown => {
  const record = requireRecord(ctx);
  ctx.stores.customObjects.delete(record.Id);
  return { IsDeleted: true };
};

const RECORD = `${CUSTOM_OBJECT}/{recordId}`;

/**
 * Custom-object records by UID. The bodies are not `body: true`: a missing or non-object body is
 * the section's own 1035, not the generic 958/1079.
 */
export const customObjectRoutes: CustomObjectRoute[] = [
  { method: "POST", path: CUSTOM_OBJECT, project: "profile", handle: createRecord },
  { method: "GET", path: CUSTOM_OBJECT, project: "profile", handle: listRecords },
  { method: "GET", path: RECORD, project: "profile", handle: getRecord },
  { method: "PUT", path: RECORD, project: "profile", handle: updateRecord },
  { method: "DELETE", path: RECORD, handle: deleteRecord },
];
