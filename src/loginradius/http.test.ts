import { describe, expect, it } from "vitest";
import { buildPath } from "./http.js";
import { UpstreamError } from "./upstream-error.js";

describe("buildPath", () => {
  it("encodes parameters into their segment", () => {
    expect(buildPath("GET x", "/a/{uid}/b", { uid: "user+1@x" })).toBe("/a/user%2B1%40x/b");
  });

  it.each(["../role/admin", "..", ".", "a/b", "", "a b", "a?b=c", "a#b", "%2e%2e"])(
    "refuses %j, which could reach another endpoint",
    (uid) => {
      expect(() => buildPath("GET x", "/a/{uid}", { uid })).toThrow(UpstreamError);
    },
  );
});
