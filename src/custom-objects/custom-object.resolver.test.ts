import { describe, expect, it } from "vitest";
import { startInProcess } from "../../test/helpers/in-process.js";
import { accountsClientDouble } from "../accounts/index.js";
import { connectDoubles } from "../context.js";
import { UpstreamError } from "../loginradius/upstream-error.js";
import { MAX_DATA_BYTES } from "./custom-object.args.js";
import { CustomObjectRepository } from "./custom-object.repository.js";
import { customObjectsClientDouble } from "./custom-objects.client.double.js";
import type { CustomObjectsClient } from "./custom-objects.client.js";
import type { WireRecord } from "./custom-objects.wire.js";

/** The Custom Objects resolvers in process over client doubles. */
const rejected = (code: number) => Promise.reject(new UpstreamError("rejected", "X", 403, code));

const rec = (Id: string, CustomObject: Record<string, unknown>): WireRecord => ({
  Id,
  Uid: "ada",
  IsActive: true,
  DateCreated: "2024-03-01T10:00:00.0000000Z",
  DateModified: "2024-03-04T10:00:00.0000000Z",
  CustomObject,
});

const world = (given: Partial<CustomObjectsClient> = {}) => {
  const calls: string[] = [];
  let records = [rec("r1", { city: "London" })];
  const client = customObjectsClientDouble({
    list: async (uid, objectName) => {
      calls.push(`list ${uid} ${objectName}`);
      if (objectName === "pets") return rejected(1064);
      return { data: objectName === "addresses" ? records : [] };
    },
    get: async (uid, objectName, id) => {
      calls.push(`get ${uid} ${objectName} ${id}`);
      return records.find((r) => r.Id === id) ?? rejected(1057);
    },
    update: async (uid, objectName, id, data, updateType) => {
      calls.push(`update ${uid} ${objectName} ${id} ${updateType}`);
      records = records.map((r) => (r.Id === id ? { ...r, CustomObject: data } : r));
      return records.find((r) => r.Id === id) ?? rejected(1057);
    },
    create: async (uid, objectName, data) => {
      calls.push(`create ${uid} ${objectName}`);
      records = [...records, rec(`r${records.length + 1}`, data)];
      return records.at(-1) as WireRecord;
    },
    ...given,
  });
  const accounts = accountsClientDouble({ getByUid: async (uid) => ({ Uid: uid }) });
  return { client, accounts, calls };
};

const start = async (given: Partial<CustomObjectsClient> = {}) => {
  const { client, accounts, calls } = world(given);
  const app = await startInProcess({
    connect: connectDoubles({ accounts, customObjects: client }),
  });
  return { ...app, calls };
};

describe("custom objects in process", () => {
  it("lists once per account and object name, and maps records", async () => {
    const { run, calls } = await start();
    const res = await run(`{ accountsByUids(uids: ["ada", "ada"]) {
      a: customObjects(objectName: "addresses") { id uid objectName active createdAt data }
      b: customObjects(objectName: "addresses") { id }
      o: customObjects(objectName: "orders") { id }
    } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.accountsByUids[0].a).toEqual([
      {
        id: "r1",
        uid: "ada",
        objectName: "addresses",
        active: true,
        createdAt: new Date("2024-03-01T10:00:00.000Z"),
        data: { city: "London" },
      },
    ]);
    expect(calls.sort()).toEqual(["list ada addresses", "list ada orders"]);
  });

  it("answers null for an unknown record and BAD_USER_INPUT for an unknown object", async () => {
    const { run } = await start();
    const res = await run(`{
      r: customObjectRecord(uid: "ada", objectName: "addresses", recordId: "zz") { id }
      accountByUid(uid: "ada") { customObjects(objectName: "pets") { id } }
    }`);
    expect(res.data.r).toBeNull();
    expect(res.errors?.[0]?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "objectName",
      loginradius: { errorCode: 1064 },
    });
  });
});

describe("the custom object repository", () => {
  it("forgets the account's lists after a write and primes the written record", async () => {
    const { client, calls } = world();
    const repository = new CustomObjectRepository(client);
    await repository.list("ada", "addresses");
    await repository.list("ada", "addresses");
    await repository.update("ada", "addresses", "r1", { city: "Paris" }, "partialreplace");
    expect((await repository.list("ada", "addresses"))[0]?.CustomObject).toEqual({ city: "Paris" });
    const created = await repository.create("ada", "addresses", { city: "Rome" });
    expect((await repository.get("ada", "addresses", created.Id))?.CustomObject).toEqual({
      city: "Rome",
    });
    expect(await repository.list("ada", "addresses")).toHaveLength(2);
    // A list before each write and after it; the created record came primed, no `get`.
    expect(calls).toEqual([
      "list ada addresses",
      "update ada addresses r1 partialreplace",
      "list ada addresses",
      "create ada addresses",
      "list ada addresses",
    ]);
  });
});

describe("custom object writes in process", () => {
  it("runs both writes of one operation, each once", async () => {
    const { run, calls } = await start();
    const res = await run(`mutation {
      u: updateCustomObjectRecord(uid: "ada", objectName: "addresses", recordId: "r1", data: { city: "Paris" }, mode: MERGE) { data }
      c: createCustomObjectRecord(uid: "ada", objectName: "addresses", data: { city: "Rome" }) { id }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ u: { data: { city: "Paris" } }, c: { id: "r2" } });
    expect(calls).toEqual(["update ada addresses r1 partialreplace", "create ada addresses"]);
  });

  it.each([
    ['createCustomObjectRecord(uid: "ada", objectName: "a.b", data: {}) { id }', "objectName"],
    [
      'deleteCustomObjectRecord(uid: "ada", objectName: "x", recordId: "a/b") { deleted }',
      "recordId",
    ],
    ['createCustomObjectRecord(uid: "", objectName: "x", data: {}) { id }', "uid"],
  ])("refuses %s before any call", async (mutation, field) => {
    const { run, calls } = await start();
    const res = await run(`mutation { ${mutation} }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(calls).toEqual([]);
  });

  it("refuses data above the size limit, and takes data right at it", async () => {
    const { run, calls } = await start();
    const exact = { s: "x".repeat(MAX_DATA_BYTES - '{"s":""}'.length) };
    const over = { s: `${exact.s}y` };
    const q = `mutation($d: JSONObject!) { createCustomObjectRecord(uid: "ada", objectName: "addresses", data: $d) { id } }`;
    const refused = await run(q, { d: over });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "data",
    });
    expect(calls).toEqual([]);
    const taken = await run(q, { d: exact });
    expect(taken.errors).toBeUndefined();
  });

  it("maps 1035 and 1057 on writes", async () => {
    const { run } = await start({ delete: () => rejected(1057), create: () => rejected(1035) });
    const del = await run(
      'mutation { deleteCustomObjectRecord(uid: "ada", objectName: "x", recordId: "r9") { deleted } }',
    );
    expect(del.errors?.[0]?.extensions).toEqual({
      code: "NOT_FOUND",
      field: "recordId",
      loginradius: { errorCode: 1057 },
    });
    const bad = await run(
      'mutation { createCustomObjectRecord(uid: "ada", objectName: "x", data: {}) { id } }',
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "data" });
  });
});
