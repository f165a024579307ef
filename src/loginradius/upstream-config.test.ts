import { describe, expect, it } from "vitest";
import { readConfig } from "../config.js";

describe("the upstream part of the configuration", () => {
  it.each([
    ["credentials", "https://user:pa55word@api.example"],
    ["a query", "https://api.example/?apisecret=pa55word"],
    ["a fragment", "https://api.example/#pa55word"],
  ])("refuses an API URL with %s, without echoing it", (_, url) => {
    let message = "";
    try {
      readConfig({ LOGINRADIUS_API_URL: url });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("LOGINRADIUS_API_URL");
    expect(message).not.toContain("pa55word");
  });

  it.each([
    "http://api.loginradius.com",
    "http://api.example:80/",
    "http://10.0.0.5:8080",
    "http://127.0.0.1.nip.io",
    "http://localhost.evil.example",
  ])("refuses cleartext %s: the secret would travel unencrypted", (url) => {
    expect(() => readConfig({ LOGINRADIUS_API_URL: url })).toThrow(
      /LOGINRADIUS_API_URL must use https \(http only for localhost, 127\.0\.0\.1 or \[::1\]\)/,
    );
  });

  it.each([
    "https://api.loginradius.com",
    "https://api.eu.example/",
    "http://127.0.0.1:9",
    "http://localhost:8080",
    "http://[::1]:4001",
  ])("accepts %s (https, or http to this machine: the emulator)", (url) => {
    expect(() => readConfig({ LOGINRADIUS_API_URL: url })).not.toThrow();
  });

  it.each([
    ["a backslash", "https://api.example\\@evil.example"],
    ["a space", "https://api.example /x"],
  ])("refuses an API URL with %s", (_, url) => {
    expect(() => readConfig({ LOGINRADIUS_API_URL: url })).toThrow(/LOGINRADIUS_API_URL/);
  });
});

describe("the upstream defaults and errors", () => {
  it("has defaults for every limit: 1 MiB bodies, 50 requests per second, 30 s per request", () => {
    expect(readConfig({}).upstream).toEqual({
      // No credentials: the embedded emulator's target is given at start (main.ts).
      target: null,
      timeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      maxConcurrency: 64,
      maxQueue: 256,
      maxQueueWaitMs: 5_000,
      retryLimit: 2,
      retryBaseDelayMs: 100,
      maxRetryAfterSeconds: 5,
      maxResponseBytes: 1_048_576,
      breakerFailures: 5,
      breakerOpenMs: 10_000,
      maxRps: 50,
      requestSigning: false,
    });
  });

  it("signs requests only when LOGINRADIUS_REQUEST_SIGNING=true, and refuses other values", () => {
    expect(readConfig({ LOGINRADIUS_REQUEST_SIGNING: "true" }).upstream.requestSigning).toBe(true);
    expect(() => readConfig({ LOGINRADIUS_REQUEST_SIGNING: "yes" })).toThrow(
      /LOGINRADIUS_REQUEST_SIGNING/,
    );
  });

  it("lists every bad upstream variable in one error", () => {
    expect(() =>
      readConfig({
        REQUEST_TIMEOUT_MS: "soon",
        UPSTREAM_MAX_RESPONSE_BYTES: "10",
        UPSTREAM_MAX_QUEUE: "-1",
        UPSTREAM_BREAKER_FAILURES: "0",
        UPSTREAM_MAX_RPS: "0",
      }),
    ).toThrow(
      /REQUEST_TIMEOUT_MS[\s\S]*UPSTREAM_MAX_QUEUE[\s\S]*UPSTREAM_MAX_RESPONSE_BYTES[\s\S]*UPSTREAM_BREAKER_FAILURES[\s\S]*UPSTREAM_MAX_RPS/,
    );
  });
});
