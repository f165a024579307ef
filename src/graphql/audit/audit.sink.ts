import { closeSync, fchmodSync, fstatSync, fsyncSync, openSync, writeSync } from "node:fs";
import { pino } from "pino";

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
      const line = Buffer.from(`${JSON.stringify(entry)}\n`);
      // A short write (a nearly full disk) is not a stored line: the act must not go ahead on it.
      const written = writeSync(fd, line);
      if (written !== line.length)
        throw new Error(`audit line cut short: ${written} of ${line.length} bytes written`);
      if (regular) fsyncSync(fd);
    },
    close: () => closeSync(fd),
  };
};

/** Audit lines on stdout (the default), written synchronously like the service log. */
export const stdoutAuditSink = (): AuditSink => {
  const out = pino.destination({ dest: 1, sync: true });
  return { write: (entry) => void out.write(`${JSON.stringify(entry)}\n`), close: () => {} };
};
