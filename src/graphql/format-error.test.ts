import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { ErrorCodes } from "../errors.js";
import { buildPath } from "../loginradius/http.js";
import { AUTH_ERROR_CODES, UpstreamError } from "../loginradius/upstream-error.js";
import { errorTableOf } from "../sections.js";
import { createErrorFormatting } from "./format-error.js";

/** The formatter as the service builds it, from every section's table. */
const { formatError, translateUpstream, errorCodeOf, rows } = createErrorFormatting(errorTableOf());

const rejected = (errorCode: number, fieldNames: string[] = []) =>
  new UpstreamError("rejected", "GET /x", 403, errorCode, "upstream words", fieldNames);

/** A resolver's error as graphql-js hands it to the formatter: located, the original inside. */
const wrap = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ["a"] });

describe("the LoginRadius error table", () => {
  it.each([
    [938, "NOT_FOUND", undefined],
    [936, "CONFLICT", "email"],
    [1017, "CONFLICT", "userName"],
    [1044, "CONFLICT", "uid"],
    [1058, "CONFLICT", "phone"],
    [1216, "BAD_USER_INPUT", "password"],
    [1200, "BAD_USER_INPUT", "uid"],
    [1203, "BAD_USER_INPUT", "emails"],
    [1005, "FAILED_PRECONDITION", undefined],
    [902, "UPSTREAM_AUTH_FAILED", undefined],
    [922, "UPSTREAM_AUTH_FAILED", undefined],
  ])("maps %i to %s", (errorCode, code, field) => {
    const error = translateUpstream(rejected(errorCode));
    expect(error.extensions.code).toBe(code);
    expect(error.extensions.field).toBe(field);
    expect(error.extensions.loginradius).toEqual({ errorCode });
  });

  it("never passes on LoginRadius's own description", () => {
    for (const code of Object.keys(rows)) {
      expect(translateUpstream(rejected(Number(code))).message).not.toContain("upstream words");
    }
  });

  it("maps an unknown code to UPSTREAM_ERROR with the code kept", () => {
    const error = translateUpstream(rejected(4242));
    expect(error.extensions).toEqual({ code: "UPSTREAM_ERROR", loginradius: { errorCode: 4242 } });
  });

  it("turns 1134 field errors into our input fields with our own message", () => {
    const error = translateUpstream(
      rejected(1134, ["Email[0].Value", "FirstName", "SecretInternalThing", "Email[0].Value"]),
    );
    expect(error.extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "emails[0].value",
      loginradius: { errorCode: 1134 },
      problems: [
        { field: "emails[0].value", message: "LoginRadius rejected this value." },
        { field: "firstName", message: "LoginRadius rejected this value." },
      ],
    });
    expect(JSON.stringify(error.extensions)).not.toContain("SecretInternalThing");
  });
});

describe("upstream failures without a table row", () => {
  it("keeps the auth codes of the adapter and of the table in step", () => {
    const table = Object.entries(rows)
      .filter(([, mapping]) => mapping.code === ErrorCodes.UPSTREAM_AUTH_FAILED)
      .map(([code]) => Number(code));
    expect(new Set(table)).toEqual(AUTH_ERROR_CODES);
  });

  it.each([
    ["overloaded", "overloaded"],
    ["circuit_open", "circuit_open"],
    ["bad_response", "bad_response"],
    ["too_large", "too_large"],
  ] as const)("says why UPSTREAM_UNAVAILABLE: %s", (failure, reason) => {
    const { extensions } = translateUpstream(new UpstreamError(failure, "GET /x", null));
    expect(extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE", reason });
  });

  it("reports a redirect as UPSTREAM_ERROR", () => {
    const error = translateUpstream(new UpstreamError("redirected", "GET /x", 307));
    expect(error.extensions).toEqual({ code: "UPSTREAM_ERROR" });
  });

  it.each([
    ["rate_limited", "UPSTREAM_RATE_LIMITED"],
    ["unavailable", "UPSTREAM_UNAVAILABLE"],
    ["timeout", "UPSTREAM_TIMEOUT"],
    ["bad_response", "UPSTREAM_UNAVAILABLE"],
    ["invalid_request", "BAD_USER_INPUT"],
  ] as const)("maps the %s failure to %s", (failure, code) => {
    expect(translateUpstream(new UpstreamError(failure, "GET /x", null)).extensions.code).toBe(
      code,
    );
  });

  it.each([
    ["timeout", null, "no answer came in time"],
    ["unavailable", 503, "the connection dropped or LoginRadius failed"],
    ["bad_response", 200, "its answer could not be read"],
  ] as const)("names an unknown outcome after %s, saying what to check", (failure, status, how) => {
    const error = new UpstreamError(failure, "POST /x", status, null, null, [], null, {
      checkFirst: "look the account up by its email",
    });
    const mapped = translateUpstream(error);
    expect(mapped.extensions).toEqual({ code: "UPSTREAM_OUTCOME_UNKNOWN", reason: failure });
    expect(mapped.message).toBe(
      `LoginRadius may have done this: the request was sent, then ${how}. ` +
        "Check before repeating it: look the account up by its email.",
    );
  });

  it("keeps auth failures as auth even when LoginRadius sent 401", () => {
    const error = new UpstreamError("rejected", "GET /x", 401, 902);
    expect(translateUpstream(error).extensions.code).toBe(ErrorCodes.UPSTREAM_AUTH_FAILED);
  });
});

describe("a path parameter that cannot travel in a URL", () => {
  it.each([
    ["/identity/v2/manage/account/{uid}", { uid: "a/b" }, "uid"],
    ["/identity/v2/manage/role/{role}", { role: ".." }, "name"],
    [
      "/identity/v2/manage/account/{uid}/rolecontext/{context}",
      { uid: "a", context: "a b" },
      "context",
    ],
    ["/x/{uid}/customobject/{recordId}", { uid: "a", recordId: "a?b" }, "recordId"],
    ["/x/passkey/{passkeyid}", { passkeyid: "%2e" }, "passkeyId"],
  ])("names the path parameter at fault in %s, as the caller's argument", (path, params, field) => {
    let thrown: unknown;
    try {
      buildPath(`DELETE ${path}`, path, params);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UpstreamError);
    expect(translateUpstream(thrown as UpstreamError).extensions).toEqual({
      code: "BAD_USER_INPUT",
      field,
      problems: [
        { field, message: "This value cannot be sent as a path segment; nothing was sent." },
      ],
    });
  });

  it("names no field for a parameter that is not the caller's (a minted token)", () => {
    const error = new UpstreamError("invalid_request", "GET /x", null, null, null, ["accessToken"]);
    expect(translateUpstream(error).extensions).toEqual({ code: "BAD_USER_INPUT" });
  });
});

describe("formatError", () => {
  it("masks unknown errors and logs them", () => {
    const logged: unknown[] = [];
    const secret = new Error("connect to https://api.example/?apisecret=s3cr3t failed");
    const out = formatError({ message: secret.message, path: ["a"] }, wrap(secret), (_, e) =>
      logged.push(e),
    );
    expect(out).toEqual({
      message: "Internal server error.",
      path: ["a"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(logged).toEqual([secret]);
  });

  it("passes our own coded errors through without a stack trace", () => {
    const out = formatError(
      { message: "nope", extensions: { code: "BAD_USER_INPUT", field: "x", stacktrace: ["at y"] } },
      new GraphQLError("nope"),
    );
    expect(out).toEqual({ message: "nope", extensions: { code: "BAD_USER_INPUT", field: "x" } });
  });

  it("translates upstream errors by the table", () => {
    const out = formatError({ message: "x" }, wrap(rejected(938)));
    expect(out.extensions).toEqual({ code: "NOT_FOUND", loginradius: { errorCode: 938 } });
  });
});

describe("auth errors", () => {
  it("translates an error once: the audit trail's code and the client's answer share it", () => {
    const error = rejected(1134, ["FirstName"]);
    expect(errorCodeOf(wrap(error))).toBe("BAD_USER_INPUT");
    const answered = formatError({ message: "x" }, wrap(error));
    expect(answered.extensions?.code).toBe("BAD_USER_INPUT");
    expect(formatError({ message: "x" }, wrap(error)).extensions).toBe(answered.extensions);
    // Whatever the error, the code the audit records is the one the client is sent.
    for (const thrown of [
      rejected(938),
      new UpstreamError("timeout", "GET /x", null),
      new GraphQLError("no", { extensions: { code: "FORBIDDEN" } }),
      new GraphQLError("odd", { extensions: { code: "SOMETHING_ELSE" } }),
      new Error("boom"),
    ])
      expect(errorCodeOf(wrap(thrown))).toBe(
        formatError(
          { message: "x", extensions: { ...(thrown as GraphQLError).extensions } },
          wrap(thrown),
        ).extensions?.code,
      );
  });

  it("gives the audit trail the code a client sees", () => {
    expect(errorCodeOf(rejected(938))).toBe("NOT_FOUND");
    expect(errorCodeOf(new GraphQLError("no", { extensions: { code: "FORBIDDEN" } }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCodeOf(new Error("boom"))).toBe("INTERNAL_SERVER_ERROR");
  });
});
