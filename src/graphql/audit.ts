import { closeSync, fchmodSync, fsyncSync, openSync, writeSync } from "node:fs";
import type { ApolloServerPlugin } from "@apollo/server";
import { BREAK, type DocumentNode, type GraphQLResolveInfo, visit } from "graphql";
import { pino } from "pino";
import type { RequestContext } from "./section.js";

/**
 * One audit line: who did what to which account, and how it ended. Built from an allow-list of
 * arguments, so a password, token or hash can never be in it.
 */
export interface AuditEntry {
  audit: true;
  time: string;
  caller: string;
  callerKind: string;
  requestId: string;
  operationName: string | null;
  /** `Mutation.deleteAccount`, `Account.passwordHash`. */
  field: string;
  /** The response key, when an alias differs from the field name. */
  alias?: string;
  uid?: string;
  newUid?: string;
  email?: string;
  userName?: string;
  reason?: string;
  outcome: "ok" | "error";
  code?: string;
}

/** Where audit lines go. `write` returns once the line is stored (fsync'd, for a file). */
export interface AuditSink {
  write(entry: AuditEntry): void;
  close(): void;
}

/**
 * AUDIT_LOG_FILE: append-only, created 0600 (and narrowed to 0600 if it existed), each line
 * fsync'd before the operation's response is sent. Opened at start, so a bad path stops start-up.
 */
export const fileAuditSink = (path: string): AuditSink => {
  const fd = openSync(path, "a", 0o600);
  fchmodSync(fd, 0o600);
  return {
    write(entry) {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    },
    close: () => closeSync(fd),
  };
};

/** Audit lines on stdout (the default), written synchronously like the service log. */
export const stdoutAuditSink = (): AuditSink => {
  const out = pino.destination({ dest: 1, sync: true });
  return { write: (entry) => void out.write(`${JSON.stringify(entry)}\n`), close: () => {} };
};

/** What the audit plugin needs to know of the sections. */
export interface AuditOptions {
  /** Fields audited besides every mutation: reads of secrets (`Account.passwordHash`). */
  auditedReads: ReadonlySet<string>;
  /** The `extensions.code` a client sees for a resolver's error. */
  codeOf: (error: unknown) => string;
}

const isAudited = (info: GraphQLResolveInfo, reads: ReadonlySet<string>): boolean =>
  info.parentType.name === "Mutation" || reads.has(`${info.parentType.name}.${info.fieldName}`);

const ARGS = ["uid", "newUid", "email", "userName", "reason"] as const;

/** The account concerned: from the arguments, else the parent account, else the result. */
const subjectOf = (args: Record<string, unknown>, parent: unknown, result: unknown) => {
  const subject: Partial<Record<(typeof ARGS)[number], string>> = {};
  for (const key of ARGS) if (typeof args[key] === "string") subject[key] = args[key] as string;
  if (subject.uid === undefined) {
    const uid =
      (parent as { uid?: unknown } | null)?.uid ?? (result as { uid?: unknown } | null)?.uid;
    if (typeof uid === "string") subject.uid = uid;
  }
  return subject;
};

/**
 * Whether an operation can resolve an audited field: a mutation, or a document that names an
 * audited read's field anywhere (fragments too). Kept per document: Apollo reuses the parsed
 * document of a query it has seen.
 */
const auditScope = (reads: ReadonlySet<string>) => {
  const names = new Set([...reads].map((read) => read.slice(read.indexOf(".") + 1)));
  const seen = new WeakMap<DocumentNode, boolean>();
  const namesAuditedField = (document: DocumentNode): boolean => {
    let found = seen.get(document);
    if (found !== undefined) return found;
    found = false;
    visit(document, {
      Field(node) {
        if (!names.has(node.name.value)) return undefined;
        found = true;
        return BREAK;
      },
    });
    seen.set(document, found);
    return found;
  };
  return (operation: "query" | "mutation" | "subscription", document: DocumentNode): boolean =>
    operation === "mutation" || namesAuditedField(document);
};

/**
 * An Apollo plugin writing one audit line per mutation field and per secret read, after the
 * field resolved or failed (a FORBIDDEN attempt is audited too). A line that cannot be written
 * (disk full) is reported through `onWriteError`, not thrown: the act it records has happened,
 * and a throw here would be an unhandled rejection.
 */
export const createAuditPlugin = (
  sink: AuditSink,
  onWriteError: (error: unknown, entry: AuditEntry) => void,
  options: AuditOptions,
): ApolloServerPlugin<RequestContext> => {
  const mayAudit = auditScope(options.auditedReads);
  return {
    async requestDidStart() {
      return {
        // Only for operations that can touch an audited field: a per-field hook makes Apollo wrap
        // every resolver of the operation, which costs every plain read CPU for nothing.
        async executionDidStart({ operation, document }) {
          if (!mayAudit(operation.operation, document)) return undefined;
          return {
            willResolveField({ source, args, contextValue, info }) {
              if (!isAudited(info, options.auditedReads)) return;
              return (error, result) => {
                const alias = info.path.key;
                const entry: AuditEntry = {
                  audit: true,
                  time: new Date().toISOString(),
                  caller: contextValue.caller.name,
                  callerKind: contextValue.caller.kind,
                  requestId: contextValue.requestId,
                  operationName: info.operation.name?.value ?? null,
                  field: `${info.parentType.name}.${info.fieldName}`,
                  ...(alias !== info.fieldName ? { alias: String(alias) } : {}),
                  ...subjectOf(args, source, result),
                  outcome: error ? "error" : "ok",
                  ...(error ? { code: options.codeOf(error) } : {}),
                };
                try {
                  sink.write(entry);
                } catch (writeError) {
                  onWriteError(writeError, entry);
                }
              };
            },
          };
        },
      };
    },
  };
};
