import { describe, expect, it } from "vitest";
import { passwordRuleOf } from "./password-rule.js";

const rule = (ErrorMessage: string | null, FieldName = "Password") =>
  passwordRuleOf([{ FieldName, ErrorMessage }]);

describe("passwordRuleOf", () => {
  it.each([
    ["The Password field must be at least 6 characters long.", "MIN_LENGTH"],
    ["The Password field must be at most 32 characters long.", "MAX_LENGTH"],
    ["The Password field must have a minimum number of 8 characters", "MIN_LENGTH"],
    ["Password is too long", "MAX_LENGTH"],
    ["Password must contain at least one uppercase letter", "UPPERCASE"],
    ["Password must contain a lower-case letter", "LOWERCASE"],
    ["Password must contain at least one number", "DIGIT"],
    ["Password must include a non-alphanumeric character", "SPECIAL_CHARACTER"],
    ["Password is too common", "COMMON_PASSWORD"],
    ["Password found in a dictionary of known passwords", "COMMON_PASSWORD"],
    ["Password was exposed in an external data breach", "BREACHED_PASSWORD"],
    ["Something else entirely", "POLICY"],
    [null, "POLICY"],
  ])("%j -> %s", (message, expected) => {
    expect(rule(message)).toBe(expected);
  });

  it("reads only a password's entry (any casing of the field name)", () => {
    expect(rule("must be at least 3 characters", "UserName")).toBeNull();
    expect(rule("must be at least 3 characters", "password")).toBe("MIN_LENGTH");
    expect(rule("must be at least 3 characters", "NewPassword")).toBe("MIN_LENGTH");
    expect(passwordRuleOf([])).toBeNull();
  });
});
