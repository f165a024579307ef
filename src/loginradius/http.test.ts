import { describe, expect, it } from "vitest";
import { buildPath } from "./http.js";
import {
  MAX_REPORTED_RETRY_AFTER_SECONDS,
  parseRetryAfter,
  UpstreamError,
} from "./upstream-error.js";

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

describe("parseRetryAfter", () => {
  it.each([
    ["30", 30],
    ["0", 0],
    ["-5", 0],
    ["86400", MAX_REPORTED_RETRY_AFTER_SECONDS],
    ["1e308", MAX_REPORTED_RETRY_AFTER_SECONDS],
    ["Thu, 26 Nov 2026 00:00:10 GMT", 10],
    ["Fri, 27 Nov 2026 00:00:00 GMT", MAX_REPORTED_RETRY_AFTER_SECONDS],
    ["soon", null],
    ["", null],
  ])("reads %j as %j seconds, clamped to a sane maximum", (value, seconds) => {
    expect(parseRetryAfter(value, Date.parse("2026-11-26T00:00:00Z"))).toBe(seconds);
  });
});
