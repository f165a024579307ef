import type { IncomingMessage } from "node:http";

/** 1 MiB: far more than any Account API body or GraphQL operation needs. */
export const MAX_BODY_BYTES = 1_048_576;

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/** The process already holds its budget of request bodies: retry shortly (HTTP 503). */
export class BodyBudgetError extends Error {
  override readonly name = "BodyBudgetError";
}

/**
 * Bytes of request bodies held at once, shared by every request that reads through it. Each
 * body is bounded (MAX_BODY_BYTES), but not how many arrive together: 1,000 slow uploads of
 * 1 MiB each would hold 1 GB.
 */
export interface BodyBudget {
  readonly maxBytes: number;
  held: number;
}

export const createBodyBudget = (maxBytes: number): BodyBudget => ({ maxBytes, held: 0 });

/** `/graphql` bodies held at once in this process: 64 MiB, 64 bodies at the per-body limit. */
export const GRAPHQL_BODY_BUDGET = createBodyBudget(64 * MAX_BODY_BYTES);

/**
 * The whole request body as text. A body over the limit, or one that would take `budget` past
 * its bytes, is read to its end (so the client gets an answer, not a reset) but not kept, and the
 * promise rejects with BodyTooLargeError or BodyBudgetError. What was kept returns to the budget
 * once the body is read, fails or its connection closes.
 */
export const readBody = (
  req: IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
  budget: BodyBudget | null = null,
): Promise<string> =>
  new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let kept = 0;
    let overBudget = false;
    const release = () => {
      if (budget) budget.held -= kept;
      kept = 0;
      chunks = [];
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes || overBudget) return release();
      if (budget && budget.held + chunk.length > budget.maxBytes) {
        overBudget = true;
        return release();
      }
      if (budget) budget.held += chunk.length;
      kept += chunk.length;
      chunks.push(chunk);
    });
    req.on("end", () => {
      const text = size > maxBytes || overBudget ? "" : Buffer.concat(chunks).toString("utf8");
      release();
      if (size > maxBytes)
        reject(new BodyTooLargeError(`The request body is larger than ${maxBytes} bytes.`));
      else if (overBudget)
        reject(new BodyBudgetError("The service is reading too many request bodies; retry."));
      else resolve(text);
    });
    req.on("error", (error) => {
      release();
      reject(error);
    });
    req.on("close", release);
  });
