import type { stitchSchemas } from "@graphql-tools/stitch";
import { buildSchema, type ExecutionResult, type GraphQLSchema, print } from "graphql";

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
 * Account Graph as a `@graphql-tools/stitch` subschema whose `Account` merges by `uid` through
 * `accountsByUids`: the keys of one execution level go in one `accountsByUids(uids: [...])`
 * call, and Account Graph's loaders make one LoginRadius call per distinct UID.
 */
export const accountGraphSubschema = (options: AccountGraphSubschemaOptions): SubschemaConfig => ({
  // With merged types the other service owns the `Account` object (it knows the UID): for a UID
  // Account Graph does not know, the object keeps its `uid` and Account Graph's fields are null,
  // with no error, since every Account field but `uid` is nullable as declared.
  schema: buildSchema(options.sdl, { assumeValidSDL: true }),
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
