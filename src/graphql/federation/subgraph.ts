import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import {
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isObjectType,
  parse,
} from "graphql";
import { createResolversMap } from "type-graphql";
import { authChecker } from "../auth/auth-checker.js";
import { POLICY } from "../policy/field-policy.js";
import type { RequestContext } from "../section.js";
import type { EntityTypes, Representation } from "./entity.js";
import { federationPolicies } from "./rules.js";
import { checkTypenames } from "./typename.js";

/** The Federation spec version the subgraph links; composition accepts it from gateway 2.7 on. */
export const FEDERATION_SPEC = "https://specs.apollo.dev/federation/v2.7";

type ResolverMap = NonNullable<
  Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>["resolvers"]
>;

const LINK = `extend schema @link(url: "${FEDERATION_SPEC}", import: ["@key"])`;

/**
 * Rebuilding from SDL keeps type-graphql's resolvers (validation, auth checker and middlewares
 * live inside them) but not the fields' `extensions` (`scope`): copied over by name.
 */
const carryExtensions = (from: GraphQLSchema, to: GraphQLSchema): void => {
  for (const type of Object.values(from.getTypeMap())) {
    const target = to.getType(type.name);
    if (!isObjectType(type) || !isObjectType(target)) continue;
    const fields = target.getFields();
    for (const field of Object.values(type.getFields())) {
      const copy = fields[field.name];
      if (copy && Object.keys(field.extensions).length > 0)
        copy.extensions = { ...copy.extensions, ...field.extensions };
    }
  }
};

/**
 * `_entities` checks, once per request and before any loader runs, that each representation
 * names an entity type (else BAD_USER_INPUT, typename.ts), then the scope of each type its
 * representations name (`Account` needs `accounts:read`): a denied caller gets one FORBIDDEN at
 * `_entities` and costs no upstream call. `extensions.scopes` records the table for the tests.
 */
const guardEntities = (schema: GraphQLSchema, entities: EntityTypes): void => {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field) return;
  const resolve = field.resolve as GraphQLFieldResolver<unknown, RequestContext>;
  field.resolve = (root, args, context: RequestContext, info) => {
    const representations = checkTypenames(args.representations, entities);
    for (const name of new Set(representations.map((r) => r.__typename))) {
      const scope = entities[name]?.scope;
      if (scope) authChecker({ root, args, context, info }, [scope]);
    }
    return resolve(root, args, context, info);
  };
  field.extensions = {
    ...field.extensions,
    scopes: Object.fromEntries(Object.entries(entities).map(([name, e]) => [name, e.scope])),
  };
};

/**
 * The type-graphql schema as an Apollo Federation 2 subgraph: its SDL (with the `@key`
 * directives type-graphql's `@Directive` put on the types) plus `@link`, rebuilt by
 * `@apollo/subgraph`, which adds `_service { sdl }` and `_entities`. Plain clients see the same
 * fields as before plus those two. Same approach as type-graphql's `examples/apollo-federation-2`.
 */
export const toSubgraph = (schema: GraphQLSchema, entities: EntityTypes): GraphQLSchema => {
  const resolvers = { ...createResolversMap(schema) } as ResolverMap;
  for (const [name, entity] of Object.entries(entities)) {
    // @apollo/subgraph calls it as (representation, context, info), not as a field resolver.
    const __resolveReference = (ref: Representation, ctx: never, info: GraphQLResolveInfo) =>
      entity.resolveReference(ref, ctx, info);
    resolvers[name] = { ...resolvers[name], __resolveReference } as ResolverMap[string];
  }
  const typeDefs = parse(`${LINK}\n${printSchemaWithDirectives(schema)}`);
  const subgraph = buildSubgraphSchema({ typeDefs, resolvers });
  carryExtensions(schema, subgraph);
  guardEntities(subgraph, entities);
  const fields = subgraph.getQueryType()?.getFields() ?? {};
  for (const [name, policy] of Object.entries(federationPolicies(entities))) {
    const field = fields[name];
    if (field) field.extensions = { ...field.extensions, [POLICY]: policy };
  }
  return subgraph;
};
