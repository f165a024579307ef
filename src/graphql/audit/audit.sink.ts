import { closeSync, fchmodSync, fstatSync, fsyncSync, openSync, writeSync } from "node:fs";

/**
 * One audit line. Each audited field gets two with the same `auditId`: the `intent`, written (and
 * fsync'd, for a file) before the field's resolver runs, so before anything is sent upstream; and
 * the `outcome`, after. Identifiers come from an allow-list of argument names and types (see
 * audit.subject.ts), so a password, token, hash or secret is never in a line.
 */
export interface AuditEnvelope {
  audit: true;
  phase: "intent" | "outcome";
  /** Shared by the intent and the outcome of one field. */
  auditId: string;
  time: string;
  /** The service's own request id (the one in its logs and response header). */
  requestId: string;
  /** The caller's `X-Request-Id`, when it sent one that is plainly an id: recorded, never the key. */
  clientRequestId?: string;
  caller: string;
  callerKind: string;
  operationName: string | null;
  /** `Mutation.deleteAccount`, `Account.passwordHash`. */
  field: string;
  /** The response key, when an alias differs from the field name. */
  alias?: string;
  uid?: string;
  reason?: string;
  /** Outcome lines only. */
  outcome?: "ok" | "error";
  code?: string;
}

/** The envelope, and what is acted on by argument name or path: `phone`, `recordId`, `roles.name`... */
export type AuditEntry = AuditEnvelope & { [identifier: string]: unknown };

/**
 * Where audit lines go. `write` returns once the line is stored (fsync'd, for a file) and throws
 * when it cannot be: an intent line that throws refuses the act.
 */
export interface AuditSink {
  write(entry: AuditEntry): void;
  close(): void;
}

/** How long a line may wait on a full pipe (EAGAIN) before the act is refused. */
const PIPE_WAIT_MS = 1_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes the whole buffer or throws: a short write is continued, a full non-blocking pipe is
 * waited on (blocking, at most PIPE_WAIT_MS: the act waits for its record). Never buffered in
 * memory, so "returned" means "handed to the kernel".
 */
const writeWhole = (fd: number, line: Buffer): void => {
  let offset = 0;
  const deadline = Date.now() + PIPE_WAIT_MS;
  while (offset < line.length) {
    try {
      offset += writeSync(fd, line, offset);
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EAGAIN" || Date.now() > deadline) throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
};

/**
 * AUDIT_LOG_FILE: append-only, created 0600 (and a regular file that existed narrowed to 0600;
 * a device or pipe is left as it is), each line written whole and fsync'd before `write`
 * returns. Opened at start, so a bad path stops start-up.
 */
export const fileAuditSink = (path: string): AuditSink => {
  const fd = openSync(path, "a", 0o600);
  // fsync of a pipe or character device fails (EINVAL) though the line went through.
  const regular = fstatSync(fd).isFile();
  if (regular) fchmodSync(fd, 0o600);
  return {
    write(entry) {
      writeWhole(fd, Buffer.from(`${JSON.stringify(entry)}\n`));
      if (regular) fsyncSync(fd);
    },
    close: () => closeSync(fd),
  };
};

/**
 * Audit lines on stdout (the default), written synchronously to fd 1, not through a buffering
 * stream: a line the pipe did not take throws, and the act is refused.
 */
export const stdoutAuditSink = (): AuditSink => ({
  write: (entry) => writeWhole(1, Buffer.from(`${JSON.stringify(entry)}\n`)),
  close: () => {},
});
