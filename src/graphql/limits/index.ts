import type { ApolloServerPlugin } from "@apollo/server";
import type { FormattedExecutionResult, ParseOptions, ValidationRule } from "graphql";
import type { Logger } from "../../log.js";
import type { Metrics } from "../../metrics.js";
import { createRedisRateLimitStore, withFallback } from "../../ratelimit/redis.js";
import { createMemoryRateLimitStore, type RateLimitStore } from "../../ratelimit/store.js";
import type { RequestContext } from "../section.js";
import { budgetPlugin } from "./budget.plugin.js";
import { callerSlotsPlugin } from "./caller-slots.js";
import type { CostTable } from "./cost.js";
import {
  createDocumentCaches,
  type DocumentCaches,
  documentRefusal,
  oversizeQueryRefusal,
  type Refusal,
} from "./documents.js";
import type { LimitsConfig, RateLimitConfig } from "./limits.config.js";
import { armorProtection, limitCodesPlugin } from "./operation-rules.js";
import { capResponseBytes, countRefusals } from "./result-limits.js";

export { documentRefusal, persistedQueryRefusal, type Refusal } from "./documents.js";

/** What Apollo Server takes from the limits: spread into its constructor options. */
export interface LimitsApolloOptions
  extends Pick<DocumentCaches, "persistedQueries" | "documentStore"> {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<RequestContext>[];
  parseOptions: ParseOptions;
  allowBatchedHttpRequests: false;
  /** Serializes each answer, sending RESPONSE_TOO_LARGE instead of one over MAX_RESPONSE_BYTES. */
  stringifyResult: (result: FormattedExecutionResult) => string;
}

export interface Limits {
  apollo: LimitsApolloOptions;
  /** Whether APQ is on (for the pre-check of malformed APQ requests). */
  apq: boolean;
  /** The checks before parsing (query size and nesting, malformed APQ); null: hand to Apollo. */
  precheck(method: string, body: unknown, search: URLSearchParams): Refusal | null;
  /** The query-size check on a JSON body's bytes, before they become a string. */
  prescan(body: Uint8Array): Refusal | null;
}

/**
 * The token buckets every limit draws from (the callers' budgets here, the outbound limit in the
 * adapter): Redis when REDIS_URL is set, falling back to this process's memory when Redis fails.
 */
export const createRateLimitStore = (config: RateLimitConfig, logger: Logger): RateLimitStore =>
  config.redisUrl
    ? withFallback(
        createRedisRateLimitStore({
          url: config.redisUrl,
          keyPrefix: config.redisKeyPrefix,
        }),
        createMemoryRateLimitStore(),
        logger,
      )
    : createMemoryRateLimitStore();

export interface LimitsOptions {
  config: LimitsConfig;
  /** Every section's cost table, merged. */
  costs: CostTable;
  /** Hide "Did you mean ...?" (true whenever introspection is off). */
  blockSuggestions: boolean;
  logger: Logger;
  metrics?: Metrics;
  /** Shared buckets; closed when the server stops. */
  store: RateLimitStore;
}

/**
 * Everything that refuses an operation before it runs: token limit at parse, depth, aliases and
 * directives at validation, cost and side-effect budgets and the caller's rate limit once the
 * operation is resolved; plus the bounded document caches. Builds objects only: the Redis
 * store connects on its first decision.
 */
export const createLimits = (options: LimitsOptions): Limits => {
  const { config } = options;
  const armor = armorProtection(config.operation, options.blockSuggestions);
  const caches = createDocumentCaches(config.documents);
  const counted = (code: string) => options.metrics?.rejected.labels(code).inc();
  return {
    apq: config.documents.apq,
    precheck: (method, body, search) => documentRefusal(config.documents, method, body, search),
    prescan: (body) => oversizeQueryRefusal(config.documents, body),
    apollo: {
      validationRules: armor.validationRules,
      plugins: [
        ...(config.rateLimit.maxInflight > 0
          ? [callerSlotsPlugin(config.rateLimit.maxInflight)]
          : []),
        ...(armor.plugins as ApolloServerPlugin<RequestContext>[]),
        limitCodesPlugin(counted) as ApolloServerPlugin<RequestContext>,
        countRefusals(counted) as ApolloServerPlugin<RequestContext>,
        budgetPlugin({
          table: options.costs,
          limits: config.operation,
          rateLimit: config.rateLimit,
          store: options.store,
        }),
      ],
      parseOptions: { maxTokens: config.operation.maxTokens },
      persistedQueries: caches.persistedQueries,
      documentStore: caches.documentStore,
      allowBatchedHttpRequests: false,
      stringifyResult: capResponseBytes(config.operation.maxResponseBytes, counted),
    },
  };
};
