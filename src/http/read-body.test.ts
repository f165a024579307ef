import type { IncomingMessage } from "node:http";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, createBodyBuffers, readBodyBytes } from "./read-body.js";

/** A request whose body is `chunks`, declaring `length` bytes when given. */
const requestOf = (chunks: Buffer[], length?: number) =>
  Object.assign(Readable.from(chunks), {
    headers: length === undefined ? {} : { "content-length": String(length) },
  }) as unknown as IncomingMessage;

const body = (bytes: number, fill: string) => Buffer.alloc(bytes, fill);

describe("readBodyBytes with spare buffers", () => {
  it("a large declared body is read into a spare buffer, given back once however often released", async () => {
    const buffers = createBodyBuffers(1024 * 1024, 4);
    const held = await readBodyBytes(
      requestOf([body(70_000, "a"), body(30_000, "b")], 100_000),
      1024 * 1024,
      null,
      buffers,
    );
    expect(held.bytes.length).toBe(100_000);
    expect(held.bytes.subarray(69_999, 70_001).toString()).toBe("ab");
    held.release();
    held.release();
    expect(buffers.free).toHaveLength(1);
    // The next large body takes that buffer, and sees only its own bytes.
    const next = await readBodyBytes(
      requestOf([body(80_000, "c")], 80_000),
      1024 * 1024,
      null,
      buffers,
    );
    expect(buffers.free).toHaveLength(0);
    expect(next.bytes.toString()).toBe("c".repeat(80_000));
  });

  it("small, undeclared or refused bodies leave the spares alone; at most `spare` are kept", async () => {
    const buffers = createBodyBuffers(1024 * 1024, 2);
    await readBodyBytes(requestOf([body(1000, "a")], 1000), 1024 * 1024, null, buffers);
    await readBodyBytes(requestOf([body(100_000, "a")]), 1024 * 1024, null, buffers);
    expect(buffers.free).toHaveLength(0);
    const tooLarge = readBodyBytes(
      requestOf([body(200_000, "a")], 200_000),
      100_000,
      null,
      buffers,
    );
    await expect(tooLarge).rejects.toBeInstanceOf(BodyTooLargeError);
    const held = await Promise.all(
      [1, 2, 3].map(() =>
        readBodyBytes(requestOf([body(100_000, "a")], 100_000), 1024 * 1024, null, buffers),
      ),
    );
    for (const one of held) one.release();
    expect(buffers.free).toHaveLength(2);
  });

  it("a body longer than it declared is still read whole", async () => {
    const buffers = createBodyBuffers(100_000, 1);
    const held = await readBodyBytes(
      requestOf([body(90_000, "a"), body(20_000, "b")], 90_000),
      1024 * 1024,
      null,
      buffers,
    );
    expect(held.bytes.length).toBe(110_000);
    expect(held.bytes.subarray(89_999, 90_001).toString()).toBe("ab");
  });
});

describe("spare buffers under slow uploads", () => {
  it("uploads that declare 1 MiB and send little hold no more than `spare` buffers, made on their first bytes", async () => {
    const buffers = createBodyBuffers(1024 * 1024, 2);
    const slow = Array.from({ length: 10 }, () =>
      Object.assign(new PassThrough(), { headers: { "content-length": String(1024 * 1024) } }),
    );
    const reads = slow.map((req) =>
      readBodyBytes(req as unknown as IncomingMessage, 1024 * 1024, null, buffers),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(buffers.made).toBe(0); // declared, nothing sent: nothing taken
    for (const req of slow) req.write(body(1000, "s"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(buffers.made).toBe(2);
    for (const [i, req] of slow.entries()) req.end(body(1024 * 1024 - 1000, String(i)));
    const held = await Promise.all(reads);
    held.forEach((one, i) => {
      expect(one.bytes.length).toBe(1024 * 1024);
      expect(one.bytes.at(-1)).toBe(String(i).charCodeAt(0));
    });
    for (const one of held) one.release();
    expect(buffers.made).toBe(2);
    expect(buffers.free).toHaveLength(2);
  });
});
