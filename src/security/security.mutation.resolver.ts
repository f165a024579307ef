import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Mutation, Resolver } from "type-graphql";
import { Account, AccountActionPayload, accountKeys, toAccount } from "../accounts/index.js";
import { UidArgs } from "../graphql/uid.args.js";
import {
  RemovePasskeyArgs,
  ResetAuthenticatorArgs,
  ValidateReauthenticationArgs,
} from "./security.args.js";
import { toBackupCodes } from "./security.mapper.js";
import { BackupCodesPayload, ReauthenticationPayload } from "./security.payload.js";
import type { SecurityContext } from "./security.repository.js";
import { Policy } from "./security.scopes.js";

/**
 * The Account Security mutations: arguments (validated before any call) -> repository -> mapper.
 * None is retried upstream (see security.client.ts); each is audited by the audit plugin.
 */
@Resolver()
export class SecurityMutationResolver {
  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description:
      "Removes one second factor from the account (lost phone, new authenticator app...). The user sets it up again at the next login.",
  })
  @Policy({ scope: "accounts:security", cost: "each-run" })
  async resetAuthenticator(
    @Args(() => ResetAuthenticatorArgs) { uid, kind }: ResetAuthenticatorArgs,
    @Ctx() ctx: SecurityContext,
  ): Promise<AccountActionPayload> {
    await ctx.security.resetAuthenticator(uid, kind);
    return { uid };
  }

  @Mutation(() => BackupCodesPayload, {
    nullable: true,
    description:
      "Replaces the account's backup codes with ten new ones and returns them; the old codes stop working. Mints credentials.",
  })
  @Policy({ scope: "accounts:credentials", sideEffect: "mints backup codes", cost: "each-run" })
  async resetBackupCodes(
    @Args(() => UidArgs) { uid }: UidArgs,
    @Ctx() ctx: SecurityContext,
  ): Promise<BackupCodesPayload> {
    return toBackupCodes(uid, await ctx.security.resetBackupCodes(uid));
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description: "Removes one passkey from the account (a lost or stolen device).",
  })
  @Policy({ scope: "accounts:security", cost: "each-run" })
  async removePasskey(
    @Args(() => RemovePasskeyArgs) { uid, passkeyId }: RemovePasskeyArgs,
    @Ctx() ctx: SecurityContext,
  ): Promise<AccountActionPayload> {
    await ctx.security.removePasskey(uid, passkeyId);
    return { uid };
  }

  @Mutation(() => Account, {
    nullable: true,
    description:
      "Lifts a login lock (the documented profile update `IsLoginLocked: false`) and returns the account. A `Block` lockout deactivates the account instead: reactivate it with `updateAccount(input: { isActive: true })`.",
  })
  @Policy({ scope: "accounts:security", cost: "each-run" })
  async unlockAccount(
    @Args(() => UidArgs) { uid }: UidArgs,
    @Ctx() ctx: SecurityContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toAccount(
      await ctx.accounts.update(uid, { IsLoginLocked: false }, false, accountKeys(info)),
    );
  }

  @Mutation(() => ReauthenticationPayload, {
    nullable: true,
    description:
      "Checks a step-up token: did this user re-authenticate (second factor, password or PIN) before a sensitive action? An invalid token answers `valid: false`.",
  })
  @Policy({ scope: "accounts:security", cost: "each-run" })
  async validateReauthentication(
    @Args(() => ValidateReauthenticationArgs) { uid, kind, token }: ValidateReauthenticationArgs,
    @Ctx() ctx: SecurityContext,
  ): Promise<ReauthenticationPayload> {
    const { IsValid } = await ctx.security.validateReauth(uid, kind, token);
    return { uid, kind, valid: IsValid };
  }
}
