import "reflect-metadata";
import { accounts } from "./accounts/index.js";
import { customObjects } from "./custom-objects/index.js";
import type { ErrorRow, ErrorRows, FieldErrorRows } from "./errors.js";
import type { EntityTypes } from "./graphql/federation/index.js";
import type { AnySection, ClientsOf, SlicesOf } from "./graphql/section.js";
import type { ErrorTable } from "./graphql/upstream-errors.js";
import type { FieldRenames } from "./graphql/upstream-fields.js";
import { identities } from "./identities/index.js";
import { endpointErrorRowsOf } from "./loginradius/endpoints.js";
import { roles } from "./roles/index.js";
import { search } from "./search/index.js";
import { security } from "./security/index.js";
import { tokens } from "./tokens/index.js";

/**
 * The service's LoginRadius sections: the one list the schema, the context, the server, error
 * formatting and the scope catalogue read (each field's scope, cost, side effect and audit are
 * declared on the field and read back from the built schema: src/graphql/policy/). Adding a section is one line
 * here plus its own folder (see docs/adding-a-section.md).
 */
export const SECTIONS = [
  accounts,
  roles,
  customObjects,
  security,
  tokens,
  identities,
  search,
] as const;

export type Sections = typeof SECTIONS;

/** Each section's client, by section name (what an in-process test replaces with a double). */
export type SectionClients = ClientsOf<Sections>;

/** The intersection of every section's context slice. */
export type SectionSlices = SlicesOf<Sections>;

const merge = <T>(
  list: readonly AnySection[],
  pick: (s: AnySection) => Readonly<Record<string, T>>,
) => Object.assign({}, ...list.map(pick)) as Record<string, T>;

/** Field rows merged per code: two sections may each narrow 1134 by a field of their own. */
const fieldRowsOf = (list: readonly AnySection[]): FieldErrorRows => {
  const merged: Record<number, Record<string, ErrorRow>> = {};
  for (const section of list)
    for (const [code, byField] of Object.entries(section.fieldErrorRows ?? {}))
      merged[Number(code)] = { ...merged[Number(code)], ...byField };
  return merged;
};

/** The merged error table (rows, field rows, renames, endpoint-own rows) of a list of sections. */
export const errorTableOf = (list: readonly AnySection[] = SECTIONS): ErrorTable => ({
  rows: merge(list, (s) => s.errorRows) as ErrorRows,
  fieldRows: fieldRowsOf(list),
  renames: merge(list, (s) => s.fieldRenames) as FieldRenames,
  byEndpoint: merge(list, (s) => endpointErrorRowsOf(s.endpoints)),
});

/** Every scope of a list of sections -> what it allows. */
export const scopesOf = (list: readonly AnySection[] = SECTIONS): Record<string, string> =>
  merge(list, (s) => s.scopes);

/** The entity types (Federation `@key`) of a list of sections, by type name. */
export const entitiesOf = (list: readonly AnySection[] = SECTIONS): EntityTypes =>
  merge(list, (s) => s.entities ?? {});

/** The scope names every section declares, for checking configured tokens. */
export const SCOPE_NAMES: readonly string[] = Object.keys(scopesOf());
