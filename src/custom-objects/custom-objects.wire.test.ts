import { describe, expect, it } from "vitest";
import { WireRecordListSchema, WireRecordSchema } from "./custom-objects.wire.js";

/** The wire schemas accept the documented answers and refuse the shapes nothing could read. */
describe("custom-object wire schemas", () => {
  it("read the documented sample", () => {
    expect(
      WireRecordSchema.parse({ Id: "5f1c", IsActive: true, CustomObject: { a: 1 }, Extra: 1 }),
    ).toEqual({ Id: "5f1c", IsActive: true, CustomObject: { a: 1 } });
  });

  it.each([
    [WireRecordSchema, { CustomObject: {} }],
    [WireRecordListSchema, { data: [{ Id: 1 }] }],
    [WireRecordSchema, { Id: "x", CustomObject: [1, 2] }],
  ])("refuses %#", (schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});
