import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Logger } from "../log.js";

export interface Listening {
  server: Server;
  /** `http://host:port`, with the port the OS chose when asked for port 0. */
  url: string;
  /** Stops accepting, waits for in-flight requests, then drops idle keep-alive connections. */
  close(): Promise<void>;
}

/** CLIENT_HEADERS_TIMEOUT_MS's default: a client has this long to send its request headers. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** CLIENT_REQUEST_TIMEOUT_MS's default: ...and this long to send the whole request, body included. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface ListenOptions {
  /** How long a client may take to send its request headers (Node's `headersTimeout`). */
  headersTimeoutMs?: number;
  /** How long a client may take to send the whole request, headers and body (`requestTimeout`). */
  requestTimeoutMs?: number;
  /** Where cut connections are reported: one line per reason per `reportEveryMs`, with a count. */
  logger?: Logger;
  /** How long cuts are counted before they are reported (default 10 s). */
  reportEveryMs?: number;
}

/** Why a connection was cut, as the report names it. */
type CutReason = "headers timeout" | "body timeout" | "malformed request";

/**
 * Counts cut connections by reason: the first cut of a quiet period starts a window, and when it
 * ends one line per reason says how many. A slowloris of 10,000 connections is one line, not
 * 10,000 (the log would otherwise be the attacker's amplifier).
 */
const createCutReport = (logger: Logger | undefined, everyMs: number) => {
  const counts = new Map<CutReason, number>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    for (const [reason, count] of counts)
      logger?.warn({ reason, count, windowMs: everyMs }, "client connections cut");
    counts.clear();
  };
  return {
    count(reason: CutReason) {
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
      timer ??= setTimeout(flush, everyMs).unref();
    },
    flush,
  };
};

const ANSWERS: Record<string, string> = {
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
};

/**
 * Node's own `clientError` answer (408, 431, else 400, when nothing was sent yet, then the socket
 * destroyed), plus the count. Node raises ERR_HTTP_REQUEST_TIMEOUT for both deadlines; a request
 * whose headers arrived (`request` was emitted) but not its body is a body timeout.
 */
const onClientError =
  (report: ReturnType<typeof createCutReport>, current: WeakMap<Socket, IncomingMessage>) =>
  (error: NodeJS.ErrnoException, socket: Socket) => {
    // The peer went away by itself: nothing to answer, nothing the server did.
    if (error.code === "ECONNRESET" || error.code === "EPIPE") {
      socket.destroy();
      return;
    }
    const request = current.get(socket);
    const timeout = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
    report.count(
      !timeout
        ? "malformed request"
        : request && !request.complete
          ? "body timeout"
          : "headers timeout",
    );
    const response = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (socket.writable && !response?.headersSent)
      socket.write(
        `HTTP/1.1 ${ANSWERS[error.code ?? ""] ?? "400 Bad Request"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
    socket.destroy();
  };

/**
 * The one place that binds a port; called from the entry points and test helpers only. Slow
 * clients (slowloris: headers or a body a byte at a time) are cut at the deadlines, checked
 * every quarter of the shorter one (at most every second).
 */
export const listen = (
  handler: RequestListener,
  port: number,
  host = "127.0.0.1",
  options: ListenOptions = {},
): Promise<Listening> =>
  new Promise((resolve, reject) => {
    const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
    const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const server = createServer(
      {
        headersTimeout,
        requestTimeout,
        connectionsCheckingInterval: Math.max(
          50,
          Math.min(1_000, Math.floor(Math.min(headersTimeout, requestTimeout) / 4)),
        ),
      },
      handler,
    );
    const report = createCutReport(options.logger, options.reportEveryMs ?? 10_000);
    const current = new WeakMap<Socket, IncomingMessage>();
    server.on("request", (req: IncomingMessage) => current.set(req.socket, req));
    server.on("clientError", onClientError(report, current));
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve({
        server,
        url: `http://${shownHost}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              report.flush();
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
