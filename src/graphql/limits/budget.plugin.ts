import { type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { type ErrorCode, ErrorCodes } from "../../errors.js";
import type { RateLimitStore } from "../../ratelimit/store.js";
import type { RequestContext } from "../section.js";
import { type CostTable, CostTooComplexError, type OperationCost, operationCost } from "./cost.js";
import type { OperationLimits, RateLimitConfig } from "./limits.config.js";

const refusal = (
  code: ErrorCode,
  message: string,
  status: number,
  extra: Record<string, unknown> = {},
  headers: [string, string][] = [],
): GraphQLError =>
  new GraphQLError(message, {
    extensions: { code, ...extra, http: { status, headers: new HeaderMap(headers) } },
  });

/** Whole seconds, at least 1; a bucket that can never fill says one hour. */
const clampRetryAfter = (seconds: number): number =>
  Number.isFinite(seconds) ? Math.min(3600, Math.max(1, Math.ceil(seconds))) : 3600;

const rateLimited = (what: string, seconds: number): GraphQLError => {
  const retryAfterSeconds = clampRetryAfter(seconds);
  return refusal(
    ErrorCodes.RATE_LIMITED,
    `This caller's ${what} budget is spent; retry in ${retryAfterSeconds} s.`,
    429,
    { retryAfterSeconds },
    [["retry-after", String(retryAfterSeconds)]],
  );
};

/**
 * Per caller name: operations per second and upstream cost per second, token buckets in `store`
 * (memory, or Redis shared by replicas). Throws RATE_LIMITED (HTTP 429, Retry-After).
 */
export const admitCaller = async (
  store: RateLimitStore,
  config: RateLimitConfig,
  caller: string,
  cost: number,
): Promise<void> => {
  if (config.opsPerSecond > 0) {
    const ops = await store.take(`ops:${caller}`, 1, {
      perSecond: config.opsPerSecond,
      burst: config.opsBurst,
    });
    if (!ops.allowed) throw rateLimited("operation", ops.retryAfterSeconds);
  }
  if (config.costPerSecond > 0 && cost > 0) {
    const calls = await store.take(`cost:${caller}`, cost, {
      perSecond: config.costPerSecond,
      burst: config.costBurst,
    });
    if (!calls.allowed) throw rateLimited("upstream-call", calls.retryAfterSeconds);
  }
};

const checkBudgets = (cost: OperationCost, limits: OperationLimits): void => {
  // The more specific refusal first: 500 reset emails are a side-effect flood before a cost one.
  if (cost.sideEffects > limits.maxSideEffects)
    throw refusal(
      ErrorCodes.SIDE_EFFECT_LIMIT_EXCEEDED,
      `This operation sends or mints ${cost.sideEffects} emails, SMS or tokens; at most ${limits.maxSideEffects} are allowed per operation.`,
      400,
      { sideEffects: cost.sideEffects, limit: limits.maxSideEffects },
    );
  if (cost.upstreamCalls > limits.maxUpstreamCost)
    throw refusal(
      ErrorCodes.COST_LIMIT_EXCEEDED,
      `This operation may make ${cost.upstreamCalls} LoginRadius calls; at most ${limits.maxUpstreamCost} are allowed per operation.`,
      400,
      { cost: cost.upstreamCalls, limit: limits.maxUpstreamCost },
    );
};

export interface BudgetOptions {
  table: CostTable;
  limits: OperationLimits;
  rateLimit: RateLimitConfig;
  store: RateLimitStore;
}

/**
 * The cost and side-effect budgets, then the caller's rate limit, once the operation is known
 * and before it executes (Apollo's `didResolveOperation`: an error thrown here is the whole
 * response and no resolver runs). Closes the rate-limit store when the server stops.
 */
export const budgetPlugin = (options: BudgetOptions): ApolloServerPlugin<RequestContext> => ({
  async serverWillStart() {
    return {
      async serverWillStop() {
        await options.store.close();
      },
    };
  },
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request, contextValue }) {
        if (!operation) return; // Apollo answers an unknown operation name itself
        let cost: OperationCost;
        try {
          cost = operationCost({
            schema,
            document,
            operation,
            variables: request.variables,
            table: options.table,
          });
        } catch (error) {
          if (!(error instanceof CostTooComplexError)) throw error;
          throw refusal(ErrorCodes.COST_LIMIT_EXCEEDED, error.message, 400);
        }
        checkBudgets(cost, options.limits);
        await admitCaller(
          options.store,
          options.rateLimit,
          contextValue.caller.name,
          cost.upstreamCalls,
        );
      },
    };
  },
});
