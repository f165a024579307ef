import { Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Identity, toIdentity } from "../accounts/index.js";
import { Policy as policyOn } from "../graphql/policy/index.js";
import { LinkIdentityArgs, UnlinkIdentityArgs } from "./identity.args.js";
import { IdentitiesPayload } from "./identity.payload.js";
import type { IdentitiesContext } from "./identity.repository.js";
import { Policy } from "./identity.scopes.js";

const ACTS = "acts as the account: mints an access token and ends it";

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
  @Policy({
    scope: "accounts:identities",
    sideEffect: `links an identity; ${ACTS}`,
    cost: "each-run",
  })
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
  @Policy({
    scope: "accounts:identities",
    sideEffect: `unlinks an identity; ${ACTS}`,
    cost: "each-run",
  })
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
  @policyOn({ scope: "accounts:read", cost: { perParent: true } })
  async identities(
    @Root() payload: IdentitiesPayload,
    @Ctx() ctx: IdentitiesContext,
  ): Promise<Identity[]> {
    return (await ctx.identities.identities(payload.uid)).map(toIdentity);
  }
}
