import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AccountActionPayloadResolver, AccountResolver } from "./accounts/account.resolver.js";

/** The resolver list in one place: the server and the schema script build from it. */
export const RESOLVERS = [AccountResolver, AccountActionPayloadResolver] as const;

/**
 * The application schema. `validate` turns on class-validator for every input and args class,
 * so bad input fails with BAD_USER_INPUT before any upstream call.
 */
export const buildAppSchema = (): Promise<GraphQLSchema> =>
  buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false },
  });
