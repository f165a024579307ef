/**
 * What one JWKS answer may be. Real key sets are a few kilobytes and a handful of keys (one or
 * two per algorithm, plus the next during a rotation); an answer beyond these is refused, so a
 * compromised or misconfigured identity provider cannot make every replica read 300 MB or
 * import 100,000 keys.
 */
export interface JwksBounds {
  /** Bytes of the body, read as it arrives; the read stops at the first byte over. */
  maxBytes: number;
  /** Entries in `keys`. */
  maxKeys: number;
  /** From the request to the last byte of the body. */
  deadlineMs: number;
}

export const JWKS_BOUNDS: JwksBounds = Object.freeze({
  maxBytes: 256 * 1024,
  maxKeys: 100,
  deadlineMs: 5_000,
});

/** A JWKS answer over a bound. The verifier reports it as the keys being unavailable (503). */
export class JwksRefusedError extends Error {
  override readonly name = "JwksRefusedError";
}

/** The body as text, stopping (and cancelling the download) at the first byte over `maxBytes`. */
const readCapped = async (response: Response, maxBytes: number): Promise<string> => {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new JwksRefusedError(`JWKS answer declares ${declared} bytes; at most ${maxBytes}.`);
  }
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new JwksRefusedError(`JWKS answer is over ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
};

/**
 * A fetch for jose's `createRemoteJWKSet` (its `customFetch` option) that reads the key set
 * within `bounds`: one deadline for the connection, the headers and the whole body, and the
 * answer refused when over `maxBytes` or `maxKeys`. jose's own fetch reads any body whole and
 * its timeout left the parse out (a 300 MB set: 1.27 GB RSS, 7 s with a 5 s timeout).
 */
export const boundedJwksFetch =
  (bounds: JwksBounds) =>
  async (url: string, init: RequestInit): Promise<Response> => {
    const deadline = AbortSignal.timeout(bounds.deadlineMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const response = await fetch(url, { ...init, signal });
    if (response.status !== 200) {
      await response.body?.cancel();
      return new Response(null, { status: response.status });
    }
    const text = await readCapped(response, bounds.maxBytes);
    let keys: unknown;
    try {
      keys = (JSON.parse(text) as { keys?: unknown } | null)?.keys;
    } catch {
      throw new JwksRefusedError("JWKS answer is not JSON.");
    }
    if (Array.isArray(keys) && keys.length > bounds.maxKeys)
      throw new JwksRefusedError(`JWKS answer has ${keys.length} keys; at most ${bounds.maxKeys}.`);
    return new Response(text, { status: 200, headers: { "content-type": "application/json" } });
  };
