/**
 * Reading configuration from the environment: every variable is checked and every problem is
 * collected, so a bad start-up says everything that is wrong in one message, not one per restart.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export type Env = Record<string, string | undefined>;

export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  /** The trimmed value, or undefined when unset or empty. */
  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  }

  /** A whole number within [min, max]. */
  int(name: string, fallback: number, min: number, max: number): number {
    const text = this.string(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}; got '${text}'.`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const text = this.string(name);
    if (text === undefined) return fallback;
    if (!allowed.includes(text as T)) {
      this.problems.push(`${name} must be one of ${allowed.join(", ")}; got '${text}'.`);
      return fallback;
    }
    return text as T;
  }

  /** Adds a problem when `ok` is false; `message` must never contain a secret's value. */
  check(ok: boolean, message: string): void {
    if (!ok) this.problems.push(message);
  }

  /** Throws one ConfigError listing every problem found so far. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** LoginRadius API keys and secrets are GUIDs. */
export const isGuid = (value: string): boolean => GUID.test(value);
