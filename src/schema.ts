import "reflect-metadata";
import { validate } from "class-validator";
import type { GraphQLSchema } from "graphql";
import { ArgumentValidationError, buildSchema, type ValidatorFn } from "type-graphql";
import { authChecker } from "./graphql/auth/auth-checker.js";
import { guardReads } from "./graphql/auth/read-scope.js";
import { toSubgraph } from "./graphql/federation/index.js";
import { checkLinks } from "./graphql/link-origins.js";
import { checkPolicies } from "./graphql/policy/index.js";
import type { AnySection } from "./graphql/section.js";
import { entitiesOf, SECTIONS } from "./sections.js";

/** Every resolver of a list of sections: the server and the schema script build from it. */
export const resolversOf = (sections: readonly AnySection[] = SECTIONS) => {
  const list = sections.flatMap((section) => section.resolvers);
  if (list.length === 0) throw new Error("No section has a resolver.");
  // biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function
  return list as [Function, ...Function[]];
};

export interface SchemaOptions {
  /** Origins a `@LinkUrl` argument may point at (ALLOWED_LINK_ORIGINS); empty refuses them all. */
  linkOrigins?: ReadonlySet<string>;
  /** The sections served; default SECTIONS (a test adds a toy one). */
  sections?: readonly AnySection[];
}

/**
 * class-validator on every input and args object (as type-graphql's own `validate` does, with
 * missing properties skipped), then the link origins, which depend on configuration (and
 * put each link's canonical form in place: what is checked is what is sent).
 */
const validateWith =
  (linkOrigins: ReadonlySet<string>): ValidatorFn =>
  async (value) => {
    if (typeof value !== "object" || value === null) return;
    const items = Array.isArray(value) ? value : [value];
    const problems = (
      await Promise.all(
        items.map(async (item) =>
          typeof item === "object" && item !== null
            ? [
                ...(await validate(item, {
                  skipMissingProperties: true,
                  forbidUnknownValues: false,
                })),
                ...checkLinks(item, linkOrigins),
              ]
            : [],
        ),
      )
    ).flat();
    if (problems.length > 0) throw new ArgumentValidationError(problems);
  };

/**
 * The application schema, an Apollo Federation 2 subgraph (`_service`, `_entities`, `@key` on
 * the sections' entity types; see src/graphql/federation/). Bad input fails with BAD_USER_INPUT
 * before any upstream call; a field the caller has no scope for fails with FORBIDDEN before its
 * resolver runs (authChecker), and so does a field of section data read without its section's
 * read scope, whichever root field reached it (guardReads). A root field without a complete
 * `@Policy` (scope and cost) fails the build (checkPolicies).
 */
export const buildAppSchema = async (options: SchemaOptions = {}): Promise<GraphQLSchema> =>
  checkPolicies(
    toSubgraph(
      guardReads(
        await buildSchema({
          resolvers: resolversOf(options.sections),
          validateFn: validateWith(options.linkOrigins ?? new Set()),
          authChecker,
          authMode: "error",
        }),
      ),
      entitiesOf(options.sections),
    ),
  );
