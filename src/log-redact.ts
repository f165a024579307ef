/**
 * The logger's safety net: values under these keys are never written, at any of the first
 * three levels of a log object (a key in the object, in an object it holds, or one further,
 * e.g. `{ request: { headers: { authorization } } }`), in objects and arrays alike. Keys are
 * compared in lower case, so `Authorization` and `X-LoginRadius-ApiSecret` count too.
 */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  "password",
  "newpassword",
  "passwordhash",
  "token",
  "accesstoken",
  "refreshtoken",
  "apisecret",
  "secret",
  "authorization",
  "x-loginradius-apisecret",
]);

export const CENSOR = "[redacted]";

const DEPTH = 3;

const isContainer = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !(value instanceof Error);

/**
 * The object with every secret's value replaced by `[redacted]`. Written for the one line per
 * operation: an object with nothing to hide is returned as it is, with no allocation (pino's
 * `redact` re-parsed its path list and copied on every line: 14% of all the service's
 * allocations under load). What has to change is copied, never mutated: the caller's objects
 * stay intact.
 */
export const redactSecrets = <T>(value: T, depth = DEPTH): T => {
  if (depth === 0 || !isContainer(value)) return value;
  let copy: Record<string, unknown> | unknown[] | undefined;
  const source = value as Record<string, unknown>;
  for (const key in source) {
    if (!Object.hasOwn(source, key)) continue;
    const inner = source[key];
    const next = SECRET_KEYS.has(key.toLowerCase())
      ? inner === undefined
        ? inner
        : CENSOR
      : redactSecrets(inner, depth - 1);
    if (next === inner) continue;
    copy ??= Array.isArray(source) ? [...source] : { ...source };
    (copy as Record<string, unknown>)[key] = next;
  }
  return (copy ?? value) as T;
};
