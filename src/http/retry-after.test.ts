import { describe, expect, it } from "vitest";
import {
  MAX_RETRY_AFTER_SECONDS,
  MAX_SENT_RETRY_AFTER_SECONDS,
  readRetryAfter,
  retryAfterToSend,
} from "./retry-after.js";

const NOW = Date.parse("2026-11-26T00:00:00Z");

describe("readRetryAfter: delta-seconds or an HTTP date, bounded", () => {
  it.each([
    ["30", 30],
    ["0", 0],
    [" 7 ", 7],
    ["86400", MAX_RETRY_AFTER_SECONDS],
    ["99999999999999999999999", MAX_RETRY_AFTER_SECONDS],
  ])("reads delta-seconds %j as %j", (value, seconds) => {
    expect(readRetryAfter(value, NOW)).toBe(seconds);
  });

  it.each([
    ["Thu, 26 Nov 2026 00:00:10 GMT", 10],
    ["Thursday, 26-Nov-26 00:00:10 GMT", 10],
    ["Thu Nov 26 00:00:10 2026", 10],
    ["Thu, 26 Nov 2026 00:00:00 GMT", 0],
    ["Wed, 25 Nov 2026 23:00:00 GMT", 0],
    ["Fri, 27 Nov 2026 00:00:00 GMT", MAX_RETRY_AFTER_SECONDS],
  ])("reads the HTTP date %j as %j seconds from now (the past is now)", (value, seconds) => {
    expect(readRetryAfter(value, NOW)).toBe(seconds);
  });

  it.each([null, undefined, "", "soon", "-5", "1.5", "0x10", "1e3", "+3", "2026-11-26T00:00:10Z"])(
    "reads %j as no advice",
    (value) => {
      expect(readRetryAfter(value, NOW)).toBeNull();
    },
  );
});

describe("retryAfterToSend: what our own refusals say", () => {
  it.each([
    [0, 1],
    [0.2, 1],
    [4.5, 5],
    [7200, MAX_SENT_RETRY_AFTER_SECONDS],
    [Number.POSITIVE_INFINITY, MAX_SENT_RETRY_AFTER_SECONDS],
    [Number.NaN, MAX_SENT_RETRY_AFTER_SECONDS],
  ])(
    "sends a wait of %j s as %j, which the reader reads back unchanged below its bound",
    (s, sent) => {
      expect(retryAfterToSend(s)).toBe(sent);
      expect(readRetryAfter(String(retryAfterToSend(s)), NOW)).toBe(
        Math.min(sent, MAX_RETRY_AFTER_SECONDS),
      );
    },
  );
});
