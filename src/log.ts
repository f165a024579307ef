/**
 * One JSON line per event on stderr (stdout stays for the first human-readable line). Callers
 * pass facts, never a secret, a URL with a query, or an upstream body.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const line = (level: string, message: string, fields: Record<string, unknown> = {}) =>
  `${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`;

export const jsonLogger: Logger = {
  info: (message, fields) => process.stderr.write(line("info", message, fields)),
  error: (message, fields) => process.stderr.write(line("error", message, fields)),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };

/** What may be logged of an unexpected error: its name and message, not its stack or cause. */
export const describeError = (error: unknown): Record<string, unknown> =>
  error instanceof Error
    ? { errorName: error.name, errorMessage: error.message }
    : { error: String(error) };
