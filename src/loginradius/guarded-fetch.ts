/**
 * An answer refused unread: a redirect (never followed) or a body over the cap. The adapter turns
 * it into an UpstreamError with the endpoint's name (upstream-error.ts); ky never retries it.
 */
export class RefusedResponse extends Error {
  override readonly name = "RefusedResponse";
  constructor(
    readonly kind: "redirected" | "too_large",
    readonly status: number,
  ) {
    super(`Refused a ${status} response: ${kind}`);
  }
}

export interface GuardedFetchOptions {
  /** Longest body read; more is refused (`too_large`) as soon as the cap is passed. */
  maxResponseBytes: number;
  /** The fetch underneath; global fetch by default. */
  fetch?: typeof fetch;
}

const NO_BODY = new Set([204, 205, 304]);

/** Reads a body chunk by chunk, stopping (and cancelling the stream) once it passes `max`. */
const readCapped = async (
  body: ReadableStream<Uint8Array>,
  max: number,
  status: number,
): Promise<Uint8Array> => {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      // Cancelling closes the connection: the rest is never downloaded, memory stays flat.
      void reader.cancel().catch(() => undefined);
      throw new RefusedResponse("too_large", status);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
};

/**
 * The fetch ky uses: never follows a redirect, and resolves only once the whole body is read,
 * under the same AbortSignal as the headers. ky's `timeout` covers the promise `fetch` returns,
 * so with this wrapper it covers headers AND body: a body trickled after quick headers is a
 * timeout, and a connection reset mid-body is a fetch failure that ky retries like any drop
 * (for the calls marked safe to repeat). A 3xx is refused here, unread and unfollowed.
 */
export const createGuardedFetch = (options: GuardedFetchOptions): typeof fetch => {
  const underlying = options.fetch ?? globalThis.fetch.bind(globalThis);
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const response = await underlying(request, { ...init, redirect: "manual" });
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      void response.body?.cancel().catch(() => undefined);
      throw new RefusedResponse("redirected", response.status);
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > options.maxResponseBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw new RefusedResponse("too_large", response.status);
    }
    const bytes =
      response.body === null || NO_BODY.has(response.status)
        ? null
        : await readCapped(response.body, options.maxResponseBytes, response.status);
    return new Response(bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
};
