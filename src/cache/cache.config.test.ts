import { describe, expect, it } from "vitest";
import { readConfig } from "../config.js";
import { ConfigError } from "../env.js";

const KEY = "ab".repeat(32);

describe("the cache's configuration", () => {
  it("defaults to a 30 s TTL, 32 MiB, coalescing on and a key derived from the API secret", () => {
    expect(readConfig({}).cache).toEqual({
      ttlMs: 30_000,
      maxBytes: 33_554_432,
      encryptionKey: null,
      coalesce: true,
    });
  });

  it("takes CACHE_ENCRYPTION_KEY as 32 bytes of hex and refuses anything else without showing it", () => {
    expect(readConfig({ CACHE_ENCRYPTION_KEY: KEY }).cache.encryptionKey).toEqual(
      Buffer.from(KEY, "hex"),
    );
    const refused = (() => {
      try {
        readConfig({ CACHE_ENCRYPTION_KEY: "not-a-key-0123", CACHE_TTL_MS: "-1" });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ConfigError);
    expect(String((refused as Error).message)).toMatch(/CACHE_ENCRYPTION_KEY must be 64 hex/);
    expect(String((refused as Error).message)).toMatch(/CACHE_TTL_MS must be a whole number/);
    expect(String((refused as Error).message)).not.toContain("not-a-key-0123");
  });
});
