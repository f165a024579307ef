import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  API_SECRET,
  type Hostile,
  json,
  type Service,
  startHostile,
  startService,
  until,
} from "./helpers/hostile.js";
import { SIGNED_RUN } from "./helpers/stack.js";

/**
 * The adapter against a LoginRadius that misbehaves on purpose (a local server written here, not
 * the emulator): redirects, trickled and oversized bodies, resets mid-body, malformed answers.
 */
let lr: Hostile;
let elsewhere: Hostile;
let service: Service;
beforeAll(async () => {
  lr = await startHostile();
  elsewhere = await startHostile();
  service = await startService(lr.url, {
    UPSTREAM_TIMEOUT_MS: "300",
    UPSTREAM_RETRIES: "2",
    UPSTREAM_BREAKER_FAILURES: "1000",
    UPSTREAM_MAX_RESPONSE_BYTES: "1048576",
  });
});
afterAll(async () => {
  await service.close();
  await lr.close();
  await elsewhere.close();
});
afterEach(() => {
  lr.seen.length = 0;
  elsewhere.seen.length = 0;
  service.logs.length = 0;
});

const BY_UID = "GET /identity/v2/manage/account/{uid}";
const PROFILE = { Uid: "u1", FirstName: "Ada", Email: [{ Type: "Primary", Value: "a@x.io" }] };
const readUid = () => service.gql('{ accountByUid(uid: "u1") { uid firstName } }');
const CREATE = `mutation { createAccount(input: {
  emails: [{ type: "Primary", value: "new@example.net" }], password: "Plain-Password-9" }) { uid } }`;

/** Responses name no URL or endpoint; logs name endpoints by template, never a URL or a body. */
const assertNoLeak = (response: unknown, logs: unknown[] = []) => {
  const inResponse = JSON.stringify(response);
  const inLogs = JSON.stringify(logs);
  for (const forbidden of [API_SECRET, "127.0.0.1", "Plain-Password-9", "LEAK", "apiKey"]) {
    expect(inResponse).not.toContain(forbidden);
    expect(inLogs).not.toContain(forbidden);
  }
  expect(inResponse).not.toContain("/identity/v2");
};

describe("redirects are never followed", () => {
  it.each([301, 302, 303, 307, 308])(
    "%i: the other host receives nothing, the client gets UPSTREAM_ERROR",
    async (status) => {
      lr.handle((_, res) => {
        res.writeHead(status, { location: `${elsewhere.url}/steal?x=1` });
        res.end();
      });
      const read = await readUid();
      const write = await service.gql(CREATE);
      const remove = await service.gql(
        'mutation { deleteAccount(uid: "u1", reason: "hostile upstream test") { uid deleted } }',
      );
      for (const res of [read, write, remove])
        expect(res.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_ERROR" });
      expect(elsewhere.seen).toEqual([]);
      // Not retried either: one request per call.
      expect(lr.seen.map((s) => s.method)).toEqual(["GET", "POST", "DELETE"]);
      const line = service.logs.find((l) => l.kind === "redirected");
      expect(line).toMatchObject({ endpoint: BY_UID, status, attempt: 1, level: "warn" });
      assertNoLeak([read, write, remove], service.logs);
    },
  );
});

describe("deadlines cover the body", () => {
  it("reports a body trickled after quick headers as UPSTREAM_TIMEOUT", async () => {
    let hungUp = 0;
    lr.handle((_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"Uid":"u1"');
      const timer = setInterval(() => res.write(" "), 50);
      res.on("close", () => {
        clearInterval(timer);
        hungUp++;
      });
    });
    const res = await readUid();
    expect(res.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_TIMEOUT" });
    expect(lr.seen).toHaveLength(3);
    // Each attempt's connection was closed by the service, not left trickling in the background.
    await until(() => hungUp === 3);
  });

  it("retries a read whose connection resets mid-body, and then succeeds", async () => {
    lr.handle((req, res) => {
      if (lr.seen.length === 1) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
        res.write('{"Uid":"u1","First');
        setTimeout(() => req.socket.destroy(), 10);
        return;
      }
      json(res, 200, PROFILE);
    });
    const res = await readUid();
    expect(res.data.accountByUid).toEqual({ uid: "u1", firstName: "Ada" });
    expect(lr.seen).toHaveLength(2);
  });

  it("never retries createAccount after a reset mid-body", async () => {
    lr.handle((req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      res.write('{"Uid":"u1","First');
      setTimeout(() => req.socket.destroy(), 10);
    });
    const res = await service.gql(CREATE);
    // The answer had begun: LoginRadius got the request, so the outcome is unknown.
    expect(res.errors?.[0]?.extensions).toEqual({
      code: "UPSTREAM_OUTCOME_UNKNOWN",
      reason: "unavailable",
    });
    expect(lr.seen).toHaveLength(1);
  });
});

describe("the body cap", () => {
  it("stops reading a 50 MB body early: UPSTREAM_UNAVAILABLE, connection closed", async () => {
    let sent = 0;
    let closed = false;
    let onClosed: () => void = () => {};
    const connectionClosed = new Promise<void>((resolve) => {
      onClosed = resolve;
    });
    lr.handle(async (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.on("close", () => {
        closed = true;
        onClosed();
      });
      const chunk = Buffer.alloc(64 * 1024, " ");
      while (sent < 50 * 1024 * 1024 && !closed) {
        sent += chunk.length;
        if (!res.write(chunk))
          await new Promise((done) => {
            res.once("drain", done);
            res.once("close", done);
          });
      }
      res.end();
    });
    const res = await readUid();
    expect(res.errors?.[0]?.extensions).toEqual({
      code: "UPSTREAM_UNAVAILABLE",
      reason: "too_large",
    });
    // The service hung up long before the end: what was sent is what socket buffers held.
    await connectionClosed;
    expect(sent).toBeLessThan(10 * 1024 * 1024);
    expect(lr.seen).toHaveLength(1);
  });

  it("refuses a declared Content-Length over the cap without reading it", async () => {
    lr.handle((_, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "2000000" });
      res.write("{");
    });
    const res = await readUid();
    expect(res.errors?.[0]?.extensions?.reason).toBe("too_large");
  });
});

describe("answers are validated", () => {
  it.each([
    ["an array", "[1,2,3]"],
    ["an empty object", "{}"],
    ["a profile without Uid", '{"FirstName":"LEAK-value"}'],
    ["a Uid of the wrong type", '{"Uid":42}'],
    ["a field of the wrong type", '{"Uid":"u1","Email":"LEAK-not-a-list"}'],
    ["not JSON", "<html>LEAK</html>"],
    ["nothing", ""],
  ])("refuses %s with UPSTREAM_UNAVAILABLE (bad_response), logged once", async (_, body) => {
    lr.handle((_, res) => json(res, 200, body));
    const res = await readUid();
    expect(res.data.accountByUid).toBeNull();
    expect(res.errors?.[0]?.extensions).toEqual({
      code: "UPSTREAM_UNAVAILABLE",
      reason: "bad_response",
    });
    expect(lr.seen).toHaveLength(1);
    const lines = service.logs.filter((l) => l.kind === "bad_response");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ endpoint: BY_UID, status: 200, level: "warn" });
    assertNoLeak(res, service.logs);
  });

  it("treats an error body sent with 200 as the error it is, not as an account", async () => {
    lr.handle((_, res) => json(res, 200, { ErrorCode: 4242, Description: "LEAK" }));
    const res = await readUid();
    expect(res.errors?.[0]?.extensions).toEqual({
      code: "UPSTREAM_ERROR",
      loginradius: { errorCode: 4242 },
    });
    assertNoLeak(res);
  });

  it("never passes LoginRadius's Errors[] texts on, only our input field names", async () => {
    lr.handle((_, res) =>
      json(res, 400, {
        Description: "LEAK description",
        ErrorCode: 1134,
        Message: "LEAK message",
        Errors: [
          { FieldName: "FirstName", ErrorMessage: "LEAK first name" },
          { FieldName: "LEAKInternalKey", ErrorMessage: "LEAK internal" },
        ],
      }),
    );
    const res = await service.gql(
      'mutation { updateAccount(uid: "u1", input: { firstName: "x" }) { uid } }',
    );
    expect(res.errors?.[0]?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "firstName",
      problems: [{ field: "firstName", message: "LoginRadius rejected this value." }],
      loginradius: { errorCode: 1134 },
    });
    assertNoLeak(res);
  });
});

describe("request id and secrets", () => {
  // Before: the caller's id was forwarded and logged as the request's id (any caller could
  // file its failures, and its audit lines, under an id of its choosing).
  it("forwards the service's own request id, logged with each failure beside nothing the caller chose", async () => {
    lr.handle((_, res) => json(res, 503, { ErrorCode: 950, Description: "LEAK" }));
    const res = await service.gql('{ accountByUid(uid: "u1") { uid } }', undefined, {
      "x-request-id": "trace-abc-123",
    });
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lr.seen.map((s) => s.headers["x-request-id"])).toEqual([
      res.requestId,
      res.requestId,
      res.requestId,
    ]);
    const lines = service.logs.filter((l) => l.endpoint === BY_UID);
    expect(lines.map((l) => [l.attempt, l.status, l.lrErrorCode, l.kind, l.requestId])).toEqual([
      [1, 503, 950, "unavailable", res.requestId],
      [2, 503, 950, "unavailable", res.requestId],
      [3, 503, 950, "unavailable", res.requestId],
    ]);
    // The caller's id is in the operation line, as clientRequestId.
    expect(service.logs.find((l) => l.msg === "operation")).toMatchObject({
      requestId: res.requestId,
      clientRequestId: "trace-abc-123",
    });
    assertNoLeak(res, service.logs);
  });

  it("generates a request id when none is given and forwards that one", async () => {
    lr.handle((_, res) => json(res, 200, PROFILE));
    const res = await readUid();
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lr.seen[0]?.headers["x-request-id"]).toBe(res.requestId);
    // The secret in its header, or in a signed run (TEST_REQUEST_SIGNING) a digest in its place.
    if (SIGNED_RUN) {
      expect(lr.seen[0]?.headers.digest).toMatch(/^SHA-256=/);
      expect(lr.seen[0]?.headers["x-loginradius-apisecret"]).toBeUndefined();
    } else expect(lr.seen[0]?.headers["x-loginradius-apisecret"]).toBe(API_SECRET);
  });

  it("logs refused credentials as an error", async () => {
    lr.handle((_, res) => json(res, 401, { ErrorCode: 902, Description: "LEAK" }));
    const res = await readUid();
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_AUTH_FAILED");
    expect(service.logs.find((l) => l.lrErrorCode === 902)).toMatchObject({
      level: "error",
      status: 401,
      kind: "rejected",
    });
  });
});
