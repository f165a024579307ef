import { Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Identity, toIdentity } from "../accounts/index.js";
import { RequireScope } from "../graphql/auth/require-scope.js";
import { LinkIdentityArgs, UnlinkIdentityArgs } from "./identity.args.js";
import { IdentitiesPayload } from "./identity.payload.js";
import type { IdentitiesContext } from "./identity.repository.js";
import { Scope } from "./identity.scopes.js";

/**
 * Link and unlink: the service acts as the account through a short-lived access token it mints
 * and ends itself (audited like impersonation: a reason, intent before, outcome after). Never
 * retried; each counts against MAX_SIDE_EFFECTS.
 */
@Resolver(() => IdentitiesPayload)
export class IdentityMutationResolver {
  @Mutation(() => IdentitiesPayload, {
    nullable: true,
    description:
      "Links a social login to the account (LoginRadius's account linking), acting as the account through an access token the service mints and ends at once; the token never leaves the service.",
  })
  @Scope("accounts:identities")
  async linkIdentity(
    @Args(() => LinkIdentityArgs) { uid, candidateToken }: LinkIdentityArgs,
    @Ctx() ctx: IdentitiesContext,
  ): Promise<IdentitiesPayload> {
    await ctx.identities.link(uid, candidateToken);
    return { uid };
  }

  @Mutation(() => IdentitiesPayload, {
    nullable: true,
    description:
      "Unlinks a social identity from the account, acting as the account like `linkIdentity`. Refused (FAILED_PRECONDITION, nothing sent) when it is the account's last way to sign in.",
  })
  @Scope("accounts:identities")
  async unlinkIdentity(
    @Args(() => UnlinkIdentityArgs) { uid, provider, providerId }: UnlinkIdentityArgs,
    @Ctx() ctx: IdentitiesContext,
  ): Promise<IdentitiesPayload> {
    await ctx.identities.unlink(uid, provider, providerId);
    return { uid };
  }

  /** Profile data (names, emails of each identity): the Accounts section's read scope guards it. */
  @FieldResolver(() => [Identity], {
    nullable: true,
    description:
      "The account's linked identities, read afresh after the change (needs `accounts:read`, like `Account.identities`).",
  })
  @RequireScope("accounts:read")
  async identities(
    @Root() payload: IdentitiesPayload,
    @Ctx() ctx: IdentitiesContext,
  ): Promise<Identity[]> {
    return (await ctx.identities.identities(payload.uid)).map(toIdentity);
  }
}
