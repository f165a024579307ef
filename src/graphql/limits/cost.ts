import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";

export type FieldArgs = Record<string, unknown>;

/**
 * What one field may cost upstream. A field absent from the table costs nothing: it reshapes
 * what its parent already read. Every field with a resolver that calls LoginRadius has a row.
 */
export interface FieldCost {
  /**
   * The per-request loader keys the field reads, namespaced by loader (`byUid:ada`): one call per
   * distinct key in the whole operation, as the DataLoaders de-duplicate; each key is one item
   * of the answer. Without it, the field makes one call each time it resolves.
   */
  loaderKeys?: (args: FieldArgs) => readonly string[];
  /** One call per distinct parent object, shared like a loader keyed by the parent (UID). */
  perParent?: boolean;
  /**
   * With `perParent`: arguments that make a different call on the same parent (a custom
   * object's name), so aliases with other values are counted apart.
   */
  perParentArgs?: readonly string[];
  /** Items a list answer is assumed to hold when the arguments do not tell. */
  assumedItems?: number;
  /** Items the answer holds as its arguments say (a connection's `first`); over `assumedItems`. */
  itemsOf?: (args: FieldArgs) => number;
  /** What the field sends or mints (email, SMS, token): counts against MAX_SIDE_EFFECTS. */
  sideEffect?: string;
}

/** Costs keyed by schema coordinate (`Query.accountsByUids`); each section contributes one. */
export type CostTable = Readonly<Record<string, FieldCost>>;

export interface OperationCost {
  /** Upper bound of LoginRadius calls the operation may make. */
  upstreamCalls: number;
  /** Field executions that send an email or SMS or mint a token. */
  sideEffects: number;
}

/** A document too large to cost within `maxVisits` selections is refused like an expensive one. */
export class CostTooComplexError extends Error {
  constructor() {
    super("The operation has too many selections to estimate its cost.");
    this.name = "CostTooComplexError";
  }
}

interface Walk {
  schema: GraphQLSchema;
  table: CostTable;
  variables: FieldArgs;
  fragments: Map<string, FragmentDefinitionNode>;
  calls: Set<string>;
  sideEffects: Set<string>;
  visits: number;
  maxVisits: number;
}

/** Whether `@skip`/`@include` keep the selection, with the operation's variables. */
export const included = (node: SelectionNode, variables: FieldArgs): boolean =>
  getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;

/** The field's coerced arguments, or none when they do not coerce. */
export const argsOf = (
  def: GraphQLField<unknown, unknown>,
  node: SelectionNode,
  vars: FieldArgs,
) => {
  try {
    return node.kind === Kind.FIELD ? getArgumentValues(def, node, vars) : {};
  } catch {
    // Arguments that do not coerce fail the field at execution, before any call.
    return {};
  }
};

export const fieldsOf = (type: GraphQLCompositeType) =>
  isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};

/**
 * `parents` are identities of the objects the selection set resolves on: loader keys where
 * known (`byUid:ada`), response paths otherwise. A field's calls are keyed on them, so what the
 * loaders would share is counted once and what runs per object is counted per object.
 */
const walk = (
  w: Walk,
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  parents: readonly string[],
): void => {
  for (const node of set.selections) {
    w.visits += 1;
    if (w.visits > w.maxVisits) throw new CostTooComplexError();
    if (!included(node, w.variables)) continue;
    if (node.kind === Kind.INLINE_FRAGMENT || node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = node.kind === Kind.INLINE_FRAGMENT ? node : w.fragments.get(node.name.value);
      if (!fragment) continue;
      const on = fragment.typeCondition
        ? w.schema.getType(fragment.typeCondition.name.value)
        : type;
      if (on && isCompositeType(on)) walk(w, fragment.selectionSet, on, parents);
      continue;
    }
    const def = fieldsOf(type)[node.name.value];
    if (!def) continue;
    const responseKey = node.alias?.value ?? node.name.value;
    const coordinate = `${type.name}.${node.name.value}`;
    const rule = w.table[coordinate];
    let items = parents.map((p) => `${p}/${responseKey}`);
    if (rule) {
      if (rule.loaderKeys) items = [...rule.loaderKeys(argsOf(def, node, w.variables))];
      else if (rule.perParent) {
        const args = rule.perParentArgs ? argsOf(def, node, w.variables) : {};
        const which = (rule.perParentArgs ?? []).map((a) => JSON.stringify(args[a])).join(",");
        items = parents.map((p) => `${coordinate}(${which})@${p}`);
      }
      for (const key of items) {
        w.calls.add(key);
        if (rule.sideEffect) w.sideEffects.add(key);
      }
      const n = rule.itemsOf ? rule.itemsOf(argsOf(def, node, w.variables)) : rule.assumedItems;
      if (n) items = items.flatMap((i) => Array.from({ length: n }, (_, k) => `${i}[${k}]`));
    }
    const child = getNamedType(def.type);
    if (node.selectionSet && isCompositeType(child)) walk(w, node.selectionSet, child, items);
  }
};

/** The variables as execution will coerce them; null when they do not coerce (nothing runs). */
export const coerceVariables = (
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: FieldArgs | undefined,
): FieldArgs | null => {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], raw ?? {});
  return coerced.errors ? null : coerced.coerced;
};

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Raw request variables; coerced here as execution will coerce them. */
  variables: FieldArgs | undefined;
  /** The variables already coerced (`coerceVariables`): a long list is then coerced once. */
  coerced?: FieldArgs;
  table: CostTable;
  /** Selections visited at most (fragment re-use multiplies them); beyond: CostTooComplexError. */
  maxVisits?: number;
}

/**
 * The operation's upstream calls and side effects, from the validated document and the
 * variables, before execution. An upper bound: it assumes every field resolves and every list
 * is as long as its arguments say (or its `assumedItems`). Variables that do not coerce cost
 * nothing: execution then fails before any resolver runs.
 */
export const operationCost = (input: CostInput): OperationCost => {
  const { schema, document, operation } = input;
  const variables = input.coerced ?? coerceVariables(schema, operation, input.variables);
  if (!variables) return { upstreamCalls: 0, sideEffects: 0 };
  const root =
    operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root || operation.operation === "subscription") return { upstreamCalls: 0, sideEffects: 0 };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const w: Walk = {
    schema,
    table: input.table,
    variables,
    fragments,
    calls: new Set(),
    sideEffects: new Set(),
    visits: 0,
    maxVisits: input.maxVisits ?? 20_000,
  };
  walk(w, operation.selectionSet, root, ["$"]);
  return { upstreamCalls: w.calls.size, sideEffects: w.sideEffects.size };
};
