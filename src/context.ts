import { randomUUID } from "node:crypto";
import { AccountLoaders, type BatchSizes } from "./accounts/account.loaders.js";
import { ANONYMOUS_ALL_SCOPES, type Caller } from "./graphql/caller.js";
import type { AccountsClient } from "./loginradius/accounts.client.js";

/**
 * What every resolver gets. Made fresh for each request: loaders cache only within one request,
 * so one caller never sees another's data and nothing goes stale across requests.
 */
export interface AppContext {
  requestId: string;
  caller: Caller;
  /** Per-request counters: the adapter counts upstream calls, the operation log reports them. */
  stats: RequestStats;
  client: AccountsClient;
  loaders: AccountLoaders;
}

export interface RequestStats {
  upstreamCalls: number;
}

/**
 * The context of one request. The client is bound to the request when it can be
 * (`forRequest`): its calls carry the request id to LoginRadius, count into `stats`, and share
 * one deadline (`REQUEST_TIMEOUT_MS`), after which pending fields fail with UPSTREAM_TIMEOUT.
 */
export const createContext = (
  client: AccountsClient,
  requestId: string = randomUUID(),
  caller: Caller = ANONYMOUS_ALL_SCOPES,
  batchSizes?: BatchSizes,
): AppContext => {
  const stats: RequestStats = { upstreamCalls: 0 };
  const scoped = client.forRequest?.({ requestId, stats }) ?? client;
  return {
    requestId,
    caller,
    stats,
    client: scoped,
    loaders: new AccountLoaders(scoped, batchSizes),
  };
};
