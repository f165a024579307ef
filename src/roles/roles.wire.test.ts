import { describe, expect, it } from "vitest";
import {
  WireContextHoldersSchema,
  WireRoleContextsSchema,
  WireRoleListSchema,
} from "./roles.wire.js";

/** The wire schemas accept the documented answers and refuse the shapes nothing could read. */
describe("roles wire schemas", () => {
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
  });

  it.each([
    [WireRoleListSchema, { data: [{ Permissions: {} }] }],
    [WireRoleListSchema, { data: [{ Name: "a", Permissions: { p: "yes" } }] }],
    [WireRoleContextsSchema, { Data: [{ Roles: [] }] }],
    [WireContextHoldersSchema, { Data: [{ RoleContext: {} }] }],
  ])("refuses %#", (schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});
