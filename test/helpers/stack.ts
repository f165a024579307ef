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
};

/** The emulator and the service, both in-process on port 0. */
export const startStack = async (options: StackOptions = {}): Promise<Stack> => {
  const lr = await startEmulator(options.emulator);
  const config = readConfig({ ...TEST_ENV, ...options.env });
  const audit: AuditEntry[] = [];
  const auditLines: AuditEntry[] = [];
  const app = await createAppServer(
    { ...config, upstream: { ...config.upstream, ...options.upstream } },
    {
      apiUrl: lr.url,
      apiKey: lr.emulator.apiKey,
      apiSecret: lr.emulator.apiSecret,
      ...options.target,
    },
    {
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
      await lr.close();
    },
  };
};
