import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { accountKeys } from "./account.fields.js";
import { toPasswordHash, toPrivacyPolicyHistory } from "./account.mapper.js";
import { AccountActionPayload } from "./account.payload.js";
import { orNull } from "./account.query.resolver.js";
import type { AccountsContext } from "./account.repository.js";
import { Policy } from "./account.scopes.js";
import { Account, PrivacyPolicyHistory } from "./account.type.js";

/** Account fields that cost their own upstream call, read only when selected. */
@Resolver(() => Account)
export class AccountFieldResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The password hash (never the password). Costs its own upstream call; null when the account has no password.",
  })
  @Policy({ scope: "accounts:credentials", cost: { perParent: true }, audit: "secret-read" })
  async passwordHash(
    @Root() account: Account,
    @Ctx() ctx: AccountsContext,
  ): Promise<string | null> {
    return toPasswordHash(await ctx.accounts.passwordHash(account.uid));
  }

  @FieldResolver(() => PrivacyPolicyHistory, {
    nullable: true,
    description: "Every privacy policy version the account accepted. Costs its own upstream call.",
  })
  @Policy({ cost: { perParent: true } })
  async privacyPolicyHistory(
    @Root() account: Account,
    @Ctx() ctx: AccountsContext,
  ): Promise<PrivacyPolicyHistory> {
    return toPrivacyPolicyHistory(await ctx.accounts.privacyPolicyHistory(account.uid));
  }
}

/** An action payload's `account`: read afresh, only when selected. */
@Resolver(() => AccountActionPayload)
export class AccountActionPayloadResolver {
  @FieldResolver(() => Account, {
    nullable: true,
    description: "The account as it is now, read only when selected; null if it no longer exists.",
  })
  @Policy({ scope: "accounts:read", cost: "each-run" })
  async account(
    @Root() payload: AccountActionPayload,
    @Ctx() ctx: AccountsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return orNull(await ctx.accounts.byUid(payload.uid, accountKeys(info)));
  }
}
