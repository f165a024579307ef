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
 * The emulator's password policy (UNCONFIRMED upstream, where it is per-site configuration):
 * 8 to 32 characters, at least one letter and one digit, not a well-known password.
 * Returns why a password is weak, or null when it is acceptable.
 */
export const passwordWeakness = (password: string): string | null => {
  if (password.length < 8) return "The password must be at least 8 characters long.";
  if (password.length > 32) return "The password must be at most 32 characters long.";
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password))
    return "The password must contain at least one letter and one digit.";
  if (COMMON.has(password.toLowerCase())) return "The password is too common.";
  return null;
};
