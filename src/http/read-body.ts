import type { IncomingMessage } from "node:http";

/** 1 MiB: far more than any Account API body or GraphQL operation needs. */
export const MAX_BODY_BYTES = 1_048_576;

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/**
 * The whole request body as text. A body over the limit is read to its end (so the client gets
 * an answer, not a reset) but not kept, and the promise rejects with BodyTooLargeError.
 */
export const readBody = (req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on("end", () =>
      size > maxBytes
        ? reject(new BodyTooLargeError(`The request body is larger than ${maxBytes} bytes.`))
        : resolve(Buffer.concat(chunks).toString("utf8")),
    );
    req.on("error", reject);
  });
