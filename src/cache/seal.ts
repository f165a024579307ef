import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for values kept in Redis: whoever reads Redis without the key learns neither an
 * account's data nor can forge one. The entry's Redis key is the associated data, so a value
 * moved under another key (another account's) fails to open.
 */
export interface Sealer {
  seal(plain: string, aad: string): Buffer;
  /** The plaintext, or null when the value is not ours (wrong key, tampered, truncated). */
  open(sealed: Buffer, aad: string): string | null;
}

const IV = 12;
const TAG = 16;

/** The key: CACHE_ENCRYPTION_KEY, else HKDF-SHA256 of the API secret (salted per site). */
export const cacheKeyOf = (explicit: Buffer | null, apiSecret: string, site: string): Buffer =>
  explicit ??
  Buffer.from(hkdfSync("sha256", apiSecret, `account-graph:${site}`, "account-graph cache v1", 32));

export const createSealer = (key: Buffer): Sealer => ({
  seal(plain, aad) {
    const iv = randomBytes(IV);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  },
  open(sealed, aad) {
    if (sealed.length < IV + TAG) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, IV));
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(sealed.subarray(IV, IV + TAG));
      return Buffer.concat([decipher.update(sealed.subarray(IV + TAG)), decipher.final()]).toString(
        "utf8",
      );
    } catch {
      return null;
    }
  },
});
