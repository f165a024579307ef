import type { z } from "zod";
import type { CachePart } from "../cache/invalidation.js";
import type { ErrorRows } from "../errors.js";
import type { CallInput, Endpoint, HttpMethod } from "./http.js";

/**
 * A section's endpoint table is the only place one of its upstream calls is written down: the
 * wire (method, path, retry, answer schema, what to check first, how the arguments become path,
 * query, body and headers) and its row in docs/endpoint-coverage.md. The client's type
 * (`ClientOf`), its implementation (`clientOver`), its test double (endpoint-double.ts) and the
 * coverage document (scripts/endpoint-coverage.ts) are all read off the table.
 */

/** One row of docs/endpoint-coverage.md that a table row contributes. */
export interface Coverage {
  /** The coverage section when not the table's own (the Accounts update that unlocks). */
  section?: string;
  /** What tells apart operations sharing a method and path (`?email=`, `{authenticator: true}`). */
  toldApartBy?: string;
  /**
   * The official Node SDK method (`accountApi.createAccount`), or why there is none. May be left
   * out only where another section's row has the same method, path and qualifier (it is merged).
   */
  sdk?: string;
  /** The LoginRadius API reference entry under `customer-identity-api/`, or why there is none. */
  reference?: string;
  /** Said after the reference: what the docs leave open (an UNCONFIRMED choice). */
  note?: string;
  /** The schema coordinates that make this call (`Query.accountByUid`). */
  graph: readonly string[];
  /** Said after the coordinates, or in their place when there are none (why not exposed). */
  graphNote?: string;
}

/** How a client method's arguments become one call: what the row needs besides its wire facts. */
export interface CallSpec<A extends unknown[], S extends z.ZodType> {
  /** Whether a repeat is harmless (`Endpoint.retry`). */
  retry: boolean;
  /** The wire schema of a successful answer. */
  answer: S;
  /** The method's arguments -> path parameters, query, body, headers. Default: none. */
  input?: (...args: A) => CallInput;
  /** `Endpoint.checkFirst`: what to check before repeating it when its outcome is unknown. */
  checkFirst?: string;
  /** `Endpoint.keyOnly`: an Authentication API call, sent without the API secret. */
  keyOnly?: boolean;
  /** `Endpoint.cache`: the cache part a read's answer belongs to (src/cache/); absent: never shared. */
  cache?: CachePart;
  /**
   * `ErrorCode` -> GraphQL error for this endpoint alone, over its section's rows: a code whose
   * meaning here is the endpoint's own (908 on the search's `?next=` is an expired cursor; on
   * other endpoints, a malformed parameter). Section rows merge across sections; these do not.
   */
  errors?: ErrorRows;
  /** Its coverage row(s); several where one call serves documented operations told apart by body. */
  covers: Coverage | readonly Coverage[];
}

/** A client method that makes one call. */
export interface CallRow<A extends unknown[] = never, S extends z.ZodType = z.ZodType> {
  readonly kind: "call";
  readonly endpoint: Endpoint<S>;
  readonly input: (...args: A) => CallInput;
  readonly coverage: readonly Coverage[];
  /** `CallSpec.errors`: this endpoint's own error rows. */
  readonly errors?: ErrorRows;
}

/** A client method that picks one of several calls by an argument (an authenticator kind). */
export interface VariantRow<
  A extends unknown[] = never,
  K extends string = string,
  S extends z.ZodType = z.ZodType,
> {
  readonly kind: "variants";
  readonly pick: (...args: A) => K;
  readonly variants: Readonly<Record<K, CallRow<A, S>>>;
}

/** A documented endpoint the service does not call: a coverage row and nothing else. */
export interface DocRow {
  readonly kind: "documented";
  readonly method: HttpMethod;
  readonly path: string;
  readonly coverage: readonly Coverage[];
}

// biome-ignore lint/suspicious/noExplicitAny: a row of any arguments; ClientOf reads them back
export type AnyRow = CallRow<any, z.ZodType> | VariantRow<any, string, z.ZodType> | DocRow;

/** A section's endpoints by client method name, and the coverage section they belong to. */
export interface EndpointTable<T extends Record<string, AnyRow> = Record<string, AnyRow>> {
  /** The section's name in docs/endpoint-coverage.md (`Accounts`, `Account Security`). */
  readonly section: string;
  readonly rows: T;
}

type MethodOf<R> =
  R extends CallRow<infer A, infer S>
    ? (...args: A) => Promise<z.infer<S>>
    : R extends VariantRow<infer A, string, infer S>
      ? (...args: A) => Promise<z.infer<S>>
      : never;

/** The client a table describes: one method per call row, returning its parsed answer. */
export type ClientOf<T extends EndpointTable> = {
  [K in keyof T["rows"] as T["rows"][K] extends DocRow ? never : K]: MethodOf<T["rows"][K]>;
};

const listOf = (covers: Coverage | readonly Coverage[]): readonly Coverage[] =>
  Array.isArray(covers) ? (covers as readonly Coverage[]) : [covers as Coverage];

const noInput = (): CallInput => ({});

/**
 * The row makers of a table whose paths share one documented base (`/identity/v2/manage/account`).
 * The endpoint object holds exactly what the adapter reads, as before tables carried docs.
 */
export const endpointsUnder = (base: string) => ({
  call: <A extends unknown[], S extends z.ZodType>(
    method: HttpMethod,
    path: string,
    spec: CallSpec<A, S>,
  ): CallRow<A, S> => ({
    kind: "call",
    endpoint: {
      method,
      path: `${base}${path}`,
      retry: spec.retry,
      schema: spec.answer,
      ...(spec.checkFirst === undefined ? {} : { checkFirst: spec.checkFirst }),
      ...(spec.keyOnly ? { keyOnly: true } : {}),
      ...(spec.cache === undefined ? {} : { cache: spec.cache }),
    },
    input: spec.input ?? (noInput as (...args: A) => CallInput),
    coverage: listOf(spec.covers),
    ...(spec.errors ? { errors: spec.errors } : {}),
  }),
  documented: (
    method: HttpMethod,
    path: string,
    covers: Coverage | readonly Coverage[],
  ): DocRow => ({ kind: "documented", method, path: `${base}${path}`, coverage: listOf(covers) }),
});

/** A method that sends the call `pick` names among `variants` (each with the same arguments). */
export const variants = <A extends unknown[], K extends string, S extends z.ZodType>(
  pick: (...args: A) => K,
  rows: Readonly<Record<K, CallRow<A, S>>>,
): VariantRow<A, K, S> => ({ kind: "variants", pick, variants: rows });

/** A section's table; `as const`-like inference of the rows keeps each method's own types. */
export const endpointTable = <T extends Record<string, AnyRow>>(
  section: string,
  rows: T,
): EndpointTable<T> => ({ section, rows });

/** Every call row of a table (a variant row's variants each), by method name. */
export const callsOf = (table: EndpointTable): [string, CallRow<unknown[]>][] =>
  Object.entries(table.rows).flatMap(([name, row]): [string, CallRow<unknown[]>][] =>
    row.kind === "call"
      ? [[name, row as CallRow<unknown[]>]]
      : row.kind === "variants"
        ? Object.entries(row.variants).map(([k, v]) => [`${name}.${k}`, v as CallRow<unknown[]>])
        : [],
  );

/** The method names of a table's client (its call and variant rows). */
export const methodsOf = (table: EndpointTable): string[] =>
  Object.entries(table.rows)
    .filter(([, row]) => row.kind !== "documented")
    .map(([name]) => name);

/**
 * A table's endpoint-own error rows, by the name an UpstreamError carries (`GET /identity`):
 * what the error table consults before the merged section rows.
 */
export const endpointErrorRowsOf = (table: EndpointTable): Record<string, ErrorRows> =>
  Object.fromEntries(
    callsOf(table).flatMap(([, row]) =>
      row.errors ? [[`${row.endpoint.method} ${row.endpoint.path}`, row.errors]] : [],
    ),
  );
