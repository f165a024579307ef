import { pino } from "pino";
import { redactSecrets } from "./log-redact.js";

/**
 * The service's logger: pino, one JSON object per line on stderr (stdout holds the audit trail
 * when AUDIT_LOG_FILE is unset). Call as `logger.info({ facts }, "message")`. Callers pass facts,
 * never a secret, a URL with a query, or an upstream body; `redactSecrets` (log-redact.ts) is the
 * safety net, not the plan.
 */
export type Logger = pino.Logger;

export interface LogOptions {
  level?: pino.LevelWithSilent;
  /** `pretty` = human-readable lines for a terminal (pino-pretty); default JSON. */
  format?: "json" | "pretty";
  /** Where lines go; default stderr. Tests pass a stream to read the lines back. */
  destination?: pino.DestinationStream;
}

/**
 * pino formats a child's bindings once, without the `log` formatter: every logger made here
 * passes them through `redactSecrets` first, children of children too (they inherit `child`).
 */
const redactingChildren = (logger: Logger): Logger => {
  const child = logger.child;
  logger.child = function (this: Logger, bindings, options) {
    return child.call(this, redactSecrets(bindings), options);
  } as Logger["child"];
  return logger;
};

export const createLogger = (options: LogOptions = {}): Logger =>
  redactingChildren(createPino(options));

type SonicBoom = ReturnType<typeof pino.destination>;

/** The asynchronous destination of each logger made here, for exitAfterFlush. */
const destinations = new WeakMap<Logger, SonicBoom>();

const createPino = (options: LogOptions): Logger => {
  const base: pino.LoggerOptions = {
    level: options.level ?? "info",
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactSecrets(object),
    },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.format === "pretty")
    return pino({
      ...base,
      transport: { target: "pino-pretty", options: { destination: 2, colorize: false } },
    });
  // Asynchronous writes: a line per operation written synchronously is one write(2) per request
  // and cost about 15% of throughput under load; async, the lines queued while a write is in
  // flight go out together. Nothing waits for a buffer to fill, so a lone line is not held back.
  // main.ts flushes before every exit (exitAfterFlush), so no line is lost on shutdown.
  const destination = pino.destination({ dest: 2, sync: false });
  // A reader that is gone (EPIPE, ECONNRESET, EBADF...) is given up on, never retried:
  // sonic-boom's `flushSync`, which pino runs on process exit, retries a failed write for ever
  // (it gives up on EAGAIN only), so a closed stderr pipe left the process spinning in its exit
  // handler until SIGKILL. Lines are lost from then on; the process serves on and can exit.
  destination.on("error", () => dropLines(destination));
  const logger = pino(base, destination);
  destinations.set(logger, destination);
  return logger;
};

const noop = () => {};
const dropped = new WeakSet<SonicBoom>();
const dropLines = (destination: SonicBoom): void => {
  dropped.add(destination);
  Object.assign(destination, { write: () => true, flushSync: noop, end: noop, destroy: noop });
};

/** A write in flight or lines queued (sonic-boom's own state; it has no public accessor). */
const pending = (destination: SonicBoom): boolean => {
  if (dropped.has(destination)) return false;
  const state = destination as unknown as { _writing?: boolean; _len?: number };
  return state._writing === true || (state._len ?? 0) > 0;
};

/**
 * Exits with `code` once the logger's pending lines are written, at most `waitMs` later. Lines
 * still queued then (a reader that stopped reading) are dropped, so the exit itself cannot block:
 * the bound holds whatever stderr's reader does.
 */
export const exitAfterFlush = (logger: Logger, code: number, waitMs = 1_000): void => {
  process.exitCode = code;
  const destination = destinations.get(logger);
  const exit = () => {
    if (destination && pending(destination)) dropLines(destination);
    process.exit(code);
  };
  setTimeout(exit, waitMs);
  if (!destination) {
    try {
      logger.flush(exit);
    } catch {
      exit();
    }
    return;
  }
  const settled = () => (pending(destination) ? undefined : exit());
  destination.on("drain", settled);
  destination.on("error", exit);
  setImmediate(settled);
};

export const silentLogger: Logger = pino({ level: "silent" });

/** What may be logged of an error in general: its name and message, not its stack or cause. */
export const describeError = (error: unknown): Record<string, unknown> =>
  error instanceof Error
    ? { errorName: error.name, errorMessage: error.message }
    : { error: String(error) };

/**
 * What is logged of an error nobody expected (a client saw INTERNAL_SERVER_ERROR, or a request
 * failed): name, message, the stack's frames (code locations, no values) and the chain of causes
 * by name and message, so an operator can tell where it came from.
 */
export const describeUnexpected = (error: unknown): Record<string, unknown> => {
  const causes: Record<string, unknown>[] = [];
  let cause = error instanceof Error ? error.cause : undefined;
  while (cause !== undefined && causes.length < 3) {
    causes.push(describeError(cause));
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  const frames =
    error instanceof Error
      ? (error.stack ?? "")
          .split("\n")
          .filter((line) => line.startsWith("    at "))
          .slice(0, 8)
          .map((line) => line.trim())
      : [];
  return {
    ...describeError(error),
    ...(frames.length > 0 ? { stack: frames } : {}),
    ...(causes.length > 0 ? { causes } : {}),
  };
};
