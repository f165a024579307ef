import { describe, expect, it } from "vitest";
import { WireRecordListSchema, WireRecordSchema } from "../custom-objects/custom-objects.wire.js";
import {
  WireContextHoldersSchema,
  WireRoleContextsSchema,
  WireRoleListSchema,
} from "./roles.wire.js";

/** The wire schemas accept the documented answers and refuse the shapes nothing could read. */
describe("roles and custom-object wire schemas", () => {
  it("read the documented samples", () => {
    expect(
      WireRoleListSchema.parse({ data: [{ Name: "admin", Permissions: { a: true } }], Count: 1 }),
    ).toEqual({ data: [{ Name: "admin", Permissions: { a: true } }] });
    expect(
      WireRoleContextsSchema.parse({
        Data: [{ Context: "c", Roles: ["r"], AdditionalPermissions: [], Expiration: null }],
      }).Data?.[0]?.Context,
    ).toBe("c");
    expect(
      WireContextHoldersSchema.parse({
        Data: [{ RoleContext: { Roles: [] }, Uid: "u", Email: null, FullName: null }],
      }).Data[0]?.Uid,
    ).toBe("u");
    expect(
      WireRecordSchema.parse({ Id: "5f1c", IsActive: true, CustomObject: { a: 1 }, Extra: 1 }),
    ).toEqual({ Id: "5f1c", IsActive: true, CustomObject: { a: 1 } });
  });

  it.each([
    [WireRoleListSchema, { data: [{ Permissions: {} }] }],
    [WireRoleListSchema, { data: [{ Name: "a", Permissions: { p: "yes" } }] }],
    [WireRoleContextsSchema, { Data: [{ Roles: [] }] }],
    [WireContextHoldersSchema, { Data: [{ RoleContext: {} }] }],
    [WireRecordSchema, { CustomObject: {} }],
    [WireRecordListSchema, { data: [{ Id: 1 }] }],
    [WireRecordSchema, { Id: "x", CustomObject: [1, 2] }],
  ])("refuses %#", (schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});
