import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Account } from "../accounts/index.js";
import { toRoleContext } from "./role.mapper.js";
import type { RolesContext } from "./role.repository.js";
import { Policy } from "./role.scopes.js";
import { RoleContext } from "./role.type.js";

/** `Account.roleContexts`: its own upstream call, once per account per request. */
@Resolver(() => Account)
export class AccountRoleContextsResolver {
  @FieldResolver(() => [RoleContext], {
    nullable: true,
    description:
      "The account's role contexts (roles held within a tenant or project). Costs one upstream call per account.",
  })
  @Policy({ scope: "roles:read", cost: { perParent: true } })
  async roleContexts(@Root() account: Account, @Ctx() ctx: RolesContext): Promise<RoleContext[]> {
    const now = new Date();
    return (await ctx.roles.roleContexts(account.uid)).map((c) => toRoleContext(c, now));
  }
}
