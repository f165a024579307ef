import { Args, Ctx, Query, Resolver } from "type-graphql";
import { ContextArgs } from "./role.args.js";
import { toRole, toRoleContextMember } from "./role.mapper.js";
import type { RolesContext } from "./role.repository.js";
import { Policy } from "./role.scopes.js";
import { Role, RoleContextMember } from "./role.type.js";

/** The roles queries: arguments -> repository (the request's loaders) -> mapper. */
@Resolver()
export class RoleQueryResolver {
  @Query(() => [Role], {
    nullable: true,
    description:
      "Every role defined on the site, with its permissions. One upstream call per request.",
  })
  @Policy({ scope: "roles:read", cost: { loader: "roles", keyArgs: [] } })
  async roles(@Ctx() ctx: RolesContext): Promise<Role[]> {
    return (await ctx.roles.roles()).map(toRole);
  }

  @Query(() => [RoleContextMember], {
    nullable: true,
    description:
      "Every account holding a role context of this name, with what it holds there; empty if none.",
  })
  @Policy({ scope: "roles:read", cost: { loader: "roleContextMembers", keyArgs: ["context"] } })
  async accountsInRoleContext(
    @Args(() => ContextArgs) { context }: ContextArgs,
    @Ctx() ctx: RolesContext,
  ): Promise<RoleContextMember[]> {
    const members = await ctx.roles.accountsInRoleContext(context);
    return members.map((m) => toRoleContextMember(context, m));
  }
}
