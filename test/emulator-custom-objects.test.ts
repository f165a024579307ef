import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ACCOUNT,
  ADA,
  EDSGER,
  GRACE,
  type RunningEmulator,
  SEEDED_COUNTS,
  startEmulator,
} from "./helpers/emulator.js";

const objects = (uid: string) => `${ACCOUNT}/${uid}/customobject`;
const ROUTE = "GET /identity/v2/manage/account/{uid}/customobject";
const LR_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/;

let clock = new Date("2026-03-01T12:00:00.000Z");
let lr: RunningEmulator;
beforeAll(async () => {
  lr = await startEmulator({ now: () => clock });
});
afterAll(() => lr.close());
beforeEach(async () => {
  clock = new Date("2026-03-01T12:00:00.000Z");
  await lr.control("POST", "/reset");
});

const list = (uid: string, objectName: string) =>
  lr.call("GET", objects(uid), { query: { objectName } });
const create = (uid: string, body: unknown, objectName = "addresses") =>
  lr.call("POST", objects(uid), { query: { objectName }, body });

describe("GET /account/{uid}/customobject", () => {
  it("lists the account's records of one object, in the documented shape", async () => {
    const res = await list(ADA, "addresses");
    expect(res.body.Count).toBe(2);
    expect(Object.keys(res.body.data[0])).toEqual([
      "Id",
      "IsActive",
      "DateCreated",
      "DateModified",
      "IsDeleted",
      "Uid",
      "CustomObject",
    ]);
    expect(res.body.data[0]).toMatchObject({
      Id: expect.stringMatching(/^[0-9a-f]{24}$/),
      IsActive: true,
      DateCreated: expect.stringMatching(LR_DATE),
      IsDeleted: false,
      Uid: ADA,
      CustomObject: { label: "home", city: "London" },
    });
    expect((await list(ADA, "orders")).body).toEqual({ data: [], Count: 0 });
  });

  it("answers 1064 for a missing or unconfigured objectName and 938 for no account", async () => {
    expect((await lr.call("GET", objects(ADA))).body).toMatchObject({
      ErrorCode: 1064,
      Message: "Custom object name is invalid",
    });
    expect((await list(ADA, "Addresses")).body.ErrorCode).toBe(1064);
    expect((await list("nobody", "addresses")).body.ErrorCode).toBe(938);
  });
});

describe("POST /account/{uid}/customobject", () => {
  it("creates a record and answers it; it is then listed and readable by Id", async () => {
    const res = await create(EDSGER, { label: "lab", nested: { a: [1, 2] } });
    expect(res.body).toEqual({
      Id: expect.stringMatching(/^[0-9a-f]{24}$/),
      IsActive: true,
      DateCreated: "2026-03-01T12:00:00.0000000Z",
      DateModified: "2026-03-01T12:00:00.0000000Z",
      IsDeleted: false,
      Uid: EDSGER,
      CustomObject: { label: "lab", nested: { a: [1, 2] } },
    });
    expect((await list(EDSGER, "addresses")).body.data).toEqual([res.body]);
    const one = await lr.call("GET", `${objects(EDSGER)}/${res.body.Id}`, {
      query: { objectName: "addresses" },
    });
    expect(one.body).toEqual(res.body);
  });

  it("answers 1035 for a body that is not a JSON object, 965 for broken JSON", async () => {
    for (const body of [[1, 2], "text", 5]) {
      const res = await create(ADA, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ErrorCode: 1035, Message: "Custom object JSON is invalid" });
    }
    const none = await lr.call("POST", objects(ADA), { query: { objectName: "addresses" } });
    expect(none.body.ErrorCode).toBe(1035);
    const broken = await lr.call("POST", objects(ADA), {
      query: { objectName: "addresses" },
      raw: "{nope",
    });
    expect(broken.body.ErrorCode).toBe(965);
    expect((await create("nobody", { a: 1 })).body.ErrorCode).toBe(938);
    expect((await create(ADA, { a: 1 }, "unknown")).body.ErrorCode).toBe(1064);
    expect((await list(ADA, "addresses")).body.Count).toBe(2);
  });
});

describe("GET / PUT / DELETE /account/{uid}/customobject/{objectRecordId}", () => {
  const firstId = async () => (await list(ADA, "addresses")).body.data[0].Id as string;
  const record = (id: string, query: Record<string, string>, method = "GET", body?: unknown) =>
    lr.call(method, `${objects(ADA)}/${id}`, { query, body });

  it("partialreplace upserts top-level keys; replace overwrites the object", async () => {
    const id = await firstId();
    clock = new Date("2026-03-02T08:00:00.000Z");
    const merged = await record(
      id,
      { objectName: "addresses", updateType: "partialreplace" },
      "PUT",
      {
        city: "Oxford",
        floor: 2,
      },
    );
    expect(merged.body.CustomObject).toEqual({
      label: "home",
      street: "12 St James's Square",
      city: "Oxford",
      country: "GB",
      default: true,
      floor: 2,
    });
    expect(merged.body.DateModified).toBe("2026-03-02T08:00:00.0000000Z");
    const replaced = await record(id, { objectName: "addresses", updateType: "Replace" }, "PUT", {
      only: "this",
    });
    expect(replaced.body.CustomObject).toEqual({ only: "this" });
    expect((await record(id, { objectName: "addresses" })).body.CustomObject).toEqual({
      only: "this",
    });
  });

  it("answers 1134 for a missing, empty or unknown updateType, 1035 for a bad body", async () => {
    const id = await firstId();
    const queries: Record<string, string>[] = [{}, { updateType: "" }, { updateType: "merge" }];
    for (const query of queries) {
      const res = await record(id, { objectName: "addresses", ...query }, "PUT", { a: 1 });
      expect(res.body).toMatchObject({ ErrorCode: 1134, Errors: [{ FieldName: "updateType" }] });
    }
    const bad = await record(id, { objectName: "addresses", updateType: "replace" }, "PUT", [1]);
    expect(bad.body.ErrorCode).toBe(1035);
  });

  it("answers 1057 for an unknown record, one of another object or of another account", async () => {
    const id = await firstId();
    const notFound = await record("0123456789abcdef01234567", { objectName: "addresses" });
    expect(notFound.body).toMatchObject({
      ErrorCode: 1057,
      Message: "Custom object is not found or does not exist",
    });
    expect((await record(id, { objectName: "orders" })).body.ErrorCode).toBe(1057);
    const other = await lr.call("GET", `${objects(GRACE)}/${id}`, {
      query: { objectName: "addresses" },
    });
    expect(other.body.ErrorCode).toBe(1057);
  });

  it("deletes a record, after which it is 1057", async () => {
    const id = await firstId();
    const query = { objectName: "addresses" };
    expect((await record(id, query, "DELETE")).body).toEqual({ IsDeleted: true });
    expect((await record(id, query)).body.ErrorCode).toBe(1057);
    expect((await record(id, query, "DELETE")).body.ErrorCode).toBe(1057);
    expect((await list(ADA, "addresses")).body.Count).toBe(1);
  });

  it("projects a record with fields", async () => {
    const id = await firstId();
    const res = await record(id, { objectName: "addresses", fields: "Id,CustomObject(city)" });
    expect(res.body).toEqual({ Id: id, CustomObject: { city: "London" } });
  });
});

describe("the custom-object section in the emulator", () => {
  it("reports its count, honours faults per route, and hides an earlier account's records", async () => {
    expect((await lr.control("GET", "/health")).body).toEqual({ ok: true, ...SEEDED_COUNTS });
    await lr.control("POST", "/faults", { kind: "rateLimit", route: ROUTE });
    expect((await list(ADA, "addresses")).status).toBe(429);
    expect((await list(ADA, "addresses")).status).toBe(200);
    const body = {
      Email: [{ Type: "Primary", Value: "r@example.net" }],
      Password: "Reused-Pass-1",
      Uid: "r-uid",
    };
    await lr.call("POST", ACCOUNT, { body });
    await create("r-uid", { a: 1 });
    await lr.call("DELETE", `${ACCOUNT}/r-uid`);
    await lr.call("POST", ACCOUNT, { body });
    expect((await list("r-uid", "addresses")).body.Count).toBe(0);
  });

  it("persists records in the shared journal and resets them to the seed", async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), "lr-co-")), "data.jsonl");
    const first = await startEmulator({ dataFile });
    const made = await first.call("POST", objects(GRACE), {
      query: { objectName: "orders" },
      body: { orderId: "Z" },
    });
    await first.close();
    const last = JSON.parse(readFileSync(dataFile, "utf8").trim().split("\n").at(-1) as string);
    expect(last).toMatchObject({ s: "customObjects", t: "put" });
    const second = await startEmulator({ dataFile });
    try {
      const orders = await second.call("GET", objects(GRACE), { query: { objectName: "orders" } });
      expect(orders.body.data.at(-1)).toEqual(made.body);
      await second.control("POST", "/reset");
      const reset = await second.call("GET", objects(GRACE), { query: { objectName: "orders" } });
      expect(reset.body.Count).toBe(2);
    } finally {
      await second.close();
    }
  });
});
