import { readConfig } from "../../src/config.js";
import type { AppContext, Connect } from "../../src/context.js";
import { createLimits } from "../../src/graphql/limits/index.js";
import { costTableOf } from "../../src/graphql/policy/index.js";
import type { AnySection } from "../../src/graphql/section.js";
import { silentLogger } from "../../src/log.js";
import { createMemoryRateLimitStore } from "../../src/ratelimit/store.js";
import { buildAppSchema } from "../../src/schema.js";
import { SECTIONS } from "../../src/sections.js";
import { type AppServer, createServer } from "../../src/server.js";
import { TEST_ENV } from "./stack.js";

export interface InProcessOptions {
  /** Each section's client: doubles (see accountsClientDouble). */
  connect: Connect;
  sections?: readonly AnySection[];
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
 * The service in process: the real schema, limits, formatter and plugins, each section's client
 * given by the test. Operations run through Apollo's `executeOperation`, so resolver tests need
 * no HTTP server and no emulator.
 */
export const startInProcess = async (options: InProcessOptions): Promise<InProcess> => {
  const sections = options.sections ?? SECTIONS;
  const config = readConfig(TEST_ENV);
  const schema = await buildAppSchema({ sections });
  const server = createServer({
    schema,
    connect: options.connect,
    sections,
    logger: silentLogger,
    introspection: true,
    limits: createLimits({
      config: config.limits,
      costs: costTableOf(schema),
      blockSuggestions: false,
      logger: silentLogger,
      store: createMemoryRateLimitStore(),
    }),
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
