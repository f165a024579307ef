import { randomUUID } from "node:crypto";
import { ErrorCodes, userError } from "../../errors.js";
import { describeError, type Logger } from "../../log.js";
import type { AuditEntry, AuditEnvelope, AuditSink } from "./audit.sink.js";

/** What a line says before the act: everything but the phase, the id and the time. */
export type AuditIntent = Omit<AuditEnvelope, "audit" | "phase" | "auditId" | "time"> & {
  [identifier: string]: unknown;
};

/** One audited field after its intent line is stored: says how it ended. */
export interface AuditRecord {
  ok(result: unknown): void;
  failed(error: unknown): void;
}

/** The audit trail of a server: each request's context carries it to the audited resolvers. */
export interface AuditTrail {
  /**
   * Stores the intent line, then returns; throws AUDIT_UNAVAILABLE when it cannot be stored, and
   * the caller must then not act (no record, no act).
   */
  begin(intent: AuditIntent): AuditRecord;
}

export interface AuditTrailOptions {
  /** The `extensions.code` a client sees for a resolver's error. */
  codeOf(error: unknown): string;
  /** A line the sink refused (the entry holds no secret: identifiers are allow-listed). */
  onWriteError(error: unknown, entry: AuditEntry): void;
}

const auditUnavailable = () =>
  userError(
    ErrorCodes.AUDIT_UNAVAILABLE,
    "The audit trail cannot be written, so this was not done and nothing was sent to LoginRadius; try again once the service's audit log is writable.",
  );

const uidOf = (value: unknown): string | undefined => {
  const uid = (value as { uid?: unknown } | null | undefined)?.uid;
  return typeof uid === "string" ? uid : undefined;
};

export const createAuditTrail = (sink: AuditSink, options: AuditTrailOptions): AuditTrail => ({
  begin(fields) {
    const intent: AuditEntry = {
      audit: true,
      phase: "intent",
      auditId: randomUUID(),
      time: new Date().toISOString(),
      ...fields,
    };
    try {
      sink.write(intent);
    } catch (error) {
      options.onWriteError(error, intent);
      throw auditUnavailable();
    }
    // The act has happened (or failed) by now: a lost outcome line is logged, never thrown, and
    // the intent line already names who asked for what.
    const end = (extra: Partial<AuditEntry>) => {
      const outcome: AuditEntry = {
        ...intent,
        phase: "outcome",
        time: new Date().toISOString(),
        ...extra,
      };
      try {
        sink.write(outcome);
      } catch (error) {
        options.onWriteError(error, outcome);
      }
    };
    return {
      // A created account's uid is known only from the result.
      ok: (result) => {
        const uid = intent.uid === undefined ? uidOf(result) : undefined;
        end({ ...(uid !== undefined ? { uid } : {}), outcome: "ok" });
      },
      failed: (error) => end({ outcome: "error", code: options.codeOf(error) }),
    };
  },
});

/**
 * The trail over a sink, a line it loses logged (the line holds no secret: identifiers are
 * allow-listed); a lost intent line is an act refused.
 */
export const loggedAuditTrail = (
  logger: Logger,
  sink: AuditSink,
  codeOf: (error: unknown) => string,
): AuditTrail =>
  createAuditTrail(sink, {
    codeOf,
    onWriteError: (error, entry) =>
      logger.error(
        { ...describeError(error), entry },
        entry.phase === "intent"
          ? "audit line not written; the act was refused"
          : "audit line not written",
      ),
  });
