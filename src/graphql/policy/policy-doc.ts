import type { GraphQLSchema } from "graphql";
import { subjectPlanOf } from "../audit/audit.subject.js";
import type { UpstreamCost } from "./field-policy.js";
import { auditedFieldsOf, type PolicyRow, policyRows } from "./policy-table.js";

/**
 * docs/field-policy.md, rendered from the built schema: each field's `@Policy` as a reader looks
 * it up (by field, by scope, by side effect). `npm run docs:policy` writes it;
 * test/field-policy-doc.test.ts fails when the file and the code drift apart.
 */
const code = (text: string) => `\`${text}\``;

const describeCost = (cost: UpstreamCost | undefined): string => {
  if (cost === undefined) return "none (reads what its parent read)";
  if (cost === "each-run") return "1 call each time it runs";
  if ("says" in cost) return cost.says;
  if ("eachRun" in cost)
    return `1 call each time it runs; a page of ${code(cost.itemsArg)} items (else ${cost.assumedItems})`;
  if ("perParent" in cost) {
    const by = (cost.perParentArgs ?? []).map(code).join(", ");
    return `1 call per parent object${by ? ` and ${by}` : ""}`;
  }
  if (cost.keyArgs.length === 0) return `1 call per request (${code(cost.loader)})`;
  const keys = ` (${cost.keyArgs.map(code).join(", ")})`;
  const items = cost.assumedItems ? `; a list counted as ${cost.assumedItems} items` : "";
  return `1 call per distinct ${code(cost.loader)} key${keys}, shared by the request${items}`;
};

/** `_entities` checks each entity type's scope (src/graphql/federation/subgraph.ts). */
const namesEntityScope = (row: PolicyRow, scope: string) =>
  Object.values((row.field.extensions.scopes ?? {}) as Record<string, string>).includes(scope);

const scopeOf = (row: PolicyRow): string => {
  if (row.policy.scope) return code(row.policy.scope);
  const entities = row.field.extensions.scopes as Record<string, string> | undefined;
  if (entities)
    return Object.entries(entities)
      .map(([type, scope]) => `${code(scope)} for ${code(type)}`)
      .join(", ");
  const guard = row.field.extensions.readScope;
  return typeof guard === "string" ? `${code(guard)} (its type's)` : "none (like introspection)";
};

const auditOf = (row: PolicyRow, audited: ReadonlySet<string>): string => {
  if (!audited.has(row.coordinate)) return "";
  const kind = row.policy.audit === "secret-read" ? "secret read" : "act";
  // A secret read also names the object it is read from (audit.schema.ts: the parent's uid).
  const parent = row.root ? [] : [`${code("uid")} (the parent's)`];
  const keys = [...parent, ...subjectPlanOf(row.field).map((leaf) => code(leaf.key))];
  return `${kind}${keys.length > 0 ? `: ${keys.join(", ")}` : ""}`;
};

/** A Markdown table with padded columns, as the repository's formatter (Biome) lays them out. */
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string => {
  const cells = [head, ...rows].map((r) => r.map((c) => c.replaceAll("|", "\\|")));
  const widths = head.map((_, i) => Math.max(3, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) =>
    `| ${widths.map((w, i) => (r[i] ?? "").padEnd(w)).join(" | ")} |`;
  const [first = [], ...rest] = cells;
  return [line(first), line(widths.map((w) => "-".repeat(w))), ...rest.map(line)].join("\n");
};

/** The whole document, from the schema and the scope catalogue (scope -> what it allows). */
export const renderFieldPolicy = (
  schema: GraphQLSchema,
  scopes: Readonly<Record<string, string>>,
): string => {
  const rows = policyRows(schema).sort((a, b) => a.coordinate.localeCompare(b.coordinate));
  const audited = auditedFieldsOf(schema);
  const byScope = Object.entries(scopes).map(([scope, allows]) => [
    code(scope),
    allows,
    rows
      .filter((r) => r.policy.scope === scope || namesEntityScope(r, scope))
      .map((r) => code(r.coordinate))
      .join(", "),
  ]);
  const effects = rows.flatMap((r) =>
    r.policy.sideEffect ? [[code(r.coordinate), r.policy.sideEffect]] : [],
  );
  return `${[
    "# Field policy",
    "",
    "<!-- Generated from the schema by `npm run docs:policy` (src/graphql/policy/policy-doc.ts); do not edit. -->",
    "",
    "Each field's policy is declared once, on the field (`@Policy({ scope, cost, sideEffect, audit })`);",
    "this page, the cost table, the audit trail and the tests' field lists are read from the built schema.",
    "A field of section data without a scope of its own needs its type's read scope (`@ReadGuard`).",
    "Audit: every mutation is an act (intent line before the call, outcome after); a secret read is",
    "audited the same way. The identifiers a line records come from the field's argument types.",
    "",
    "## Fields",
    "",
    table(
      ["Field", "Scope", "Upstream calls", "Side effect", "Audit"],
      rows.map((r) => [
        code(r.coordinate),
        scopeOf(r),
        describeCost(r.policy.cost),
        r.policy.sideEffect ?? "",
        auditOf(r, audited),
      ]),
    ),
    "",
    "## Scopes",
    "",
    table(["Scope", "Allows", "Fields that name it"], byScope),
    "",
    "## Side effects",
    "",
    "Counted per execution against `MAX_SIDE_EFFECTS` (a refusal carries `extensions.sideEffects`).",
    "",
    table(["Field", "What it does"], effects),
  ].join("\n")}\n`;
};
