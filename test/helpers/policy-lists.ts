import type { GraphQLSchema } from "graphql";
import { auditedFieldsOf, policyRows } from "../../src/graphql/policy/index.js";

/**
 * The lists tests used to keep by hand, read from the built schema's `@Policy` declarations: a
 * new section's fields join them with no edit here (test/section-added.test.ts proves it).
 */

/** `Query.accountByUid`, `Mutation.createAccount`...: every root field, each with its policy. */
export const rootFieldsOf = (schema: GraphQLSchema): string[] =>
  policyRows(schema)
    .filter((row) => row.root)
    .map((row) => row.coordinate);

export interface ScopeCase {
  /** `Query.accountByUid`; `Query._entities(Account)` for one entity type of `_entities`. */
  coordinate: string;
  /** The field's name, as it appears in an error's path. */
  field: string;
  scope: string;
}

/** Every field guarded by a scope of its own, with that scope; `_entities` once per entity type. */
export const scopeCasesOf = (schema: GraphQLSchema): ScopeCase[] =>
  policyRows(schema).flatMap(({ coordinate, field, policy }) => {
    if (policy.scope) return [{ coordinate, field: field.name, scope: policy.scope }];
    const entities = (field.extensions.scopes ?? {}) as Record<string, string>;
    return Object.entries(entities).map(([type, scope]) => ({
      coordinate: `${coordinate}(${type})`,
      field: field.name,
      scope,
    }));
  });

/** Fields that send or mint something (counted against MAX_SIDE_EFFECTS), with what they do. */
export const sideEffectsOf = (schema: GraphQLSchema): Record<string, string> =>
  Object.fromEntries(
    policyRows(schema).flatMap(({ coordinate, policy }) =>
      policy.sideEffect ? [[coordinate, policy.sideEffect]] : [],
    ),
  );

/** Fields behind the audit trail: every mutation and every declared secret read. */
export const auditedOf = (schema: GraphQLSchema): string[] => [...auditedFieldsOf(schema)];

/** The table rows of a Markdown page as trimmed cells (`| a | b |` -> ["a", "b"]). */
export const tableRowsOf = (markdown: string): string[][] =>
  markdown
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );

/** The first cell of each table row: the coordinates (and scopes) a page lists. */
export const listedIn = (markdown: string): Set<string> =>
  new Set(tableRowsOf(markdown).map((row) => (row[0] ?? "").replaceAll("`", "")));
