import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { AuthCheckerFn } from "type-graphql";
import { ErrorCodes } from "../../errors.js";
import { hasScope } from "../caller.js";
import type { RequestContext } from "../section.js";
import type { Scope } from "./scopes.js";

/** The FORBIDDEN error of one field, naming the scope it needs; it stays on that field's path. */
export const forbidden = (info: GraphQLResolveInfo, scopes: readonly Scope[]): GraphQLError =>
  new GraphQLError(
    `${info.parentType.name}.${info.fieldName} needs the scope ${scopes.join(" or ")}, which this caller does not have.`,
    { extensions: { code: ErrorCodes.FORBIDDEN, scope: scopes[0] } },
  );

/**
 * The one auth checker (`authMode: "error"`): a field whose `@Policy` names a scope runs only
 * when the caller holds that scope. Otherwise that field alone fails with FORBIDDEN, naming the
 * scope it needs; the rest of the operation goes on.
 */
export const authChecker: AuthCheckerFn<RequestContext> = ({ context, info }, scopes) => {
  if (scopes.length === 0 || scopes.some((scope) => hasScope(context.caller, scope))) return true;
  throw forbidden(info, scopes);
};
