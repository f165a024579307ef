import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log.js";
import { CENSOR, redactSecrets } from "./log-redact.js";

/** A logger writing into an array of parsed lines. */
const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ destination }), lines };
};

describe("the logger's redaction", () => {
  it("writes no secret at the top level, nested, in headers or in arrays", () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        password: "hunter2",
        apiSecret: "s3cret-value",
        request: {
          headers: { Authorization: "Bearer abc", "X-LoginRadius-ApiSecret": "s3cret-value" },
        },
        attempts: [{ token: "tok-1" }, { accessToken: "tok-2", kept: "yes" }],
        account: { uid: "u1", newPassword: "n3w", passwordHash: "$2b$hash" },
      },
      "upstream call",
    );
    const text = JSON.stringify(lines);
    for (const secret of ["hunter2", "s3cret-value", "Bearer abc", "tok-1", "tok-2", "n3w", "$2b"])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      password: CENSOR,
      apiSecret: CENSOR,
      request: { headers: { Authorization: CENSOR, "X-LoginRadius-ApiSecret": CENSOR } },
      attempts: [{ token: CENSOR }, { accessToken: CENSOR, kept: "yes" }],
      account: { uid: "u1", newPassword: CENSOR, passwordHash: CENSOR },
      msg: "upstream call",
    });
  });

  it("redacts the bindings of children and grandchildren", () => {
    const { logger, lines } = capture();
    const child = logger.child({ secret: "bound-secret", component: "x" });
    child.info("hello");
    child.child({ auth: { token: "grand-token" } }).info("hello again");
    expect(lines[0]).toMatchObject({ secret: CENSOR, component: "x" });
    expect(lines[1]).toMatchObject({ secret: CENSOR, component: "x", auth: { token: CENSOR } });
    expect(JSON.stringify(lines)).not.toMatch(/bound-secret|grand-token/);
  });

  it("keeps every other fact, and leaves the caller's object untouched", () => {
    const { logger, lines } = capture();
    const facts = { requestId: "r1", caller: "bench", upstreamCalls: 1, errorCodes: ["X"] };
    const withSecret = { ...facts, nested: { token: "t" } };
    logger.info(facts, "operation");
    logger.info(withSecret, "operation");
    expect(lines[0]).toMatchObject(facts);
    expect(withSecret.nested.token).toBe("t");
    expect(lines[1]).toMatchObject({ ...facts, nested: { token: CENSOR } });
  });

  it("returns an object with nothing to hide as it is", () => {
    const facts = { requestId: "r1", nested: { a: [1, 2, { b: "c" }] } };
    expect(redactSecrets(facts)).toBe(facts);
  });
});
