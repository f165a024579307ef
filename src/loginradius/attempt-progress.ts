import type http from "node:http";

/**
 * How far one attempt got, written by the guarded fetch as it goes (reset at each attempt) and
 * read by the adapter when the attempt fails: ky's own timeout rejects without asking the fetch,
 * so the phase a timeout hit is known only from here.
 */
export interface AttemptProgress {
  /** `connect` (TCP and TLS), `send` (writing), `headers` (sent, awaiting them), `body`. */
  phase: "connect" | "send" | "headers" | "body";
  /** The whole request was handed to the connection: LoginRadius may act on it. */
  sent: boolean;
  /** The transport's error code (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, a TLS code...). */
  code: string | null;
}

export const newProgress = (): AttemptProgress => ({ phase: "connect", sent: false, code: null });

/**
 * An error's `code` as Node sets it (`ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`,
 * `ERR_TLS_CERT_ALTNAME_INVALID`...). A TLS failure reported as a bare `EPROTO` gets OpenSSL's
 * reason from the message ("wrong version number"): the only part of it kept, since Node's
 * messages also hold addresses.
 */
export const codeOf = (error: unknown): string | null => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || !/^[A-Z0-9_]{1,64}$/.test(code)) return null;
  const reason =
    typeof message === "string" ? /SSL routines:[^:]*:([a-z0-9 _-]{1,80}):/i.exec(message) : null;
  return reason ? `${code} (${reason[1]})` : code;
};

/**
 * Follows one request through its phases: `connect` until the socket is connected (and, for
 * https, its TLS handshake done; a reused keep-alive socket already is), `send` while writing,
 * `headers` once the whole request is handed to the connected socket, `body` once the answer's
 * headers came. Sent means both written and connected: a TLS socket reports writes made during
 * its handshake as done, though nothing left before the handshake did.
 */
export const track = (
  req: http.ClientRequest,
  secure: boolean,
  progress: AttemptProgress,
): void => {
  let written = false;
  const sentIfBoth = () => {
    if (!written || progress.phase === "connect") return;
    progress.sent = true;
    if (progress.phase === "send") progress.phase = "headers";
  };
  req.once("socket", (socket) => {
    const connected = () => {
      if (progress.phase === "connect") progress.phase = "send";
      sentIfBoth();
    };
    if (socket.connecting) socket.once(secure ? "secureConnect" : "connect", connected);
    else connected();
  });
  req.once("finish", () => {
    written = true;
    sentIfBoth();
  });
  req.once("response", () => {
    progress.sent = true;
    progress.phase = "body";
  });
};
