import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, GRACE } from "./helpers/emulator.js";
import { errorOf, type Stack, startStack } from "./helpers/stack.js";

/** The Account Custom Object section through HTTP against the emulator (its demo records). */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(() => stack.reset());

/** The demo records' ids, as the emulator's seed derives them. */
const demoId = (uid: string, objectName: string, n: number) =>
  createHash("sha256").update(`custom-object:${uid}:${objectName}:${n}`).digest("hex").slice(0, 24);
const HOME = demoId(ADA, "addresses", 0);

describe("Account.customObjects and customObjectRecord", () => {
  it("lists an account's records of one object, once per object name", async () => {
    const res = await stack.gql(`{ accountByUid(uid: "${ADA}") {
      addresses: customObjects(objectName: "addresses") { id uid objectName active createdAt modifiedAt data }
      again: customObjects(objectName: "addresses") { id }
      preferences: customObjects(objectName: "preferences") { data }
      orders: customObjects(objectName: "orders") { id }
    } }`);
    expect(res.errors).toBeUndefined();
    const account = res.data.accountByUid;
    expect(account.addresses).toHaveLength(2);
    expect(account.addresses[0]).toEqual({
      id: HOME,
      uid: ADA,
      objectName: "addresses",
      active: true,
      createdAt: "2024-03-01T10:00:00.000Z",
      modifiedAt: "2024-03-04T10:00:00.000Z",
      data: {
        label: "home",
        street: "12 St James's Square",
        city: "London",
        country: "GB",
        default: true,
      },
    });
    expect(account.preferences[0].data).toMatchObject({ theme: "dark" });
    expect(account.orders).toEqual([]);
    expect((await stack.routes()).sort()).toEqual([
      "GET /identity/v2/manage/account/{uid}",
      "GET /identity/v2/manage/account/{uid}/customobject",
      "GET /identity/v2/manage/account/{uid}/customobject",
      "GET /identity/v2/manage/account/{uid}/customobject",
    ]);
  });

  it("reads one record, null for an unknown one or another account's", async () => {
    const res = await stack.gql(`{
      one: customObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "${HOME}") { id data }
      missing: customObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "aaaaaaaaaaaaaaaaaaaaaaaa") { id }
      otherAccount: customObjectRecord(uid: "${GRACE}", objectName: "addresses", recordId: "${HOME}") { id }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.one.data.label).toBe("home");
    expect(res.data.missing).toBeNull();
    expect(res.data.otherAccount).toBeNull();
    expect(await stack.routes()).toEqual(
      Array(3).fill("GET /identity/v2/manage/account/{uid}/customobject/{recordId}"),
    );
  });

  it("answers BAD_USER_INPUT for an object not configured on the site", async () => {
    const res = await stack.gql(
      `{ accountByUid(uid: "${ADA}") { uid customObjects(objectName: "pets") { id } } }`,
    );
    // `customObjects` is nullable: its error leaves the account it hangs on in place.
    expect(res.data.accountByUid).toEqual({ uid: ADA, customObjects: null });
    expect(errorOf(res)).toEqual({
      code: "BAD_USER_INPUT",
      field: "objectName",
      loginradius: { errorCode: 1064 },
    });
  });

  it("refuses a bad object name or record id before any call", async () => {
    for (const query of [
      `{ customObjectRecord(uid: "${ADA}", objectName: "a b", recordId: "x") { id } }`,
      `{ customObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "../x") { id } }`,
    ]) {
      const res = await stack.gql(query);
      expect(errorOf(res)?.code, query).toBe("BAD_USER_INPUT");
    }
    expect(await stack.calls()).toEqual([]);
    const field = await stack.gql(
      `{ accountByUid(uid: "${ADA}") { uid customObjects(objectName: "a/b") { id } } }`,
    );
    expect(errorOf(field)).toMatchObject({ code: "BAD_USER_INPUT", field: "objectName" });
    expect((await stack.calls()).map((c) => c.route)).toEqual([
      "GET /identity/v2/manage/account/{uid}",
    ]);
  });
});

describe("custom object mutations", () => {
  const CREATE = `mutation($data: JSONObject!) {
    createCustomObjectRecord(uid: "${GRACE}", objectName: "addresses", data: $data) { id uid objectName data }
  }`;

  it("creates a record; the account's list read afterwards in the same request includes it", async () => {
    const res = await stack.gql(`mutation {
      created: createCustomObjectRecord(uid: "${ADA}", objectName: "addresses", data: { label: "holiday", city: "Nice" }) { id data }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.created.id).toMatch(/^[0-9a-f]{24}$/);
    expect(res.data.created.data).toEqual({ label: "holiday", city: "Nice" });
    const read = await stack.gql(
      `{ accountByUid(uid: "${ADA}") { customObjects(objectName: "addresses") { data } } }`,
    );
    expect(
      read.data.accountByUid.customObjects.map((r: { data: { label: string } }) => r.data.label),
    ).toEqual(["home", "work", "holiday"]);
  });

  it("refuses data over the size limit with no upstream call", async () => {
    const res = await stack.gql(CREATE, { data: { blob: "x".repeat(70_000) } });
    expect(errorOf(res)).toMatchObject({ code: "BAD_USER_INPUT", field: "data" });
    expect(await stack.calls()).toEqual([]);
  });

  it("answers NOT_FOUND for an unknown account", async () => {
    const res = await stack.gql(
      'mutation { createCustomObjectRecord(uid: "nobody", objectName: "addresses", data: {}) { id } }',
    );
    expect(errorOf(res)).toEqual({ code: "NOT_FOUND", loginradius: { errorCode: 938 } });
  });

  it("updates by REPLACE and by MERGE", async () => {
    const UPDATE = `mutation($mode: CustomObjectUpdateMode!, $data: JSONObject!) {
      updateCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "${HOME}", data: $data, mode: $mode) { data modifiedAt }
    }`;
    const merged = await stack.gql(UPDATE, { mode: "MERGE", data: { city: "Paris" } });
    expect(merged.errors).toBeUndefined();
    expect(merged.data.updateCustomObjectRecord.data).toMatchObject({
      label: "home",
      city: "Paris",
    });
    const replaced = await stack.gql(UPDATE, { mode: "REPLACE", data: { city: "Rome" } });
    expect(replaced.data.updateCustomObjectRecord.data).toEqual({ city: "Rome" });
    const unknown = await stack.gql(
      `mutation { updateCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "abc", data: {}, mode: REPLACE) { id } }`,
    );
    expect(errorOf(unknown)).toEqual({
      code: "NOT_FOUND",
      field: "recordId",
      loginradius: { errorCode: 1057 },
    });
  });

  it("deletes a record; deleting it again is NOT_FOUND, and both are audited", async () => {
    const res = await stack.gql(`mutation {
      deleteCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "${HOME}") { uid objectName recordId deleted }
    }`);
    expect(res.data.deleteCustomObjectRecord).toEqual({
      uid: ADA,
      objectName: "addresses",
      recordId: HOME,
      deleted: true,
    });
    const again = await stack.gql(`mutation {
      deleteCustomObjectRecord(uid: "${ADA}", objectName: "addresses", recordId: "${HOME}") { deleted }
    }`);
    expect(errorOf(again)).toMatchObject({ code: "NOT_FOUND", loginradius: { errorCode: 1057 } });
    expect(stack.audit.at(-1)).toMatchObject({
      field: "Mutation.deleteCustomObjectRecord",
      uid: ADA,
      outcome: "error",
      code: "NOT_FOUND",
    });
  });
});
