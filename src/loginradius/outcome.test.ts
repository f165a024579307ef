import { describe, expect, it } from "vitest";
import { mayHaveActed, type TransportState, UpstreamError } from "./upstream-error.js";

const sent: TransportState = { phase: "headers", sent: true, cause: null };
const unsent: TransportState = { phase: "connect", sent: false, cause: "ECONNREFUSED" };

const failed = (failure: UpstreamError["failure"], status: number | null, t?: TransportState) =>
  new UpstreamError(failure, "POST /x", status, null, null, [], null, t ? { transport: t } : {});

/** When a call that is not safe to repeat may have been performed by LoginRadius. */
describe("mayHaveActed", () => {
  it.each([
    ["a timeout after sending", failed("timeout", null, sent)],
    ["a drop after sending", failed("unavailable", null, sent)],
    ["a 500", failed("unavailable", 500)],
    ["a 503 with a body", failed("unavailable", 503)],
    ["a 200 it could not read", failed("bad_response", 200)],
    ["a 200 too large to read", failed("too_large", 200)],
  ])("yes: %s", (_, error) => {
    expect(mayHaveActed(error)).toBe(true);
  });

  it.each([
    ["a refused connection", failed("unavailable", null, unsent)],
    ["a connect timeout", failed("timeout", null, { ...unsent, cause: null })],
    ["the request deadline before sending", failed("timeout", null)],
    ["an open breaker", failed("circuit_open", null)],
    ["a full queue", failed("overloaded", null)],
    ["no outbound token", failed("rate_limited", null)],
    ["a 429", failed("rate_limited", 429)],
    ["a 408", failed("unavailable", 408)],
    ["a refusal", failed("rejected", 400)],
    ["an error status without a body", failed("bad_response", 404)],
    ["a redirect", failed("redirected", 302)],
    ["a bad path parameter", failed("invalid_request", null)],
  ])("no: %s", (_, error) => {
    expect(mayHaveActed(error)).toBe(false);
  });
});
