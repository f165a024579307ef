import { randomUUID } from "node:crypto";
import { ANONYMOUS_ALL_SCOPES, type Caller } from "./graphql/caller.js";
import {
  type AnySection,
  createProfileChanges,
  type RequestContext,
  type RequestStats,
} from "./graphql/section.js";
import type { BatchSizes } from "./graphql/selective-loader.js";
import type { LoginRadiusHttp, RequestScope } from "./loginradius/http.js";
import { SECTIONS, type SectionClients, type SectionSlices } from "./sections.js";

export type { RequestStats };

/**
 * What every resolver gets: the request (id, caller, counters) and each section's slice. Made
 * fresh for each request: loaders cache only within one request, so one caller never sees
 * another's data and nothing goes stale across requests.
 */
export type AppContext = RequestContext &
  SectionSlices & {
    /** The response is sent: ends the request's deadline (see LoginRadiusHttp.scope). */
    end(): void;
  };

/**
 * Each section's client for one request, by section name. The real one binds the adapter to the
 * request (`http.scope`): calls carry the request id to LoginRadius, count into `stats`, and
 * share one deadline (`REQUEST_TIMEOUT_MS`), after which pending fields fail with
 * UPSTREAM_TIMEOUT. In-process tests give doubles instead.
 */
export type Connect = (scope: RequestScope) => {
  clients: Readonly<Record<string, unknown>>;
  end(): void;
};

/** Clients over the LoginRadius adapter for every section in the list. */
export const connectSections =
  (http: LoginRadiusHttp, sections: readonly AnySection[] = SECTIONS): Connect =>
  (scope) => {
    const bound = http.scope(scope);
    return {
      clients: Object.fromEntries(sections.map((s) => [s.name, s.createClient(http, bound)])),
      end: bound.end,
    };
  };

/** A client for a section a test gave no double for: any use of it fails loudly. */
const absentClient = (section: string): unknown =>
  new Proxy(
    {},
    {
      get: (_, method) => () =>
        Promise.reject(new Error(`no test double given for ${section}.${String(method)}`)),
    },
  );

/**
 * A Connect that always answers with the given clients (test doubles); a section left out gets
 * a client whose every method fails, so a test names only the sections it exercises.
 */
export const connectDoubles =
  (clients: Partial<SectionClients>, sections: readonly AnySection[] = SECTIONS): Connect =>
  () => ({
    clients: {
      ...Object.fromEntries(sections.map((s) => [s.name, absentClient(s.name)])),
      ...clients,
    },
    end: () => {},
  });

export interface ContextOptions {
  requestId?: string;
  caller?: Caller;
  batchSizes?: BatchSizes;
  sections?: readonly AnySection[];
}

/** The context of one request: the base, then each section's slice over its client. */
export const createContext = (connect: Connect, options: ContextOptions = {}): AppContext => {
  const requestId = options.requestId ?? randomUUID();
  const stats: RequestStats = { upstreamCalls: 0 };
  const { clients, end } = connect({ requestId, stats });
  const sections: readonly AnySection[] = options.sections ?? SECTIONS;
  const profiles = createProfileChanges();
  const slices = sections.map((section) =>
    section.createSlice(clients[section.name], options.batchSizes, profiles),
  );
  return Object.assign(
    { requestId, caller: options.caller ?? ANONYMOUS_ALL_SCOPES, stats, end },
    ...slices,
  ) as AppContext;
};
