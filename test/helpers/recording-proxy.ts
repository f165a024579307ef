import http from "node:http";
import { listen } from "../../src/http/listen.js";

/** What passed through the proxy: counts only, so a long run keeps no request in memory. */
export interface Capture {
  requests: number;
  /** Requests whose method, URL, headers or body held the needle (any casing). */
  withNeedle: number;
  /** Occurrences of the needle over all of them. */
  occurrences: number;
  /** Requests that carried `digest` and `x-request-expires` headers. */
  signed: number;
}

export interface RecordingProxy {
  url: string;
  capture: Capture;
  close(): Promise<void>;
}

const count = (haystack: string, needle: string): number =>
  needle === "" ? 0 : haystack.toLowerCase().split(needle.toLowerCase()).length - 1;

/**
 * A plain HTTP proxy in front of `target` that scans every request as it passes (method, URL,
 * raw headers, body) for `needle`: the wire capture of a signed run. It forwards the Host header
 * unchanged (a signature covers the URL the client called) and mirrors drops both ways, so
 * fault tests see what they would see without it.
 */
export const startRecordingProxy = async (
  target: string,
  needle: string,
  /** Sees each request's headers as they passed (tests that read the signing headers). */
  onRequest?: (req: http.IncomingMessage) => void,
): Promise<RecordingProxy> => {
  const to = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const capture: Capture = { requests: 0, withNeedle: 0, occurrences: 0, signed: 0 };
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const seen = count(
        `${req.method} ${req.url}\n${req.rawHeaders.join("\n")}\n${body.toString("utf8")}`,
        needle,
      );
      capture.requests++;
      capture.occurrences += seen;
      if (seen > 0) capture.withNeedle++;
      if (req.headers.digest && req.headers["x-request-expires"]) capture.signed++;
      onRequest?.(req);
      const upstream = http.request(
        {
          hostname: to.hostname,
          port: to.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
          answer.pipe(res);
          answer.on("close", () => {
            if (!answer.complete) res.destroy();
          });
        },
      );
      upstream.on("error", () => res.destroy());
      res.on("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      upstream.end(body);
    });
  };
  const server = await listen(handler, 0);
  return {
    url: server.url,
    capture,
    async close() {
      await server.close();
      agent.destroy();
    },
  };
};
