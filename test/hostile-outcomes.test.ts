import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  API_SECRET,
  type Hostile,
  json,
  type Service,
  startHostile,
  startService,
} from "./helpers/hostile.js";

/**
 * A LoginRadius that does the work and then loses the answer: it reads the whole request (so it
 * has acted), then never answers, drops the connection, answers 500, or answers something that
 * cannot be read. A write that is not safe to repeat must then say "the outcome is unknown, check
 * first", never "retry later" (which invited duplicate accounts, emails and SMS), and be sent
 * exactly once. What failed before anything was sent (refused connection, TLS, a connect timeout,
 * an open breaker) stays "retry later", and so do reads. Each failure's log line names its cause.
 */
const FAST = {
  UPSTREAM_TIMEOUT_MS: "300",
  UPSTREAM_RETRIES: "2",
  UPSTREAM_BREAKER_FAILURES: "1000",
};

let lr: Hostile;
let service: Service;
beforeAll(async () => {
  lr = await startHostile();
  service = await startService(lr.url, FAST);
});
afterAll(async () => {
  await service.close();
  await lr.close();
});
afterEach(() => {
  lr.seen.length = 0;
  service.logs.length = 0;
});

const CREATE = `mutation { createAccount(input: {
  emails: [{ type: "Primary", value: "new@example.net" }], password: "Plain-Password-9" }) { uid } }`;

/** Writes not safe to repeat, and the words of what to check that their message carries. */
const WRITES: [string, string, string][] = [
  ["createAccount", CREATE, "look the account up by its email (accountByEmail)"],
  [
    "generateEmailToken",
    'mutation { generateEmailToken(type: FORGOT_PIN, email: "ada@example.com") { token } }',
    "an email may have been sent",
  ],
  [
    "generateSmsOtp",
    'mutation { generateSmsOtp(type: FORGOT_PIN, phone: "+14155550101") { otp } }',
    "an SMS may have been sent",
  ],
  [
    "generateForgotPasswordToken",
    'mutation { generateForgotPasswordToken(email: "ada@example.com", sendEmail: true) { emailSent } }',
    "a reset email may have been sent",
  ],
  [
    "createRoles",
    'mutation { createRoles(roles: [{ name: "auditor", permissions: ["read"] }]) { name } }',
    "list the roles",
  ],
  [
    "deleteAccount",
    'mutation { deleteAccount(uid: "u1", reason: "hostile outcome test") { uid deleted } }',
    "read whether it is gone",
  ],
  [
    "issueAccessToken",
    'mutation { issueAccessToken(uid: "u1", reason: "hostile outcome test") { accessToken } }',
    "it may have issued a token",
  ],
];

type Misbehaviour = Parameters<Hostile["handle"]>[0];

/** Each acts after the whole request was read (the helper reads it before calling these). */
const AFTER_ACTING: [string, string, Misbehaviour][] = [
  ["never answers (timeout after sending)", "timeout", () => {}],
  [
    "drops the connection",
    "unavailable",
    (req) => {
      req.socket.destroy();
    },
  ],
  [
    "answers 500",
    "unavailable",
    (_, res) => {
      res.writeHead(500).end();
    },
  ],
  ["answers 200 with a body it cannot read", "bad_response", (_, res) => json(res, 200, "<html>")],
];

describe.each(AFTER_ACTING)("LoginRadius acts, then %s", (_, reason, misbehave) => {
  it.each(WRITES)("%s: UPSTREAM_OUTCOME_UNKNOWN, check first, sent once", async (__, op, check) => {
    lr.handle(misbehave);
    const res = await service.gql(op);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_OUTCOME_UNKNOWN", reason });
    const message = res.errors?.[0]?.message ?? "";
    expect(message).toContain("LoginRadius may have done this");
    expect(message).toContain(`Check before repeating it: ${check}`);
    expect(message).not.toMatch(/retry/i);
    expect(lr.seen).toHaveLength(1);
    expect(service.logs.filter((l) => l.outcome === "unknown")).toHaveLength(1);
  });
});

describe("reads keep their codes", () => {
  it("a 500 on a read is retried and stays UPSTREAM_UNAVAILABLE, retry later", async () => {
    lr.handle((_, res) => {
      res.writeHead(500).end();
    });
    const res = await service.gql('{ accountByUid(uid: "u1") { uid } }');
    expect(res.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
    expect(res.errors?.[0]?.message).toContain("retry later");
    expect(lr.seen).toHaveLength(3);
  });

  it("a read that never answers is UPSTREAM_TIMEOUT", async () => {
    lr.handle(() => {});
    const res = await service.gql('{ accountByUid(uid: "u1") { uid } }');
    expect(res.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_TIMEOUT" });
  });

  it("a 429 on a write is LoginRadius saying no: UPSTREAM_RATE_LIMITED", async () => {
    lr.handle((_, res) => json(res, 429, { ErrorCode: 429, Description: "slow down" }));
    const res = await service.gql(CREATE);
    expect(res.errors?.[0]?.extensions?.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(lr.seen).toHaveLength(1);
  });
});

/** A port nothing listens on: a hostile server started and closed. */
const closedPort = async (): Promise<string> => {
  const gone = await startHostile();
  await gone.close();
  return gone.url;
};

/** A TCP server that accepts and says nothing: a TLS handshake with it never ends. */
const silentTcp = async () => {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
};

describe("failures before sending stay retry later", () => {
  it("a refused connection is UPSTREAM_UNAVAILABLE, then the open breaker too", async () => {
    const refused = await startService(await closedPort(), {
      ...FAST,
      UPSTREAM_BREAKER_FAILURES: "1",
      UPSTREAM_BREAKER_OPEN_MS: "600000",
    });
    try {
      const first = await refused.gql(CREATE);
      expect(first.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
      expect(first.errors?.[0]?.message).toContain("retry later");
      const second = await refused.gql(CREATE);
      expect(second.errors?.[0]?.extensions).toEqual({
        code: "UPSTREAM_UNAVAILABLE",
        reason: "circuit_open",
      });
      expect(second.errors?.[0]?.message).toMatch(/retry later/i);
      expect(
        refused.logs.find((l) => l.endpoint === "POST /identity/v2/manage/account"),
      ).toMatchObject({
        kind: "unavailable",
        status: null,
        cause: "ECONNREFUSED",
        phase: "connect",
        sent: false,
      });
      expect(refused.logs.some((l) => l.outcome === "unknown")).toBe(false);
    } finally {
      await refused.close();
    }
  });

  it("a TLS handshake that never ends is UPSTREAM_TIMEOUT in the connect phase", async () => {
    const silent = await silentTcp();
    const tls = await startService(silent.url, FAST);
    try {
      const res = await tls.gql(CREATE);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_TIMEOUT" });
      expect(res.errors?.[0]?.message).toContain("retry later");
      expect(tls.logs.find((l) => l.kind === "timeout")).toMatchObject({
        phase: "connect",
        sent: false,
      });
    } finally {
      await tls.close();
      await silent.close();
    }
  });
});

describe("failure logs name their cause, never the URL or the secret", () => {
  const lineOf = (s: Service) => s.logs.find((l) => typeof l.kind === "string" && l.endpoint);

  it("TLS spoken to a plain-HTTP server: the TLS error, before sending", async () => {
    const tls = await startService(lr.url.replace("http:", "https:"), FAST);
    try {
      const res = await tls.gql(CREATE);
      expect(res.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
      const line = lineOf(tls);
      expect(line).toMatchObject({ kind: "unavailable", phase: "connect", sent: false });
      expect(String(line?.cause)).toMatch(/^(EPROTO|ERR_SSL|ERR_TLS)/);
      expect(String(line?.cause)).toMatch(/version|ssl|tls/i);
      expect(tls.logText()).not.toContain("127.0.0.1");
    } finally {
      await tls.close();
    }
  });

  it.each([
    ["waiting for headers", "headers", (() => {}) as Misbehaviour],
    [
      "reading the body",
      "body",
      ((_, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"Uid":');
      }) as Misbehaviour,
    ],
  ])("a timeout %s says so", async (_, phase, misbehave) => {
    lr.handle(misbehave);
    await service.gql('{ accountByUid(uid: "u1") { uid } }');
    const lines = service.logs.filter((l) => l.kind === "timeout");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatchObject({ phase, sent: true });
  });

  it("a drop after sending: ECONNRESET, sent, outcome unknown for a write", async () => {
    lr.handle((req) => {
      req.socket.destroy();
    });
    await service.gql(CREATE);
    expect(lineOf(service)).toMatchObject({
      kind: "unavailable",
      status: null,
      cause: "ECONNRESET",
      phase: "headers",
      sent: true,
      outcome: "unknown",
    });
    const text = service.logText();
    for (const secret of [API_SECRET, "apiKey", "127.0.0.1", "Plain-Password-9"])
      expect(text).not.toContain(secret);
  });
});
