import type { ApolloServerPlugin } from "@apollo/server";
import {
  type DocumentNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { ErrorCodes } from "../../errors.js";
import {
  argsOf,
  type CostTable,
  CostTooComplexError,
  type FieldArgs,
  fieldsOf,
  included,
} from "./cost.js";

/*
 * What an operation returns is work too: 64 aliases of `accountsByUids` over one UID repeated
 * 100 times make one upstream call (the loaders share it) but 6,400 profiles to complete,
 * serialize and send. Upstream cost cannot see that; these limits do. Repeated inputs are
 * counted, not folded: a GraphQL list answers one item per input item, so 100 copies of a UID
 * are 100 profiles in the answer however few calls they make.
 */

interface ItemWalk {
  schema: GraphQLSchema;
  table: CostTable;
  variables: FieldArgs;
  fragments: Map<string, FragmentDefinitionNode>;
  items: number;
  visits: number;
  maxVisits: number;
}

const isList = (type: GraphQLOutputType): boolean =>
  isListType(isNonNullType(type) ? type.ofType : type);

/** Items in the list arguments: each one is coerced, validated and (usually) answered. */
const listArgumentItems = (args: FieldArgs): number => {
  let n = 0;
  for (const value of Object.values(args)) if (Array.isArray(value)) n += value.length;
  return n;
};

/**
 * How many items a list field answers with: its cost row's `assumedItems`, else as many as its
 * list arguments hold (`accountsByUids(uids:)`, `_entities(representations:)`, `createRoles`),
 * else one (a list LoginRadius sizes, such as an account's emails; MAX_RESPONSE_BYTES bounds
 * those at the end). A list right under a connection whose cost row has `itemsOf` holds that
 * many instead (`searchAccounts(first: 1000) { edges }`: 1,000 edges).
 */
const listLength = (table: CostTable, coordinate: string, args: FieldArgs): number =>
  table[coordinate]?.assumedItems ?? Math.max(1, listArgumentItems(args));

/**
 * Adds `multiplicity` x (the field's value(s) + its list-argument items) for every field, and
 * walks into objects with the multiplicity of their list. Plain numbers, no per-object keys, so
 * counting 6,400 profiles costs as much as counting one.
 */
const walkItems = (
  w: ItemWalk,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  multiplicity: number,
  page?: number,
): void => {
  for (const node of set.selections) {
    w.visits += 1;
    if (w.visits > w.maxVisits) throw new CostTooComplexError();
    if (!included(node, w.variables)) continue;
    if (node.kind !== Kind.FIELD) {
      const fragment = node.kind === Kind.INLINE_FRAGMENT ? node : w.fragments.get(node.name.value);
      if (!fragment) continue;
      const on = fragment.typeCondition
        ? w.schema.getType(fragment.typeCondition.name.value)
        : type;
      if (on && isCompositeType(on)) walkItems(w, fragment.selectionSet, on, multiplicity, page);
      continue;
    }
    const def = fieldsOf(type)[node.name.value];
    if (!def) {
      w.items += multiplicity; // __typename
      continue;
    }
    const args = argsOf(def, node, w.variables);
    const coordinate = `${type.name}.${def.name}`;
    const list = isList(def.type);
    const n = list ? (page ?? listLength(w.table, coordinate, args)) : 1;
    w.items += multiplicity * (n + listArgumentItems(args));
    // A connection (`searchAccounts(first:)`) is one object whose lists (`edges`) hold a page.
    const sized = list ? undefined : w.table[coordinate]?.itemsOf?.(args);
    const child = getNamedType(def.type);
    if (node.selectionSet && isCompositeType(child))
      walkItems(w, node.selectionSet, child, multiplicity * n, sized);
  }
};

export interface ItemsInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Coerced variables (`coerceVariables`). */
  variables: FieldArgs;
  /** The merged cost table, for its `assumedItems`. */
  table: CostTable;
  /** Selections visited at most; beyond: CostTooComplexError. */
  maxVisits?: number;
}

/**
 * Values the operation may put in its answer, plus the items of its list arguments, counted
 * from the document and the variables before execution: every field of every object once per
 * object, every list item once. An upper bound for what the arguments size (repeated UIDs and
 * representations included), an estimate for lists LoginRadius sizes. Fields selected again
 * through fragments count again.
 */
export const operationItems = (input: ItemsInput): number => {
  const { schema, operation } = input;
  const root =
    operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root || operation.operation === "subscription") return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of input.document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const w: ItemWalk = {
    schema,
    table: input.table,
    variables: input.variables,
    fragments,
    items: 0,
    visits: 0,
    maxVisits: input.maxVisits ?? 20_000,
  };
  walkItems(w, operation.selectionSet, root, 1);
  return w.items;
};

/**
 * The serialized answer, or, when it is over `maxBytes`, a typed error in its place (Apollo's
 * `stringifyResult`): a query whose lists LoginRadius sized beyond the item estimate still
 * cannot send an unbounded answer. The status stays what Apollo chose (200 once executed).
 */
export const capResponseBytes =
  (maxBytes: number, onRefused?: (code: string) => void) =>
  (result: FormattedExecutionResult): string => {
    const text = JSON.stringify(result);
    // UTF-8 takes 1 to 3 bytes per UTF-16 unit: count the bytes only when the length cannot tell.
    const bytes = text.length * 3 <= maxBytes ? text.length : Buffer.byteLength(text);
    if (bytes <= maxBytes) return text;
    onRefused?.(ErrorCodes.RESPONSE_TOO_LARGE);
    const error = new GraphQLError(
      `The answer is larger than ${maxBytes} bytes; select fewer fields or fewer items.`,
      { extensions: { code: ErrorCodes.RESPONSE_TOO_LARGE, limit: maxBytes } },
    );
    return JSON.stringify({ errors: [error.toJSON()] });
  };

/**
 * Counts RESULT_LIMIT_EXCEEDED refusals with the other limits' (operation-rules.ts counts the
 * codes it knows; RESPONSE_TOO_LARGE is counted where it is decided, in `capResponseBytes`).
 */
export const countRefusals = (onRefused: (code: string) => void): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors)
          if (error.extensions?.code === ErrorCodes.RESULT_LIMIT_EXCEEDED)
            onRefused(ErrorCodes.RESULT_LIMIT_EXCEEDED);
      },
    };
  },
});
