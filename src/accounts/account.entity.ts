import type { EntityType, Representation } from "../graphql/federation/entity.js";
import { accountKeys } from "./account.fields.js";
import { orNull } from "./account.query.resolver.js";
import type { AccountsContext } from "./account.repository.js";

const uidOf = (representation: Representation): string => String(representation.uid);

/**
 * `Account @key(fields: "uid")`: a representation is read like `accountByUid`, through the
 * request's UID loader with the selection's `fields`, so 100 representations over 20 UIDs cost
 * 20 calls, and an unknown UID is null (no error), as in `accountsByUids`.
 */
export const accountEntity: EntityType<AccountsContext> = {
  scope: "accounts:read",
  resolveReference: async (representation, ctx, info) =>
    orNull(await ctx.accounts.byUid(uidOf(representation), accountKeys(info))),
  loaderKey: (representation) => `byUid:${uidOf(representation)}`,
};
