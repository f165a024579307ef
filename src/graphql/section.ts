import type { ErrorRows, FieldErrorRows } from "../errors.js";
import type { BoundHttp } from "../loginradius/bound-http.js";
import type { EndpointTable } from "../loginradius/endpoints.js";
import type { SpanScope } from "../tracing/tracing.js";
import type { Caller } from "./caller.js";
import type { EntityTypes } from "./federation/entity.js";
import type { BatchSizes } from "./selective-loader.js";
import type { FieldRenames } from "./upstream-fields.js";

/** Per-request counters: the adapter counts upstream calls, the operation log reports them. */
export interface RequestStats {
  upstreamCalls: number;
  /** Reads answered from the shared read cache (src/cache/), and those that missed it. */
  cacheHits?: number;
  cacheMisses?: number;
  /** The oldest cached answer served, in ms. */
  cacheAgeMs?: number;
  /** Reads this request asked the adapter for (sent or waiting): its second and later are bulk. */
  upstreamAsked?: number;
}

/** What every request's context holds whatever the sections: who calls, which request. */
export interface RequestContext {
  /** The service's own id for the request: logs, the audit trail and LoginRadius key on it. */
  requestId: string;
  /** The caller's `X-Request-Id`, when plainly an id: recorded beside ours, never in its place. */
  clientRequestId?: string;
  caller: Caller;
  stats: RequestStats;
  /** The request's span, when tracing is on (src/tracing/): operation spans hang under it. */
  trace?: SpanScope;
}

/**
 * One request's "this account's profile changed" notices between sections' repositories, told
 * before a write is sent (its outcome may stay unknown) and after it. Each notice also goes to
 * the process's record of recent writes, which search reads (src/search/recent-writes.ts).
 */
export interface ProfileChanges {
  changed(uid: string): void;
  onChange(listener: (uid: string) => void): void;
  /** Written within the search index's lag, by this request or (the record) any other. */
  isRecent(uid: string): boolean;
}

/** Where profile-change notices outlive the request (the process's, or a fleet's, record). */
export interface WriteRecord {
  wrote(uid: string): void;
  isRecent(uid: string): boolean;
}

export const createProfileChanges = (record?: WriteRecord): ProfileChanges => {
  const listeners: ((uid: string) => void)[] = [];
  const mine = new Set<string>();
  return {
    changed: (uid) => {
      mine.add(uid);
      record?.wrote(uid);
      for (const listener of listeners) listener(uid);
    },
    onChange: (listener) => {
      listeners.push(listener);
    },
    isRecent: (uid) => mine.has(uid) || (record?.isRecent(uid) ?? false),
  };
};

/**
 * Reads of one key each that a section may answer in bulk (search answers a batch of UIDs with
 * one call): `single` is the key's own call, used when the bulk read does not answer it.
 */
export interface BulkReads<P> {
  read(key: string, fields: string, single: () => Promise<P>): Promise<P>;
}

/** What a slice may ask of the request's other sections, without importing them. */
export interface SliceLinks {
  /** Bulk profile reads by UID, when a section offers them (search); else undefined. */
  bulkProfiles(): BulkReads<unknown> | undefined;
}

/**
 * One LoginRadius section of the service (Accounts, Roles...), as its folder's `index.ts` exports
 * it. src/sections.ts lists them; the schema, the context, the server, error formatting and the
 * scope catalogue read that list, never a section's files.
 */
export interface Section<
  Name extends string = string,
  Client = unknown,
  Slice = unknown,
  Upstream = BoundHttp,
> {
  readonly name: Name;
  /**
   * The adapter its client is made over, by name in the server's `upstreams` (search has its own
   * base URL and quota); absent: the core LoginRadius adapter.
   */
  readonly upstream?: string;
  /** Its type-graphql resolver classes. */
  // biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
  readonly resolvers: readonly Function[];
  /**
   * Its endpoint table: the one definition of its upstream calls, from which its client, its
   * test double and its rows of docs/endpoint-coverage.md are made.
   */
  readonly endpoints: EndpointTable;
  /**
   * Its client over the adapter as bound to one request (id, deadline, call count): the context
   * binds the request's scope once and hands that binding to every section's client (a section
   * with its own `upstream` gets it with its own adapter bound to the same scope).
   */
  createClient(http: Upstream): Client;
  /**
   * Its slice of the request context, `{ [name]: repository }` (a repository over the client),
   * made on the request's first use of `ctx[name]` (src/context.ts). A repository whose write
   * changes an account's profile tells `profiles`; the one that caches profiles listens, so no
   * resolver has to make another section forget.
   */
  createSlice(
    client: Client,
    batchSizes?: BatchSizes,
    profiles?: ProfileChanges,
    links?: SliceLinks,
  ): Slice;
  /** Offers bulk profile reads by UID from its slice (SliceLinks.bulkProfiles). */
  bulkProfiles?(slice: Slice): BulkReads<unknown>;
  /** LoginRadius `ErrorCode` -> GraphQL error, for the codes its endpoints answer. */
  readonly errorRows: ErrorRows;
  /** Codes that mean something narrower when they name one field (a role still in use). */
  readonly fieldErrorRows?: FieldErrorRows;
  /** LoginRadius body keys -> its input fields, so `Errors[].FieldName` names our fields. */
  readonly fieldRenames: FieldRenames;
  /**
   * Its scopes (`accounts:read` -> what it allows); every root field names one in its `@Policy`,
   * which also carries the field's cost, side effect and audit (src/graphql/policy/).
   */
  readonly scopes: Readonly<Record<string, string>>;
  /**
   * Its types other services refer to by key (each also carries `@Directive('@key(...)')`):
   * Federation's `_entities` and the cost table read them. Optional: most types have no key.
   */
  readonly entities?: EntityTypes;
}

/** Any section, whatever its client and slice (a list of sections is read through this). */
// biome-ignore lint/suspicious/noExplicitAny: each section's adapter type is its own
export type AnySection = Section<string, unknown, unknown, any>;

type ClientOf<S> = S extends Section<string, infer C, unknown> ? C : never;
type SliceOf<S> = S extends Section<string, unknown, infer T> ? T : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** Each section's client, by section name: what a test double replaces. */
export type ClientsOf<L extends readonly AnySection[]> = {
  [S in L[number] as S["name"]]: ClientOf<S>;
};

/** The intersection of the sections' context slices: what resolvers see besides RequestContext. */
export type SlicesOf<L extends readonly AnySection[]> = Intersect<SliceOf<L[number]>>;
