import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isNonNullType,
  isObjectType,
} from "graphql";
import { Extensions } from "type-graphql";
import { hasScope } from "../caller.js";
import type { RequestContext } from "../section.js";
import { forbidden } from "./auth-checker.js";
import type { Scope } from "./scopes.js";

/**
 * Section data is read with its section's read scope however it is reached: `Account` returned
 * by `updateAccount` (accounts:write) or `unlockAccount` (accounts:security) is read as from
 * `accountByUid`. `@ReadScope("accounts:read")` on an object type guards each of its fields,
 * except those marked `@OpenField()` (the identifiers a writer already names, e.g. `uid`) and
 * those that name a scope of their own (`@Policy({ scope })`: secrets keep their stronger scope).
 * A refused field is FORBIDDEN on its own path, so each guarded field is nullable.
 */
export const ReadScope = (scope: Scope): ClassDecorator => Extensions({ readScope: scope });

/** A field of a `@ReadScope` type anyone who reaches the object may read: its identifier. */
export const OpenField = (): PropertyDecorator & MethodDecorator => Extensions({ openField: true });

/**
 * Wraps each guarded field's resolver in one synchronous scope check (two Set lookups), rather
 * than type-graphql's `@Authorized`, whose async middleware chain on every field of every
 * account would cost the hot path far more. Marks each with `extensions.readScope` (tests and
 * docs read it). Runs on type-graphql's schema, whose resolvers the subgraph keeps.
 */
export const guardReads = (schema: GraphQLSchema): GraphQLSchema => {
  for (const type of Object.values(schema.getTypeMap())) {
    const scope = type.extensions.readScope;
    if (!isObjectType(type) || typeof scope !== "string") continue;
    for (const field of Object.values(type.getFields())) {
      if (field.extensions.openField === true || field.extensions.scope !== undefined) continue;
      if (isNonNullType(field.type))
        throw new Error(`${type.name}.${field.name} needs ${scope} and must be nullable.`);
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<
        unknown,
        RequestContext
      >;
      field.resolve = (source, args, context: RequestContext, info) => {
        if (hasScope(context.caller, scope)) return resolve(source, args, context, info);
        throw forbidden(info, [scope]);
      };
      field.extensions = { ...field.extensions, readScope: scope };
    }
  }
  return schema;
};
