import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import type { GqlOptions, Stack } from "./stack.js";

/** A GraphQL answer whose `data` has the document's result type. */
export interface TypedResponse<TResult> {
  status: number;
  data?: TResult | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Runs a typed document (codegen's client preset) over HTTP: the variables are checked against
 * the operation's variables type at compile time, and `data` comes back with its result type.
 */
export const runTyped = async <TResult, TVariables extends Record<string, unknown>>(
  stack: Stack,
  document: TypedDocumentNode<TResult, TVariables>,
  ...[variables, options]: TVariables extends Record<string, never>
    ? [variables?: TVariables, options?: GqlOptions]
    : [variables: TVariables, options?: GqlOptions]
): Promise<TypedResponse<TResult>> =>
  (await stack.gql(print(document), variables, options)) as TypedResponse<TResult>;
