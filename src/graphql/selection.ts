import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
} from "graphql";

/**
 * Field selection pushdown: the upstream keys a selection needs, sent as LoginRadius's `fields`
 * parameter so it sends only what was asked. A section supplies its own field -> keys table and
 * the keys its loaders index by; this file knows nothing of any section's fields.
 */

/** A set of upstream keys; compare and send with `fieldsParam`. */
export type KeySet = ReadonlySet<string>;

/** GraphQL field name -> the upstream keys it is read from (none for fields with their own call). */
export type FieldKeys = Readonly<Record<string, readonly string[]>>;

const collect = (
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  out: Set<string>,
): void => {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      collect(selection.selectionSet, fragments, out);
    else collect(fragments[selection.name.value]?.selectionSet, fragments, out);
  }
};

/** The sub-selection of `path` (e.g. `["account"]` inside a payload) under each node. */
const descend = (
  nodes: readonly FieldNode[],
  path: readonly string[],
  fragments: Record<string, FragmentDefinitionNode>,
): FieldNode[] => {
  let current: FieldNode[] = [...nodes];
  for (const name of path) {
    const next: FieldNode[] = [];
    const visit = (set: SelectionSetNode | undefined) => {
      for (const s of set?.selections ?? []) {
        if (s.kind === Kind.FIELD && s.name.value === name) next.push(s);
        else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
        else if (s.kind === Kind.FRAGMENT_SPREAD) visit(fragments[s.name.value]?.selectionSet);
      }
    };
    for (const node of current) visit(node.selectionSet);
    current = next;
  }
  return current;
};

/** The names of the fields selected under this field (or under `path` inside it), fragments included. */
export const selectedFields = (
  info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">,
  path: readonly string[] = [],
): Set<string> => {
  const names = new Set<string>();
  for (const node of descend(info.fieldNodes, path, info.fragments))
    collect(node.selectionSet, info.fragments, names);
  return names;
};

/**
 * The upstream keys a selection needs: `always` (what the loaders key on) plus each selected
 * field's keys. A selected field missing from the table adds nothing.
 */
export const keysOf = (
  fields: Iterable<string>,
  table: FieldKeys,
  always: readonly string[],
): KeySet => {
  const keys = new Set<string>(always);
  for (const name of fields) for (const key of table[name] ?? []) keys.add(key);
  return keys;
};

/** The `fields` value for a key set: sorted, so the same selection always sends the same text. */
export const fieldsParam = (keys: KeySet): string => [...keys].sort().join(",");
