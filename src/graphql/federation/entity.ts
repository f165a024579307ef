import type { GraphQLResolveInfo } from "graphql";
import type { Scope } from "../auth/scopes.js";

/** What the gateway sends for one entity: its type name and its `@key` fields. */
export type Representation = { readonly __typename: string } & Readonly<Record<string, unknown>>;

/**
 * A section type other services refer to by key (Federation `@key`, a stitching merge key).
 * The type itself carries `@Directive('@key(fields: "...")')`; this says how to load one.
 */
export interface EntityType<Context = never> {
  /** The scope reading it needs, checked once per `_entities` request before any call. */
  readonly scope: Scope;
  /**
   * One representation -> the object, through the request's loaders (so N representations
   * over K distinct keys cost K calls), or null when nothing has that key: no error.
   */
  resolveReference(
    representation: Representation,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<unknown>;
  /** The loader key a representation reads (`byUid:ada`), shared with the cost table's keys. */
  loaderKey(representation: Representation): string;
}

/** Entity types by GraphQL type name. */
export type EntityTypes = Readonly<Record<string, EntityType<never>>>;
