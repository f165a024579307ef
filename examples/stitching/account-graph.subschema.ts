import type { stitchSchemas } from "@graphql-tools/stitch";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import {
  buildSchema,
  type ExecutionResult,
  type GraphQLSchema,
  isNonNullType,
  print,
} from "graphql";

type SubschemaEntry = NonNullable<Parameters<typeof stitchSchemas>[0]["subschemas"]>[number];

/** A subschema as `stitchSchemas({ subschemas })` takes it: schema, executor, merge config. */
export type SubschemaConfig = Exclude<SubschemaEntry, GraphQLSchema | readonly unknown[]>;

/** Runs one operation on a subschema (generic in its result type, which the wire cannot check). */
export type Executor = NonNullable<SubschemaConfig["executor"]>;

export interface AccountGraphSubschemaOptions {
  /** Account Graph's endpoint, e.g. `https://accounts.internal/graphql`. */
  url: string;
  /** Account Graph's published schema.graphql (no introspection needed at the gateway). */
  sdl: string;
  /** Headers for each request to Account Graph from the gateway's context: forward the caller's bearer token. */
  headers?: (context: unknown) => Record<string, string>;
}

/**
 * With merged types the other service owns the `Account` object (it knows the UID): when
 * Account Graph has no such account (`accountsByUids` answers null for it), the object stays
 * with only its `uid`, so Account's non-null fields (`roles`, `emails`) would fail with
 * "Cannot return null for non-nullable field". In the gateway's view they are nullable: an
 * unknown UID gives no error, and every Account Graph field of that account is null.
 */
const nullableAccountFields = (schema: GraphQLSchema): GraphQLSchema =>
  mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, _name, typeName) =>
      typeName === "Account" && isNonNullType(field.type)
        ? { ...field, type: field.type.ofType }
        : field,
  });

/**
 * Account Graph as a `@graphql-tools/stitch` subschema whose `Account` merges by `uid` through
 * `accountsByUids`: the keys of one execution level go in one `accountsByUids(uids: [...])`
 * call, and Account Graph's loaders make one LoginRadius call per distinct UID.
 */
export const accountGraphSubschema = (options: AccountGraphSubschemaOptions): SubschemaConfig => ({
  schema: nullableAccountFields(buildSchema(options.sdl, { assumeValidSDL: true })),
  executor: (async ({ document, variables, context }) => {
    const res = await fetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...options.headers?.(context) },
      body: JSON.stringify({ query: print(document), variables }),
    });
    return (await res.json()) as ExecutionResult;
  }) as Executor,
  merge: {
    Account: {
      selectionSet: "{ uid }",
      fieldName: "accountsByUids",
      key: ({ uid }: { uid: string }) => uid,
      argsFromKeys: (uids: readonly string[]) => ({ uids }),
    },
  },
});
