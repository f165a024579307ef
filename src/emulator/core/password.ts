import { pbkdf2Sync, randomBytes } from "node:crypto";

/**
 * Passwords are stored only as a hash, in the `Rfc2898DeriveBytes$<iterations>$<salt>$<hash>` form
 * LoginRadius documents. 1,000 PBKDF2 iterations is what that documented form shows; it is a
 * twin of the upstream, not a vault.
 */
const ITERATIONS = 1000;

export const hashPassword = (password: string, salt: Buffer = randomBytes(16)): string => {
  const hash = pbkdf2Sync(password, salt, ITERATIONS, 32, "sha256");
  return `Rfc2898DeriveBytes$${ITERATIONS}$${salt.toString("base64")}$${hash.toString("base64")}`;
};

export const verifyPassword = (password: string, stored: string): boolean => {
  const [, iterations, salt] = stored.split("$");
  if (iterations !== String(ITERATIONS) || salt === undefined) return false;
  return hashPassword(password, Buffer.from(salt, "base64")) === stored;
};

const COMMON = new Set(["password", "password1", "12345678", "123456789", "qwerty123", "letmein1"]);

/**
 * The site's password policy. LoginRadius makes it per-site configuration; its documented default
 * is a minimum length of 6 (and, UNCONFIRMED, a maximum of 32). Configurable through
 * `EMULATOR_PASSWORD_MIN_LENGTH` / `EMULATOR_PASSWORD_MAX_LENGTH`.
 */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  minLength: 6,
  maxLength: 32,
});

/**
 * Why a password breaks the length rules (LoginRadius answers these with 1134 and `Errors[]`),
 * or null when it does not.
 */
export const passwordRuleFailure = (
  password: string,
  policy: PasswordPolicy,
  field = "Password",
): string | null => {
  if (password.length < policy.minLength)
    return `The ${field} field must be at least ${policy.minLength} characters long.`;
  if (password.length > policy.maxLength)
    return `The ${field} field must be at most ${policy.maxLength} characters long.`;
  return null;
};

/**
 * A password the emulator treats as "a potential password vulnerability" (1216): a handful of
 * well-known passwords stand in for LoginRadius's breach and dictionary checks.
 */
export const isWellKnownPassword = (password: string): boolean =>
  COMMON.has(password.toLowerCase());
