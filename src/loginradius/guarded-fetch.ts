import http from "node:http";
import https from "node:https";
import { type AttemptProgress, codeOf, newProgress, track } from "./attempt-progress.js";
import type { Cancel } from "./deadline.js";
import type { Signer } from "./request-signing.js";

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
  /**
   * Keep-alive connections per origin: the concurrency cap (more would only sit idle, fewer
   * would queue calls the cap already admitted). Default 64.
   */
  maxSockets?: number;
  /**
   * LOGINRADIUS_REQUEST_SIGNING: signs every attempt here, where the URL is final and the body is
   * the bytes sent (ky calls the fetch once per attempt, so a retry is signed afresh).
   */
  sign?: Signer;
}

/**
 * What the adapter gives the fetch besides ky's Request (ky passes options it does not know on
 * to `fetch`): the GraphQL request's deadline, which ends the attempt like its own signal does.
 */
export interface GuardedInit {
  deadline?: Cancel;
  /**
   * Sent as `X-Request-Id`. Added here rather than given to ky as a header: ky would merge it into
   * a new Headers object per call, which cost more than the rest of the header handling.
   */
  requestId?: string;
  /** Where the attempt's progress is written (one object per call, reused by its retries). */
  progress?: AttemptProgress;
}

const NO_BODY = new Set([204, 205, 304]);

/** Below the 5 s idle timeout common on servers, so a pooled socket is not reused as it closes. */
const IDLE_SOCKET_MS = 4_000;

const agentOptions = (maxSockets: number): http.AgentOptions => ({
  keepAlive: true,
  maxSockets,
  maxFreeSockets: maxSockets,
  scheduling: "lifo",
  timeout: IDLE_SOCKET_MS,
});

/** A Request's headers as node:http takes them, and its body as one Buffer (small JSON). */
const outgoing = async (request: Request, requestId: string | undefined) => {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (requestId !== undefined) headers["x-request-id"] = requestId;
  const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
  if (body) headers["content-length"] = String(body.byteLength);
  return { headers, body };
};

/**
 * An answer read whole: a Response over the bytes already in memory, read through `text()`,
 * `json()` or `arrayBuffer()` (as ky and the adapter do), without the web stream a Response body
 * is (one per answer, and every such stream outlives the young generation: it is transferable).
 */
class ReadResponse extends Response {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
  }
  // Fields, not methods: the DOM types declare these as properties of Response.
  override text = async (): Promise<string> => this.#bytes.toString("utf8");
  override json = async (): Promise<unknown> => JSON.parse(this.#bytes.toString("utf8"));
  override arrayBuffer = async (): Promise<ArrayBuffer> => new Uint8Array(this.#bytes).buffer;
  override clone = (): ReadResponse =>
    new ReadResponse(this.#bytes, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
}

interface Target {
  secure: boolean;
  hostname: string;
  port: string;
  path: string;
}

/**
 * Where a request goes, as node:http takes it. The adapter calls one origin: its parts are
 * parsed once and kept, and each call's URL only split (a URL object per call, then node:http
 * turning it back into options, were 2% of the CPU).
 */
const targets = () => {
  let known: { origin: string; parts: Omit<Target, "path"> } | undefined;
  return (href: string): Target => {
    if (known && href.startsWith(known.origin) && href[known.origin.length] === "/")
      return { ...known.parts, path: href.slice(known.origin.length) };
    const url = new URL(href);
    const parts = {
      secure: url.protocol === "https:",
      // node:http wants an IPv6 address without its brackets.
      hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port,
    };
    known = { origin: url.origin, parts };
    return { ...parts, path: `${url.pathname}${url.search}` };
  };
};

const responseHeaders = (raw: string[]): Headers => {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2)
    headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
};

/**
 * Reads a whole answer, refusing it once it passes `max`. A refusal or failure destroys the
 * socket: the rest is never downloaded, memory stays flat, and the connection is not reused.
 */
const readAnswerBody = (
  res: http.IncomingMessage,
  max: number,
  fail: (error: unknown) => void,
  done: (body: Buffer) => void,
): void => {
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    res.destroy();
    fail(new RefusedResponse("redirected", status));
    return;
  }
  if (Number(res.headers["content-length"]) > max) {
    res.destroy();
    fail(new RefusedResponse("too_large", status));
    return;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  res.on("data", (chunk: Buffer) => {
    total += chunk.byteLength;
    if (total > max) {
      res.destroy();
      fail(new RefusedResponse("too_large", status));
    } else chunks.push(chunk);
  });
  res.on("end", () => done(Buffer.concat(chunks, total)));
  res.on("error", fail);
  // A connection reset mid-body: 'close' without 'end'.
  res.on("close", () => {
    if (!res.complete) fail(new ClosedMidBody());
  });
};

/** The answer's connection closed before its body ended (no error code of its own). */
class ClosedMidBody extends Error {
  readonly code = "ECONNRESET";
  constructor() {
    super("The connection closed before the body ended.");
  }
}

/** The request's deadline ends the attempt: the socket destroyed, the promise failed with it. */
const endAtDeadline = (
  req: http.ClientRequest,
  deadline: Cancel,
  fail: (error: unknown) => void,
) => {
  const onDeadline = () => {
    req.destroy();
    fail(deadline.reason);
  };
  deadline.addEventListener("abort", onDeadline, { once: true });
  req.on("close", () => deadline.removeEventListener("abort", onDeadline));
};

/**
 * The fetch ky uses: node:http over a keep-alive pool sized to the concurrency cap (global
 * fetch costs several times the CPU per call: Request/Response/stream objects and an abort
 * listener each). It never follows a redirect, and resolves only once the whole body is read,
 * under the request's AbortSignal: ky's `timeout` covers the promise `fetch` returns, so it
 * covers headers AND body. A body trickled after quick headers is a timeout; a connection reset
 * mid-body is a failure ky retries like any drop (for the calls marked safe to repeat); a 3xx
 * is refused unread.
 */
export const createGuardedFetch = (options: GuardedFetchOptions): typeof fetch => {
  const size = options.maxSockets ?? 64;
  const agents = {
    http: new http.Agent(agentOptions(size)),
    https: new https.Agent(agentOptions(size)),
  };
  const targetOf = targets();
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const { deadline, requestId, progress = newProgress() } = (init ?? {}) as GuardedInit;
    progress.phase = "connect";
    progress.sent = false;
    progress.code = null;
    const { secure, hostname, port, path } = targetOf(request.url);
    const { headers, body } = await outgoing(request, requestId);
    if (options.sign) Object.assign(headers, options.sign(request.url, body));
    return new Promise<Response>((resolve, reject) => {
      const signal = request.signal;
      const fail = (error: unknown) => {
        const ended = deadline?.aborted || signal.aborted;
        // Our own abort's error says nothing of the transport; the first real one is the cause.
        if (!ended && progress.code === null) progress.code = codeOf(error);
        reject(
          deadline?.aborted ? deadline.reason : signal.aborted ? (signal.reason ?? error) : error,
        );
      };
      // Checked here, after the body was read: a listener added once it passed is never called.
      if (deadline?.aborted) return fail(deadline.reason);
      const req = (secure ? https : http).request(
        {
          hostname,
          ...(port ? { port } : {}),
          path,
          method: request.method,
          headers,
          agent: secure ? agents.https : agents.http,
          signal,
        },
        (res) =>
          readAnswerBody(res, options.maxResponseBytes, fail, (bytes) => {
            const status = res.statusCode ?? 0;
            resolve(
              new ReadResponse(NO_BODY.has(status) ? Buffer.alloc(0) : bytes, {
                status,
                statusText: res.statusMessage ?? "",
                headers: responseHeaders(res.rawHeaders),
              }),
            );
          }),
      );
      track(req, secure, progress);
      req.on("error", fail);
      if (deadline) endAtDeadline(req, deadline, fail);
      req.end(body);
    });
  };
};
