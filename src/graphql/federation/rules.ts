import { GraphQLError, type ValidationRule } from "graphql";
import type { FieldPolicy } from "../policy/field-policy.js";
import type { EntityTypes, Representation } from "./entity.js";

const isRepresentation = (value: unknown): value is Representation =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Representation).__typename === "string";

/**
 * The policies of Federation's two root fields, which type-graphql does not build: `_entities`
 * reads through the loaders, one call per distinct loader key over all its representations (and
 * over the rest of the operation); `_service` calls nothing. Their scopes are checked otherwise
 * (subgraph.ts: each entity type's scope; `_service` like introspection).
 */
export const federationPolicies = (
  entities: EntityTypes,
): Readonly<Record<"_entities" | "_service", FieldPolicy>> => ({
  _entities: {
    cost: {
      says: "1 call per distinct entity key, shared with the loaders",
      keys: (args) =>
        (Array.isArray(args.representations) ? args.representations : [])
          .filter(isRepresentation)
          .flatMap((r) => {
            const entity = entities[r.__typename];
            return entity ? [entity.loaderKey(r)] : [];
          }),
    },
  },
  _service: { cost: { says: "no call", keys: () => [] } },
});

/**
 * `_service { sdl }` is schema exposure, like `__schema`: where introspection is off it is
 * refused the same way, at validation (a gateway then composes from the committed
 * schema.graphql, which is that SDL). It needs no scope, as introspection needs none.
 */
export const NoServiceSdl: ValidationRule = (context) => ({
  Field(node) {
    const parent = context.getParentType();
    if (node.name.value !== "_service" || parent !== context.getSchema().getQueryType()) return;
    context.reportError(
      new GraphQLError(
        "The subgraph SDL (_service) is not served where introspection is off; compose from the published schema.graphql instead.",
        { nodes: node },
      ),
    );
  },
});
