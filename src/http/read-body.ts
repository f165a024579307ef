import type { IncomingMessage } from "node:http";
import { youngGcEvery } from "./young-gc.js";

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
 * Spare buffers for large bodies (over 64 KiB, declared by Content-Length). Read into a fresh
 * buffer each, a flood of 1 MB bodies allocates 1 MB outside the JS heap per request, freed only
 * by a major GC, which V8 starts once about 64 MB of such memory waits: the process grows by that
 * much. At most `spare` buffers are ever made, each when a body's first bytes arrive (within the
 * body budget), so slow uploads that declare 1 MiB and send little hold at most `spare` of them;
 * a body that finds none free is read the plain way.
 */
export interface BodyBuffers {
  /** Bytes of each buffer: bodies declared longer are read the plain way. */
  readonly size: number;
  readonly spare: number;
  readonly free: Buffer[];
  /** Buffers made so far, never more than `spare`. */
  made: number;
}

export const createBodyBuffers = (size: number, spare: number): BodyBuffers => ({
  size,
  spare,
  free: [],
  made: 0,
});

/** `/graphql`'s spare buffers: four bodies at the limit (4 MiB), enough for a steady flood. */
export const GRAPHQL_BODY_BUFFERS = createBodyBuffers(MAX_BODY_BYTES, 4);

const POOLED_FROM = 64 * 1024;

/** Every body read, whatever its fate: a minor GC per 16 MiB frees the socket's read buffers. */
const READ_BUFFERS_GC = youngGcEvery(16 * 1024 * 1024);

/** A body read whole. `bytes` may be a spare buffer's: valid until `release()`, call it once. */
export interface HeldBody {
  bytes: Buffer;
  release(): void;
}

/** A spare buffer for a body declared `declared` bytes long, or null to read it the plain way. */
const takeBuffer = (buffers: BodyBuffers | null, declared: number): Buffer | null => {
  if (!buffers || !(declared > POOLED_FROM && declared <= buffers.size)) return null;
  const free = buffers.free.pop();
  if (free || buffers.made >= buffers.spare) return free ?? null;
  buffers.made++;
  return Buffer.allocUnsafeSlow(buffers.size);
};

const giveBack = (buffers: BodyBuffers | null, buffer: Buffer | null) => {
  if (buffers && buffer && buffers.free.length < buffers.spare) buffers.free.push(buffer);
};

/** A body's kept bytes: in a spare buffer while they fit, else chunks to concatenate. */
class KeptBytes {
  private chunks: Buffer[] = [];
  private into: Buffer | null = null;
  length = 0;

  constructor(
    private readonly buffers: BodyBuffers | null,
    /** The declared length, until the first bytes take a spare buffer for it. */
    private declared: number,
  ) {}

  add(chunk: Buffer) {
    if (this.declared > 0) {
      this.into = takeBuffer(this.buffers, this.declared);
      this.declared = 0;
    }
    if (this.into && this.length + chunk.length > this.into.length) {
      // Longer than declared (the HTTP parser does not allow it): read it the plain way.
      const before = Buffer.from(this.into.subarray(0, this.length));
      giveBack(this.buffers, this.into);
      this.into = null;
      this.chunks = [before];
    }
    if (this.into) chunk.copy(this.into, this.length);
    else this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Forgets what was kept; a spare buffer goes back. */
  drop() {
    giveBack(this.buffers, this.into);
    this.into = null;
    this.chunks = [];
    this.length = 0;
  }

  /** The bytes, now the caller's: a spare buffer goes back when they are released (once). */
  take(): HeldBody {
    let held = this.into;
    const bytes = held ? held.subarray(0, this.length) : Buffer.concat(this.chunks);
    this.into = null;
    this.chunks = [];
    this.length = 0;
    return {
      bytes,
      release: () => {
        // Once only: a buffer given back twice would be read into by two requests at once.
        giveBack(this.buffers, held);
        held = null;
      },
    };
  }
}

/**
 * The whole request body, as bytes. A body over the limit, or one that would take `budget` past
 * its bytes, is read to its end (so the client gets an answer, not a reset) but not kept, and the
 * promise rejects with BodyTooLargeError or BodyBudgetError. What was kept returns to the budget
 * once the body is read, fails or its connection closes; a spare buffer (`buffers`) returns
 * when the caller releases the body, or at once when it is refused.
 */
export const readBodyBytes = (
  req: IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
  budget: BodyBudget | null = null,
  buffers: BodyBuffers | null = null,
): Promise<HeldBody> =>
  new Promise((resolve, reject) => {
    let size = 0;
    let overBudget = false;
    const declared = Number(req.headers["content-length"] ?? Number.NaN);
    const kept = new KeptBytes(buffers, declared <= maxBytes ? declared : Number.NaN);
    const forget = () => {
      if (budget) budget.held -= kept.length;
      kept.drop();
    };
    req.on("data", (chunk: Buffer) => {
      READ_BUFFERS_GC.read(chunk.length);
      size += chunk.length;
      if (size > maxBytes || overBudget) return forget();
      if (budget && budget.held + chunk.length > budget.maxBytes) {
        overBudget = true;
        return forget();
      }
      if (budget) budget.held += chunk.length;
      kept.add(chunk);
    });
    req.on("end", () => {
      if (size > maxBytes)
        reject(new BodyTooLargeError(`The request body is larger than ${maxBytes} bytes.`));
      else if (overBudget)
        reject(new BodyBudgetError("The service is reading too many request bodies; retry."));
      else {
        if (budget) budget.held -= kept.length;
        return resolve(kept.take());
      }
      forget();
    });
    req.on("error", (error) => {
      forget();
      reject(error);
    });
    req.on("close", forget);
  });

/** The whole request body as text (UTF-8), bounded as readBodyBytes bounds it. */
export const readBody = async (
  req: IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
  budget: BodyBudget | null = null,
): Promise<string> => {
  const held = await readBodyBytes(req, maxBytes, budget);
  const text = held.bytes.toString("utf8");
  held.release();
  return text;
};
