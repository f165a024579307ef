import { GraphQLError } from "graphql";
import { ErrorCodes } from "../../errors.js";
import type { EntityTypes, Representation } from "./entity.js";

/** Long enough for any real type name; a caller's junk is not echoed whole. */
const SHOWN_NAME_CHARS = 64;

const describe = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "a list" : `a ${typeof value}`;

/**
 * Why one `_entities` representation names no entity type of ours, or null when it does. An
 * unknown type and a type without `@key` (`Role`) get the same answer, so `_entities` does not
 * tell which type names exist where introspection is off.
 */
const problemOf = (value: unknown, index: number, entities: EntityTypes): string | null => {
  const expected = `expected one of: ${Object.keys(entities).join(", ")}`;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return `representation ${index} is ${describe(value)}, not an object with a __typename; ${expected}.`;
  const name = (value as Record<string, unknown>).__typename;
  if (typeof name !== "string")
    return `representation ${index} has no __typename string; ${expected}.`;
  if (Object.hasOwn(entities, name)) return null;
  const shown = JSON.stringify(name.slice(0, SHOWN_NAME_CHARS));
  return `representation ${index} names ${shown}, which is not an entity type of this service; ${expected}.`;
};

/**
 * Every representation names an entity type (`Account`), checked before any scope check or
 * upstream call: a bad one is the caller's mistake (BAD_USER_INPUT naming the first problem),
 * not the INTERNAL_SERVER_ERROR `@apollo/subgraph` would throw.
 */
export const checkTypenames = (
  representations: unknown,
  entities: EntityTypes,
): readonly Representation[] => {
  const list = Array.isArray(representations) ? representations : [];
  for (const [index, value] of list.entries()) {
    const problem = problemOf(value, index, entities);
    if (problem)
      throw new GraphQLError(`_entities: ${problem}`, {
        extensions: { code: ErrorCodes.BAD_USER_INPUT },
      });
  }
  return list as Representation[];
};
