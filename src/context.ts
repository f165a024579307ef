import { randomUUID } from "node:crypto";
import type { AuditTrail } from "./graphql/audit/index.js";
import { ANONYMOUS_ALL_SCOPES, type Caller } from "./graphql/caller.js";
import {
  type AnySection,
  createProfileChanges,
  type ProfileChanges,
  type RequestContext,
  type RequestStats,
  type WriteRecord,
} from "./graphql/section.js";
import type { BatchSizes } from "./graphql/selective-loader.js";
import { bindHttp } from "./loginradius/bound-http.js";
import type { LoginRadiusHttp, RequestScope } from "./loginradius/http.js";
import { SECTIONS, type SectionClients, type SectionSlices } from "./sections.js";
import type { SpanScope } from "./tracing/tracing.js";

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
    /** Where audited fields record intent and outcome (src/graphql/audit/); absent: unaudited. */
    audit?: AuditTrail;
  };

/**
 * Each section's client for one request, by section name. The real one binds the adapter to the
 * request (`http.scope`): calls carry the request id to LoginRadius, count into `stats`, and
 * share one deadline (`REQUEST_TIMEOUT_MS`), after which pending fields fail with
 * UPSTREAM_TIMEOUT; `end()` clears that deadline once the response is sent. In-process tests
 * give doubles instead.
 */
export type Connect = (scope: RequestScope) => {
  client(section: string): unknown;
  end(): void;
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
 * Clients over the LoginRadius adapter for every section in the list. The request's scope is
 * bound here, once: its deadline starts, and every section's client calls through that one
 * binding (the clients neither hold nor pass a scope). A section with its own upstream (search:
 * its own base URL and quota) gets that adapter bound to the same scope.
 */
export const connectSections = (
  http: LoginRadiusHttp,
  sections: readonly AnySection[] = SECTIONS,
  upstreams: Readonly<Record<string, { http: LoginRadiusHttp }>> = {},
): Connect => {
  const byName = new Map(sections.map((s) => [s.name, s]));
  return (scope) => {
    const bound = http.scope(scope);
    const core = bindHttp(http, bound);
    return {
      client: (name) => {
        const section = byName.get(name);
        if (!section) return undefined;
        if (section.upstream === undefined) return section.createClient(core);
        const own = upstreams[section.upstream];
        // A test over the bare adapter gives no search upstream: that section's calls fail loudly.
        return own === undefined
          ? absentClient(`${name} (no ${section.upstream} upstream given)`)
          : section.createClient({ ...own, http: bindHttp(own.http, bound) });
      },
      end: bound.end,
    };
  };
};

/**
 * A Connect that always answers with the given clients (test doubles, by section name, a test's
 * own sections too); a section left out gets a client whose every method fails, so a test names
 * only the sections it exercises.
 */
export const connectDoubles =
  (clients: Partial<SectionClients> & Readonly<Record<string, unknown>>): Connect =>
  () => ({
    client: (name) => clients[name] ?? absentClient(name),
    end: () => {},
  });

export interface ContextOptions {
  /** The service's own id; default a new UUID. */
  requestId?: string;
  /** The request's span when tracing is on. */
  trace?: SpanScope;
  clientRequestId?: string;
  /** Cache-Control: no-cache: upstream reads skip the read cache (RequestScope.fresh). */
  fresh?: boolean;
  audit?: AuditTrail;
  caller?: Caller;
  batchSizes?: BatchSizes;
  sections?: readonly AnySection[];
  /** The process's record of recent writes (search freshness); absent: this request's only. */
  writes?: WriteRecord;
}

const STATE = Symbol("context state");

interface LazyState {
  sections: readonly AnySection[];
  connection: ReturnType<Connect>;
  batchSizes: BatchSizes | undefined;
  profiles: ProfileChanges;
  slices: Record<string, unknown>;
}

/** A section's slice, made now: `{ [section.name]: repository }`, as section.ts asks. */
const sliceOf = (section: AnySection, state: LazyState): unknown => {
  const slice = section.createSlice(
    state.connection.client(section.name),
    state.batchSizes,
    state.profiles,
    { bulkProfiles: () => bulkOf(state) },
  ) as Record<string, unknown>;
  const keys = Object.keys(slice);
  if (keys.length !== 1 || keys[0] !== section.name)
    throw new Error(`Section ${section.name}'s slice must be { ${section.name}: repository }.`);
  return slice[section.name];
};

const sliceIn = (section: AnySection, state: LazyState): unknown => {
  if (!(section.name in state.slices)) state.slices[section.name] = sliceOf(section, state);
  return state.slices[section.name];
};

/** The first section offering bulk profile reads, over its slice of this request. */
const bulkOf = (state: LazyState) => {
  const provider = state.sections.find((s) => s.bulkProfiles);
  return provider?.bulkProfiles?.({ [provider.name]: sliceIn(provider, state) });
};

/**
 * The prototype of the contexts over a list of sections: a getter per section that makes its
 * client and slice on first use and keeps them for the request. An operation touches one or two
 * sections; making all of them for every request (clients, repositories, loaders) was a tenth
 * of what a profile read allocated. Cached per list: all contexts of a server share one shape.
 */
const shapes = new WeakMap<readonly AnySection[], object>();
const shapeOf = (sections: readonly AnySection[]): object => {
  const known = shapes.get(sections);
  if (known) return known;
  const shape = {};
  for (const section of sections)
    Object.defineProperty(shape, section.name, {
      enumerable: true,
      get(this: { [STATE]: LazyState }) {
        return sliceIn(section, this[STATE]);
      },
    });
  shapes.set(sections, shape);
  return shape;
};

/** The context of one request: the base, and each section's slice over its client when used. */
export const createContext = (connect: Connect, options: ContextOptions = {}): AppContext => {
  const requestId = options.requestId ?? randomUUID();
  const stats: RequestStats = { upstreamCalls: 0 };
  const connection = connect({
    requestId,
    stats,
    ...(options.trace ? { trace: options.trace } : {}),
    ...(options.fresh ? { fresh: true } : {}),
  });
  const state: LazyState = {
    sections: options.sections ?? SECTIONS,
    connection,
    batchSizes: options.batchSizes,
    profiles: createProfileChanges(options.writes),
    slices: {},
  };
  return Object.assign(Object.create(shapeOf(options.sections ?? SECTIONS)), {
    requestId,
    ...(options.clientRequestId ? { clientRequestId: options.clientRequestId } : {}),
    ...(options.audit ? { audit: options.audit } : {}),
    caller: options.caller ?? ANONYMOUS_ALL_SCOPES,
    stats,
    ...(options.trace ? { trace: options.trace } : {}),
    end: connection.end,
    [STATE]: state,
  }) as AppContext;
};
