import type { IncomingMessage, ServerResponse } from "node:http";
import { Writable } from "node:stream";
import { readConfig } from "../../src/config.js";
import type { Env } from "../../src/env.js";
import { type Listening, listen } from "../../src/http/listen.js";
import { createLogger } from "../../src/log.js";
import { createMetrics, type Metrics } from "../../src/metrics.js";
import type { RateLimitStore } from "../../src/ratelimit/store.js";
import { type AppServer, createAppServer } from "../../src/server.js";
import type { GqlResponse } from "./stack.js";
import { TEST_ENV } from "./stack.js";

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type HostileHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  seen: Seen,
) => void | Promise<void>;

/** A LoginRadius stand-in that misbehaves as each test tells it, and records what it received. */
export interface Hostile {
  url: string;
  seen: Seen[];
  handle(handler: HostileHandler): void;
  close(): Promise<void>;
}

export const startHostile = async (): Promise<Hostile> => {
  const seen: Seen[] = [];
  let handler: HostileHandler = (_, res) => {
    res.writeHead(500).end();
  };
  const server: Listening = await listen(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const record = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    seen.push(record);
    await handler(req, res, record);
  }, 0);
  return {
    url: server.url,
    seen,
    handle: (next) => {
      handler = next;
    },
    close: () => {
      server.server.closeAllConnections();
      return server.close();
    },
  };
};

/** Polls every 5 ms until `ok()` holds (the test's own timeout bounds it). */
export const until = async (ok: () => boolean): Promise<void> => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};

export const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};

export const API_KEY = "0b1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
export const API_SECRET = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

export interface Service {
  url: string;
  app: AppServer;
  metrics: Metrics;
  /** Every JSON log line the service wrote. */
  logs: Record<string, unknown>[];
  logText(): string;
  gql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse & { requestId: string | null }>;
  close(): Promise<void>;
}

/** The service in-process on port 0, pointed at `apiUrl`, configured through its environment. */
export const startService = async (
  apiUrl: string,
  env: Env = {},
  rateStore?: RateLimitStore,
): Promise<Service> => {
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _, done) {
      for (const line of String(chunk).split("\n")) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const metrics = createMetrics({ defaultMetrics: false });
  const config = readConfig({ ...TEST_ENV, ...env });
  const app = await createAppServer(config, {
    upstream: { apiUrl, apiKey: API_KEY, apiSecret: API_SECRET },
    logger: createLogger({ level: "debug", destination }),
    metrics,
    ...(rateStore ? { rateStore } : {}),
  });
  await app.start();
  const server = await listen(app.handler, 0);
  return {
    url: server.url,
    app,
    metrics,
    logs,
    logText: () => JSON.stringify(logs),
    async gql(query, variables, headers = {}) {
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: res.status,
        requestId: res.headers.get("x-request-id"),
        ...((await res.json()) as object),
      };
    },
    async close() {
      await server.close();
      await app.stop();
    },
  };
};
