import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { UidArgs } from "../graphql/uid.args.js";
import { EmailArgs, PhoneArgs, UidsArgs, UserNameArgs } from "./account.args.js";
import { accountKeys, toAccount } from "./account.fields.js";
import type { AccountsContext } from "./account.repository.js";
import { Policy } from "./account.scopes.js";
import { Account } from "./account.type.js";
import type { WireProfile } from "./accounts.wire.js";

/** A read that found nothing is null, not an error. */
export const orNull = (profile: WireProfile | null): Account | null =>
  profile ? toAccount(profile) : null;

/** The account queries: arguments -> repository (the request's loaders) -> mapper. */
@Resolver(() => Account)
export class AccountQueryResolver {
  @Query(() => Account, { nullable: true, description: "The account with this UID, or null." })
  @Policy({ scope: "accounts:read", cost: { loader: "byUid", keyArgs: ["uid"] } })
  async accountByUid(
    @Args(() => UidArgs) { uid }: UidArgs,
    @Ctx() ctx: AccountsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return orNull(await ctx.accounts.byUid(uid, accountKeys(info)));
  }

  @Query(() => Account, {
    nullable: true,
    description:
      "The account with this email (the traditional one when a social account shares it), or null.",
  })
  @Policy({ scope: "accounts:read", cost: { loader: "byEmail", keyArgs: ["email"] } })
  async accountByEmail(
    @Args(() => EmailArgs) { email }: EmailArgs,
    @Ctx() ctx: AccountsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return orNull(await ctx.accounts.byEmail(email, accountKeys(info)));
  }

  @Query(() => Account, { nullable: true, description: "The account with this phone ID, or null." })
  @Policy({ scope: "accounts:read", cost: { loader: "byPhone", keyArgs: ["phone"] } })
  async accountByPhone(
    @Args(() => PhoneArgs) { phone }: PhoneArgs,
    @Ctx() ctx: AccountsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return orNull(await ctx.accounts.byPhone(phone, accountKeys(info)));
  }

  @Query(() => Account, {
    nullable: true,
    description: "The account with this user name, or null.",
  })
  @Policy({ scope: "accounts:read", cost: { loader: "byUserName", keyArgs: ["userName"] } })
  async accountByUserName(
    @Args(() => UserNameArgs) { userName }: UserNameArgs,
    @Ctx() ctx: AccountsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return orNull(await ctx.accounts.byUserName(userName, accountKeys(info)));
  }

  @Query(() => [Account], {
    nullable: true,
    description: "Every account that has this email (traditional and social); empty if none.",
  })
  @Policy({
    scope: "accounts:read",
    cost: { loader: "identitiesByEmail", keyArgs: ["email"], assumedItems: 5 },
  })
  async identitiesByEmail(
    @Args(() => EmailArgs) { email }: EmailArgs,
    @Ctx() ctx: AccountsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return (await ctx.accounts.identitiesByEmail(email, accountKeys(info))).map(toAccount);
  }

  @Query(() => [Account], {
    nullable: "itemsAndList",
    description:
      "The accounts with these UIDs, in order, null for unknown ones. One upstream call per distinct UID.",
  })
  @Policy({ scope: "accounts:read", cost: { loader: "byUid", keyArgs: ["uids"] } })
  accountsByUids(
    @Args(() => UidsArgs) { uids }: UidsArgs,
    @Ctx() ctx: AccountsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const keys = accountKeys(info);
    // One promise per item: a UID whose read fails becomes a null item with its own error at
    // [accountsByUids, i], and the other items still arrive.
    return uids.map((uid) => ctx.accounts.byUid(uid, keys).then(orNull));
  }
}
