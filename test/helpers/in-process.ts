import { readConfig } from "../../src/config.js";
import type { AppContext, Connect } from "../../src/context.js";
import type { AuditSink } from "../../src/graphql/audit/index.js";
import type { AnySection } from "../../src/graphql/section.js";
import { silentLogger } from "../../src/log.js";
import { createMetrics } from "../../src/metrics.js";
import { type AppServer, createAppServer } from "../../src/server.js";
import { TEST_ENV } from "./stack.js";

export interface InProcessOptions {
  /** Each section's client: doubles (see accountsClientDouble). */
  connect: Connect;
  sections?: readonly AnySection[];
  /** Where audit lines go; default nowhere. */
  audit?: AuditSink;
}

export interface InProcess {
  server: AppServer;
  /** Runs one operation in process with a fresh request context; no HTTP, no emulator. */
  run(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary result shapes
    data?: any;
    // biome-ignore lint/suspicious/noExplicitAny: extensions vary by code
    errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: any }[];
    context: AppContext;
  }>;
}

/**
 * The service in process, made by the one factory (`createAppServer`): the real schema, limits,
 * formatter, audit trail and plugins, each section's client given by the test. Operations run
 * through Apollo's `executeOperation`, so resolver tests need no HTTP server and no emulator.
 */
export const startInProcess = async (options: InProcessOptions): Promise<InProcess> => {
  const server = await createAppServer(readConfig(TEST_ENV), {
    connect: options.connect,
    ...(options.sections ? { sections: options.sections } : {}),
    logger: silentLogger,
    metrics: createMetrics({ defaultMetrics: false }),
    audit: options.audit ?? { write: () => {}, close: () => {} },
  });
  await server.start();
  return {
    server,
    async run(query, variables) {
      const context = server.context();
      const response = await server.apollo.executeOperation(
        { query, ...(variables ? { variables } : {}) },
        { contextValue: context },
      );
      if (response.body.kind !== "single") throw new Error("expected a single result");
      const { data, errors } = response.body.singleResult;
      return { data, ...(errors ? { errors } : {}), context };
    },
  };
};
