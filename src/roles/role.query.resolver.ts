import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Account } from "../accounts/account.type.js";
import { ContextArgs } from "./role.args.js";
import { toRole, toRoleContext, toRoleContextMember } from "./role.mapper.js";
import type { RolesContext } from "./role.repository.js";
import { Scope } from "./role.scopes.js";
import { Role, RoleContext, RoleContextMember } from "./role.type.js";

/** The roles queries: arguments -> repository (the request's loaders) -> mapper. */
@Resolver()
export class RoleQueryResolver {
  @Query(() => [Role], {
    description:
      "Every role defined on the site, with its permissions. One upstream call per request.",
  })
  @Scope("roles:read")
  async roles(@Ctx() ctx: RolesContext): Promise<Role[]> {
    return (await ctx.roles.roles()).map(toRole);
  }

  @Query(() => [RoleContextMember], {
    description:
      "Every account holding a role context of this name, with what it holds there; empty if none.",
  })
  @Scope("roles:read")
  async accountsInRoleContext(
    @Args(() => ContextArgs) { context }: ContextArgs,
    @Ctx() ctx: RolesContext,
  ): Promise<RoleContextMember[]> {
    const members = await ctx.roles.accountsInRoleContext(context);
    return members.map((m) => toRoleContextMember(context, m));
  }
}

/** `Account.roleContexts`: its own upstream call, once per account per request. */
@Resolver(() => Account)
export class AccountRoleContextsResolver {
  @FieldResolver(() => [RoleContext], {
    description:
      "The account's role contexts (roles held within a tenant or project). Costs one upstream call per account.",
  })
  @Scope("roles:read")
  async roleContexts(@Root() account: Account, @Ctx() ctx: RolesContext): Promise<RoleContext[]> {
    const now = new Date();
    return (await ctx.roles.roleContexts(account.uid)).map((c) => toRoleContext(c, now));
  }
}
