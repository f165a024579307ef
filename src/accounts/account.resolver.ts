import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../context.js";
import { ErrorCodes, userError } from "../errors.js";
import { RequireScope } from "../graphql/auth/require-scope.js";
import type { WireProfile } from "../loginradius/wire.js";
import {
  CreateAccountArgs,
  EmailArgs,
  EmailReasonArgs,
  ForgotPasswordArgs,
  InvalidateEmailArgs,
  PhoneArgs,
  RefreshTokenArgs,
  RemoveEmailArgs,
  ResetPhoneArgs,
  SetPasswordArgs,
  UidArgs,
  UidReasonArgs,
  UidsArgs,
  UpdateAccountArgs,
  UpdatePhoneIdArgs,
  UpdateUidArgs,
  UpsertEmailArgs,
  UserNameArgs,
} from "./account.args.js";
import {
  toAccessToken,
  toAccount,
  toDate,
  toPrivacyPolicyHistory,
  toProfileBody,
  toWireEmails,
} from "./account.mapper.js";
import {
  AccessTokenPayload,
  AccountActionPayload,
  DeleteAccountPayload,
  DeleteAccountsByEmailPayload,
  EmailVerificationTokenPayload,
  ForgotPasswordTokenPayload,
  RevokeRefreshTokensPayload,
} from "./account.payload.js";
import { accountKeys, fieldsParam } from "./account.selection.js";
import { Account, PrivacyPolicyHistory } from "./account.type.js";

const orNull = (profile: WireProfile | null): Account | null =>
  profile ? toAccount(profile) : null;

/**
 * Runs a write that answers with the profile, asking for the selection's fields, then makes that
 * fresh profile what the request knows of the account.
 */
const writeProfile = async (
  ctx: AppContext,
  info: GraphQLResolveInfo,
  write: (fields: string) => Promise<WireProfile>,
): Promise<Account> => {
  const keys = accountKeys(info);
  const profile = await write(fieldsParam(keys));
  if (profile.Uid) {
    ctx.loaders.forget(profile.Uid);
    ctx.loaders.learn(profile, keys);
  }
  return toAccount(profile);
};

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: "The account with this UID, or null." })
  @RequireScope("accounts:read")
  async accountByUid(
    @Args(() => UidArgs) { uid }: UidArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return orNull(await ctx.loaders.byUid.load(uid, accountKeys(info)));
  }

  @Query(() => Account, {
    nullable: true,
    description:
      "The account with this email (the traditional one when a social account shares it), or null.",
  })
  @RequireScope("accounts:read")
  async accountByEmail(
    @Args(() => EmailArgs) { email }: EmailArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return orNull(await ctx.loaders.byEmail.load(email, accountKeys(info)));
  }

  @Query(() => Account, { nullable: true, description: "The account with this phone ID, or null." })
  @RequireScope("accounts:read")
  async accountByPhone(
    @Args(() => PhoneArgs) { phone }: PhoneArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return orNull(await ctx.loaders.byPhone.load(phone, accountKeys(info)));
  }

  @Query(() => Account, {
    nullable: true,
    description: "The account with this user name, or null.",
  })
  @RequireScope("accounts:read")
  async accountByUserName(
    @Args(() => UserNameArgs) { userName }: UserNameArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return orNull(await ctx.loaders.byUserName.load(userName, accountKeys(info)));
  }

  @Query(() => [Account], {
    description: "Every account that has this email (traditional and social); empty if none.",
  })
  @RequireScope("accounts:read")
  async identitiesByEmail(
    @Args(() => EmailArgs) { email }: EmailArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ((await ctx.loaders.identitiesByEmail.load(email, accountKeys(info))) ?? []).map(
      toAccount,
    );
  }

  @Query(() => [Account], {
    nullable: "items",
    description:
      "The accounts with these UIDs, in order, null for unknown ones. One upstream call per distinct UID.",
  })
  @RequireScope("accounts:read")
  accountsByUids(
    @Args(() => UidsArgs) { uids }: UidsArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const keys = accountKeys(info);
    // One promise per item: a UID whose read fails becomes a null item with its own error at
    // [accountsByUids, i], and the other items still arrive.
    return uids.map((uid) => ctx.loaders.byUid.load(uid, keys).then(orNull));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The password hash (never the password). Costs its own upstream call; null when the account has no password.",
  })
  @RequireScope("accounts:credentials")
  async passwordHash(@Root() account: Account, @Ctx() ctx: AppContext): Promise<string | null> {
    return (await ctx.loaders.passwordHash.load(account.uid))?.PasswordHash ?? null;
  }

  @FieldResolver(() => PrivacyPolicyHistory, {
    description: "Every privacy policy version the account accepted. Costs its own upstream call.",
  })
  async privacyPolicyHistory(
    @Root() account: Account,
    @Ctx() ctx: AppContext,
  ): Promise<PrivacyPolicyHistory> {
    const history = await ctx.loaders.privacyPolicyHistory.load(account.uid);
    return history ? toPrivacyPolicyHistory(history) : { current: null, history: [] };
  }

  @Mutation(() => Account, { description: "Creates an account." })
  @RequireScope("accounts:write")
  async createAccount(
    @Args(() => CreateAccountArgs) { input }: CreateAccountArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return writeProfile(ctx, info, (fields) =>
      ctx.client.createAccount(toProfileBody(input), fields),
    );
  }

  @Mutation(() => Account, { description: "Changes profile fields of an account." })
  @RequireScope("accounts:write")
  async updateAccount(
    @Args(() => UpdateAccountArgs) { uid, input, nullSupport }: UpdateAccountArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const body = toProfileBody(input);
    if (Object.keys(body).length === 0)
      throw userError(ErrorCodes.BAD_USER_INPUT, "input has no field to change.", "input");
    return writeProfile(ctx, info, (fields) =>
      ctx.client.updateAccount(uid, body, nullSupport, fields),
    );
  }

  @Mutation(() => Account, { description: "Sets the account's phone ID; it becomes unverified." })
  @RequireScope("accounts:write")
  async updateAccountPhoneId(
    @Args(() => UpdatePhoneIdArgs) { uid, phone }: UpdatePhoneIdArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return writeProfile(ctx, info, (fields) => ctx.client.updatePhoneId(uid, phone, fields));
  }

  @Mutation(() => Account, {
    description: "Adds emails; one with a type the account has replaces that one.",
  })
  @RequireScope("accounts:write")
  async upsertAccountEmail(
    @Args(() => UpsertEmailArgs) { uid, emails }: UpsertEmailArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return writeProfile(ctx, info, (fields) =>
      ctx.client.upsertEmail(uid, toWireEmails(emails), fields),
    );
  }

  @Mutation(() => Account, { description: "Removes an email; the last one cannot be removed." })
  @RequireScope("accounts:write")
  async removeAccountEmail(
    @Args(() => RemoveEmailArgs) { uid, email }: RemoveEmailArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return writeProfile(ctx, info, (fields) => ctx.client.removeEmail(uid, email, fields));
  }

  @Mutation(() => AccountActionPayload, { description: "Sets the account's password." })
  @RequireScope("accounts:credentials")
  async setAccountPassword(
    @Args(() => SetPasswordArgs) { uid, password }: SetPasswordArgs,
    @Ctx() ctx: AppContext,
  ) {
    await ctx.client.setPassword(uid, password);
    ctx.loaders.forget(uid);
    return { uid };
  }

  @Mutation(() => AccountActionPayload, {
    description: "Gives the account a new UID; `uid` in the payload is the new one.",
  })
  @RequireScope("accounts:write")
  async updateAccountUid(
    @Args(() => UpdateUidArgs) { uid, newUid }: UpdateUidArgs,
    @Ctx() ctx: AppContext,
  ) {
    await ctx.client.updateUid(uid, newUid);
    ctx.loaders.forget(uid);
    return { uid: newUid };
  }

  @Mutation(() => AccountActionPayload, {
    description: "Marks the email unverified and has LoginRadius send a verification email.",
  })
  @RequireScope("accounts:write")
  async invalidateEmailVerification(
    @Args(() => InvalidateEmailArgs) { uid, emailTemplate, verificationUrl }: InvalidateEmailArgs,
    @Ctx() ctx: AppContext,
  ) {
    await ctx.client.invalidateEmailVerification(uid, { emailTemplate, verificationUrl });
    ctx.loaders.forget(uid);
    return { uid };
  }

  @Mutation(() => AccountActionPayload, {
    description: "Marks the phone ID unverified and has LoginRadius send a code.",
  })
  @RequireScope("accounts:write")
  async resetPhoneIdVerification(
    @Args(() => ResetPhoneArgs) { uid, smsTemplate, voice }: ResetPhoneArgs,
    @Ctx() ctx: AppContext,
  ) {
    await ctx.client.resetPhoneIdVerification(uid, { smsTemplate, isVoiceOtp: voice });
    ctx.loaders.forget(uid);
    return { uid };
  }

  @Mutation(() => DeleteAccountPayload, { description: "Deletes an account." })
  @RequireScope("accounts:delete")
  async deleteAccount(@Args(() => UidReasonArgs) { uid }: UidReasonArgs, @Ctx() ctx: AppContext) {
    const result = await ctx.client.deleteByUid(uid);
    ctx.loaders.forget(uid);
    return { uid, deleted: result.IsDeleted };
  }

  @Mutation(() => DeleteAccountsByEmailPayload, {
    description: "Deletes every account that has this email.",
  })
  @RequireScope("accounts:delete")
  async deleteAccountsByEmail(
    @Args(() => EmailReasonArgs) { email }: EmailReasonArgs,
    @Ctx() ctx: AppContext,
  ) {
    const deleted = await ctx.client.deleteByEmail(email);
    ctx.loaders.forgetEmail(email);
    return { email, deletedCount: deleted.RecordsDeleted ?? 0 };
  }

  @Mutation(() => ForgotPasswordTokenPayload, {
    description: "Makes a password-reset token; optionally has LoginRadius email it.",
  })
  @RequireScope("accounts:credentials")
  async generateForgotPasswordToken(
    @Args(() => ForgotPasswordArgs) args: ForgotPasswordArgs,
    @Ctx() ctx: AppContext,
  ) {
    const who = args.email
      ? { email: args.email }
      : args.userName
        ? { username: args.userName }
        : undefined;
    if (!who) throw userError(ErrorCodes.BAD_USER_INPUT, "Give email or userName.", "email");
    const wire = await ctx.client.forgotPasswordToken(who, {
      sendEmail: args.sendEmail,
      emailTemplate: args.emailTemplate,
      resetPasswordUrl: args.resetPasswordUrl,
    });
    return {
      token: wire.ForgotToken,
      identityProviders: wire.IdentityProviders ?? [],
      emailSent: args.sendEmail,
    };
  }

  @Mutation(() => EmailVerificationTokenPayload, {
    description: "Makes an email verification token for an unverified email.",
  })
  @RequireScope("accounts:credentials")
  async generateEmailVerificationToken(
    @Args(() => EmailArgs) { email }: EmailArgs,
    @Ctx() ctx: AppContext,
  ) {
    const wire = await ctx.client.emailVerificationToken(email);
    return { token: wire.VerificationToken, expiresAt: toDate(wire.expires_in) };
  }

  @Mutation(() => AccessTokenPayload, {
    description: "Issues an access token for the user (impersonation). Every call mints a new one.",
  })
  @RequireScope("accounts:impersonate")
  async issueAccessToken(
    @Args(() => UidReasonArgs) { uid }: UidReasonArgs,
    @Ctx() ctx: AppContext,
  ) {
    return toAccessToken(await ctx.client.accessTokenByUid(uid));
  }

  @Mutation(() => AccessTokenPayload, {
    description: "Exchanges a refresh token for a new access token.",
  })
  @RequireScope("accounts:impersonate")
  async refreshAccessToken(
    @Args(() => RefreshTokenArgs) { refreshToken }: RefreshTokenArgs,
    @Ctx() ctx: AppContext,
  ) {
    return toAccessToken(await ctx.client.refreshAccessToken(refreshToken));
  }

  @Mutation(() => RevokeRefreshTokensPayload, { description: "Revokes one refresh token." })
  @RequireScope("accounts:credentials")
  async revokeRefreshToken(
    @Args(() => RefreshTokenArgs) { refreshToken }: RefreshTokenArgs,
    @Ctx() ctx: AppContext,
  ) {
    return { revoked: (await ctx.client.revokeRefreshToken(refreshToken)).IsDeleted };
  }

  @Mutation(() => RevokeRefreshTokensPayload, {
    description: "Revokes every refresh token of the account.",
  })
  @RequireScope("accounts:credentials")
  async revokeAllRefreshTokens(@Args(() => UidArgs) { uid }: UidArgs, @Ctx() ctx: AppContext) {
    return { revoked: (await ctx.client.revokeAllRefreshTokens(uid)).IsDeleted };
  }
}

@Resolver(() => AccountActionPayload)
export class AccountActionPayloadResolver {
  @FieldResolver(() => Account, {
    nullable: true,
    description: "The account as it is now, read only when selected; null if it no longer exists.",
  })
  @RequireScope("accounts:read")
  async account(
    @Root() payload: AccountActionPayload,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return orNull(await ctx.loaders.byUid.load(payload.uid, accountKeys(info)));
  }
}
