import { type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { type ErrorCode, ErrorCodes } from "../../errors.js";
import { retryAfterToSend } from "../../http/retry-after.js";
import type { RateLimitStore } from "../../ratelimit/store.js";
import { tracedAsync } from "../../tracing/tracing.js";
import { callerKey } from "../caller.js";
import type { RequestContext } from "../section.js";
import {
  type CostTable,
  CostTooComplexError,
  coerceVariables,
  type OperationCost,
  operationCost,
} from "./cost.js";
import type { OperationLimits, RateLimitConfig } from "./limits.config.js";
import { operationItems } from "./result-limits.js";

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

const rateLimited = (what: string, seconds: number): GraphQLError => {
  const retryAfterSeconds = retryAfterToSend(seconds);
  return refusal(
    ErrorCodes.RATE_LIMITED,
    `This caller's ${what} budget is spent; retry in ${retryAfterSeconds} s.`,
    429,
    { retryAfterSeconds },
    [["retry-after", String(retryAfterSeconds)]],
  );
};

type Bucket = "ops" | "items" | "cost";

const BUCKET_NAMES: Readonly<Record<Bucket, string>> = {
  ops: "operation",
  items: "result-item",
  cost: "upstream-call",
};

const rateOf = (config: RateLimitConfig, bucket: Bucket) =>
  bucket === "ops"
    ? { perSecond: config.opsPerSecond, burst: config.opsBurst }
    : bucket === "items"
      ? { perSecond: config.itemsPerSecond, burst: config.itemsBurst }
      : { perSecond: config.costPerSecond, burst: config.costBurst };

/** Takes `amount` from one of the caller's buckets; a rate of 0 turns that bucket off. */
const take = async (
  store: RateLimitStore,
  config: RateLimitConfig,
  bucket: Bucket,
  caller: string,
  amount: number,
): Promise<void> => {
  const rate = rateOf(config, bucket);
  if (rate.perSecond <= 0 || amount <= 0) return;
  const taken = await store.take(`${bucket}:${caller}`, amount, rate);
  if (!taken.allowed) throw rateLimited(BUCKET_NAMES[bucket], taken.retryAfterSeconds);
};

/**
 * Per caller (`caller` is its callerKey: kind and name, so a JWT `sub` never shares a token's
 * buckets): operations per second, result items per second (what answers cost this process,
 * whatever they cost upstream) and upstream cost per second, token buckets in `store`
 * (memory, or Redis shared by replicas). Throws RATE_LIMITED (HTTP 429, Retry-After).
 */
export const admitCaller = async (
  store: RateLimitStore,
  config: RateLimitConfig,
  caller: string,
  cost: number,
  items = 0,
): Promise<void> => {
  await take(store, config, "ops", caller, 1);
  await take(store, config, "items", caller, items);
  await take(store, config, "cost", caller, cost);
};

const checkItems = (items: number, limits: OperationLimits): void => {
  if (items > limits.maxResultItems)
    throw refusal(
      ErrorCodes.RESULT_LIMIT_EXCEEDED,
      `This operation may answer with ${items} values (list items, fields of each object and list-argument items counted); at most ${limits.maxResultItems} are allowed per operation.`,
      400,
      { items, limit: limits.maxResultItems },
    );
};

/** A document too large to count or cost is refused like an expensive one. */
const counted = <T>(count: () => T): T => {
  try {
    return count();
  } catch (error) {
    if (!(error instanceof CostTooComplexError)) throw error;
    throw refusal(ErrorCodes.COST_LIMIT_EXCEEDED, error.message, 400);
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
 * Once the operation is known and before it executes (Apollo's `didResolveOperation`: an error
 * thrown here is the whole response and no resolver runs), cheapest first, so a refusal costs
 * little: the caller's operation rate; the result items (plain arithmetic) against
 * MAX_RESULT_ITEMS and the caller's item rate; only then the cost walk, which keys every object
 * it reaches, against the side-effect and cost budgets and the caller's cost rate. A refused
 * operation stays charged to the buckets it passed. Closes the rate-limit store when the
 * server stops.
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
    const { store, rateLimit, limits, table } = options;
    return {
      async didResolveOperation({ schema, document, operation, request, contextValue }) {
        if (!operation) return; // Apollo answers an unknown operation name itself
        // As the request's `budget` span when traced: what it counted, or the refusal's code.
        await tracedAsync(contextValue.trace, "budget", async (span) => {
          const caller = callerKey(contextValue.caller);
          await take(store, rateLimit, "ops", caller, 1);
          const coerced = coerceVariables(schema, operation, request.variables);
          // Variables that do not coerce fail the operation before any resolver runs.
          if (!coerced) return;
          const input = { schema, document, operation, table };
          const items = counted(() => operationItems({ ...input, variables: coerced }));
          span?.setAttribute("account_graph.result_items", items);
          checkItems(items, limits);
          await take(store, rateLimit, "items", caller, items);
          const cost = counted(() => operationCost({ ...input, variables: undefined, coerced }));
          span?.setAttributes({
            "account_graph.upstream_cost": cost.upstreamCalls,
            "account_graph.side_effects": cost.sideEffects,
          });
          checkBudgets(cost, limits);
          await take(store, rateLimit, "cost", caller, cost.upstreamCalls);
        });
      },
    };
  },
});
