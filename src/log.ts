import { pino } from "pino";
import { redactSecrets } from "./log-redact.js";

/**
 * The service's logger: pino, one JSON object per line on stderr (stdout stays for the first
 * human-readable line). Call as `logger.info({ facts }, "message")`. Callers pass facts, never a
 * secret, a URL with a query, or an upstream body; `redactSecrets` (log-redact.ts) is the safety
 * net, not the plan.
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
  return pino(base, pino.destination({ dest: 2, sync: false }));
};

/** Exits once the logger's pending lines are written (at most `waitMs` later). */
export const exitAfterFlush = (logger: Logger, code: number, waitMs = 1_000): void => {
  const exit = () => process.exit(code);
  setTimeout(exit, waitMs).unref();
  try {
    logger.flush(exit);
  } catch {
    exit();
  }
};

export const silentLogger: Logger = pino({ level: "silent" });

/** What may be logged of an unexpected error: its name and message, not its stack or cause. */
export const describeError = (error: unknown): Record<string, unknown> =>
  error instanceof Error
    ? { errorName: error.name, errorMessage: error.message }
    : { error: String(error) };
