import { describe, expect, it } from "vitest";
import { inputFieldOf, renameIndex } from "./upstream-fields.js";

const index = renameIndex({
  Email: "emails",
  "Email[].Value": "value",
  Password: "password",
  NoteText: "text",
});

describe("upstream field names -> our input fields", () => {
  it("renames by the merged table, in any casing", () => {
    expect(inputFieldOf("Password", index)).toBe("password");
    expect(inputFieldOf("password", index)).toBe("password");
    expect(inputFieldOf("notetext", index)).toBe("text");
  });

  it("names a list item's field only when the table names it", () => {
    expect(inputFieldOf("Email[2].Value", index)).toBe("emails[2].value");
    expect(inputFieldOf("Email[2].Type", index)).toBe("emails");
  });

  it("passes on no name it does not know", () => {
    expect(inputFieldOf("SecretInternalThing", index)).toBeUndefined();
    expect(inputFieldOf("[0]", index)).toBeUndefined();
  });
});
