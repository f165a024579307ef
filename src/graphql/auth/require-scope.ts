import { Authorized, Extensions } from "type-graphql";
import type { Scope } from "./scopes.js";

/**
 * Guards a field with one scope: type-graphql's `@Authorized` (the auth checker in
 * auth-checker.ts runs before the resolver, so a denied field costs no upstream call) plus an
 * `extensions.scope` marker that the schema test reads to prove no root field is left unguarded.
 */
export const RequireScope =
  (scope: Scope): MethodDecorator & PropertyDecorator =>
  (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Authorized(scope)(target, key, descriptor as PropertyDescriptor);
    Extensions({ scope })(target, key, descriptor as PropertyDescriptor);
  };
