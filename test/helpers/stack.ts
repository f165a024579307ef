import type { IncomingMessage } from "node:http";
import { expect } from "vitest";
import { readConfig } from "../../src/config.js";
import type { EmulatorOptions } from "../../src/emulator/app.js";
import type { CallRecord } from "../../src/emulator/core/call-log.js";
import type { Env } from "../../src/env.js";
import type { AuditEntry, AuditSink } from "../../src/graphql/audit/index.js";
import type { AnySection } from "../../src/graphql/section.js";
import { listen } from "../../src/http/listen.js";
import { type Logger, silentLogger } from "../../src/log.js";
import type { UpstreamTarget, UpstreamTuning } from "../../src/loginradius/http.js";
import { createMetrics } from "../../src/metrics.js";
import { createAppServer } from "../../src/server.js";
import { type RunningEmulator, startEmulator } from "./emulator.js";
import { type Capture, type RecordingProxy, startRecordingProxy } from "./recording-proxy.js";

/**
 * `TEST_REQUEST_SIGNING=1 npx vitest run test/...`: the end-to-end files run signed. The service
 * gets LOGINRADIUS_REQUEST_SIGNING=true, the emulator is a strict-mode site (requireSigning), and
 * every upstream request passes a recording proxy that fails the file at close if one held the
 * API secret (totals appended to TEST_SIGNING_CAPTURE_FILE when set).
 */
export const SIGNED_RUN = process.env.TEST_REQUEST_SIGNING === "1";

export interface GqlResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary result shapes
  data?: any;
  errors?: {
    message: string;
    path?: (string | number)[];
    // biome-ignore lint/suspicious/noExplicitAny: extensions vary by code
    extensions?: Record<string, any>;
  }[];
}

export interface GqlOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

type Answer = { errors?: { extensions?: Record<string, unknown> }[] };

/** The first GraphQL error's extensions (code, reason, problems...). */
export const errorOf = (res: Answer) => res.errors?.[0]?.extensions;

/** The first GraphQL error's code. */
export const codeOf = (res: Answer) => errorOf(res)?.code;

export interface Stack {
  url: string;
  lr: RunningEmulator;
  gql(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GqlResponse>;
  /**
   * Outcome audit lines written since start, one per audited field once it ended (unless `audit`
   * was given in the options); `auditLines` holds every line, intents included.
   */
  audit: AuditEntry[];
  auditLines: AuditEntry[];
  /** What the recording proxy saw (options.record or a signed run), else undefined. */
  capture: Capture | undefined;
  /** Upstream calls received by the emulator since the last reset, API routes only. */
  calls(): Promise<CallRecord[]>;
  /** The routes of those calls, in order. */
  routes(): Promise<string[]>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  emulator?: EmulatorOptions;
  /** Point the service elsewhere than the emulator's URL and credentials (failure tests). */
  target?: Partial<UpstreamTarget>;
  upstream?: Partial<UpstreamTuning>;
  /** Service environment variables (as `readConfig` reads them), over TEST_ENV. */
  env?: Env;
  logger?: Logger;
  /** Where audit lines go; default AUDIT_LOG_FILE if set, else an array (`stack.audit`). */
  audit?: AuditSink;
  /** The service's sections; default SECTIONS (src/sections.ts). */
  sections?: readonly AnySection[];
  /**
   * Puts the recording proxy between the service and the emulator (always in a signed run) and
   * calls this with each upstream request; `stack.capture` then holds the totals.
   */
  record?: (req: IncomingMessage) => void;
}

/** The service's environment in tests: fast retries, short timeouts, introspection on, no rate limit. */
export const TEST_ENV: Env = {
  UPSTREAM_TIMEOUT_MS: "2000",
  UPSTREAM_MAX_CONCURRENCY: "16",
  UPSTREAM_RETRIES: "2",
  UPSTREAM_RETRY_BASE_DELAY_MS: "5",
  UPSTREAM_MAX_RETRY_AFTER_SECONDS: "2",
  // Failure tests inject faults back to back into one stack; the breaker has its own tests.
  UPSTREAM_BREAKER_FAILURES: "1000",
  GRAPHQL_INTROSPECTION: "true",
  // Rate limits have their own tests (test/rate-limit.test.ts); elsewhere they would make results
  // depend on how fast the machine runs the file.
  RATE_LIMIT_OPS_PER_SECOND: "0",
  RATE_LIMIT_COST_PER_SECOND: "0",
  RATE_LIMIT_ITEMS_PER_SECOND: "0",
  // Tests send many concurrent operations as one caller (test/hostile-work.test.ts tests this).
  MAX_INFLIGHT_PER_CALLER: "0",
  // The read cache has its own tests (src/cache/, test/fleet*.test.ts); elsewhere a cached answer
  // would hide the upstream call a test arranges. Coalescing stays on, as in production.
  CACHE_TTL_MS: "0",
  // Batched UID reads through search have their own tests (test/search.test.ts, which turns them
  // on); elsewhere a batch is one profile call per UID, as the call counts there assert.
  BATCH_VIA_SEARCH_MIN: "0",
  ...(SIGNED_RUN ? { LOGINRADIUS_REQUEST_SIGNING: "true" } : {}),
};

/** In a signed run, the proxy's verdict once the stack closes: the secret on the wire fails the file. */
const checkCapture = async (capture: Capture): Promise<void> => {
  const file = process.env.TEST_SIGNING_CAPTURE_FILE;
  if (file) {
    const { appendFile } = await import("node:fs/promises");
    await appendFile(
      file,
      `${JSON.stringify({ file: expect.getState().testPath ?? null, ...capture })}\n`,
    );
  }
  if (capture.occurrences > 0)
    throw new Error(
      `The API secret went upstream ${capture.occurrences} times in ${capture.withNeedle} of ${capture.requests} requests of a signed run.`,
    );
};

/** The emulator and the service, both in-process on port 0. */
export const startStack = async (options: StackOptions = {}): Promise<Stack> => {
  const lr = await startEmulator({
    ...(SIGNED_RUN ? { requireSigning: true } : {}),
    ...options.emulator,
  });
  const proxy: RecordingProxy | undefined =
    SIGNED_RUN || options.record
      ? await startRecordingProxy(lr.url, lr.emulator.apiSecret, options.record)
      : undefined;
  const config = readConfig({ ...TEST_ENV, ...options.env });
  const audit: AuditEntry[] = [];
  const auditLines: AuditEntry[] = [];
  const app = await createAppServer(
    { ...config, upstream: { ...config.upstream, ...options.upstream } },
    {
      upstream: {
        apiUrl: proxy?.url ?? lr.url,
        apiKey: lr.emulator.apiKey,
        apiSecret: lr.emulator.apiSecret,
        ...options.target,
      },
      logger: options.logger ?? silentLogger,
      metrics: createMetrics({ defaultMetrics: false }),
      ...(options.sections ? { sections: options.sections } : {}),
      audit:
        options.audit ??
        (config.auditLogFile !== null
          ? undefined
          : {
              write: (entry) => {
                auditLines.push(entry);
                if (entry.phase === "outcome") audit.push(entry);
              },
              close: () => {},
            }),
    },
  );
  await app.start();
  const server = await listen(app.handler, 0);
  const calls = async (): Promise<CallRecord[]> => (await lr.control("GET", "/calls")).body.calls;
  return {
    url: server.url,
    lr,
    capture: proxy?.capture,
    audit,
    auditLines,
    async gql(query, variables, gqlOptions = {}) {
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(gqlOptions.token ? { authorization: `Bearer ${gqlOptions.token}` } : {}),
          ...gqlOptions.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    calls,
    routes: async () => (await calls()).map((c) => c.route ?? ""),
    async reset() {
      await lr.control("POST", "/reset");
    },
    async close() {
      await server.close();
      await app.stop();
      await proxy?.close();
      await lr.close();
      if (proxy && SIGNED_RUN) await checkCapture(proxy.capture);
    },
  };
};
