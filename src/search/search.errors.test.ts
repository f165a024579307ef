import { describe, expect, it } from "vitest";
import { createErrorFormatting } from "../graphql/format-error.js";
import { UpstreamError } from "../loginradius/upstream-error.js";
import { errorTableOf } from "../sections.js";

const { translateUpstream } = createErrorFormatting(errorTableOf());
const rejected = (endpoint: string, errorCode: number) =>
  new UpstreamError("rejected", endpoint, 403, errorCode, "upstream words");

describe("908, by endpoint", () => {
  it("is an expired cursor on the search's ?next= only", () => {
    expect(translateUpstream(rejected("GET /identity", 908)).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "after",
      reason: "cursor_expired",
    });
    for (const endpoint of ["POST /identity", "GET /identity/v2/manage/account/{uid}"]) {
      const { extensions } = translateUpstream(rejected(endpoint, 908));
      expect(extensions.reason).toBeUndefined();
      expect(extensions.field).not.toBe("after");
    }
  });

  it("leaves the endpoint's other codes to the merged rows", () => {
    expect(translateUpstream(rejected("GET /identity", 902)).extensions.code).toBe(
      "UPSTREAM_AUTH_FAILED",
    );
  });
});
