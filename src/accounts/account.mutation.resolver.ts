import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Mutation, Resolver } from "type-graphql";
import { ErrorCodes, userError } from "../errors.js";
import { UidArgs, UidReasonArgs } from "../graphql/uid.args.js";
import {
  CreateAccountArgs,
  EmailArgs,
  EmailReasonArgs,
  ForgotPasswordArgs,
  InvalidateEmailArgs,
  RefreshTokenArgs,
  RemoveEmailArgs,
  ResetPhoneArgs,
  SetPasswordArgs,
  UpdateAccountArgs,
  UpdatePhoneIdArgs,
  UpdateUidArgs,
  UpsertEmailArgs,
} from "./account.args.js";
import { accountKeys, toAccount, toProfileBody, toWireEmails } from "./account.fields.js";
import {
  toAccessToken,
  toDeleteAccountPayload,
  toDeleteByEmailPayload,
  toEmailVerificationToken,
  toForgotPasswordToken,
  toRevoked,
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
import type { AccountsContext } from "./account.repository.js";
import { Policy } from "./account.scopes.js";
import { Account } from "./account.type.js";

type Context = AccountsContext;

const EMAIL = "sends an email";
// A reset token is a credential whether or not LoginRadius emails it.
const TOKEN = "mints a token";

/**
 * The account mutations: arguments -> repository (which keeps the request's cache right) ->
 * mapper. Those whose upstream call answers with the profile return the Account.
 */
@Resolver()
export class AccountMutationResolver {
  @Mutation(() => Account, { nullable: true, description: "Creates an account." })
  @Policy({ scope: "accounts:write", cost: "each-run" })
  async createAccount(
    @Args(() => CreateAccountArgs) { input }: CreateAccountArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toAccount(await ctx.accounts.create(toProfileBody(input), accountKeys(info)));
  }

  @Mutation(() => Account, { nullable: true, description: "Changes profile fields of an account." })
  @Policy({ scope: "accounts:write", cost: "each-run" })
  async updateAccount(
    @Args(() => UpdateAccountArgs) { uid, input, nullSupport }: UpdateAccountArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const body = toProfileBody(input);
    if (Object.keys(body).length === 0)
      throw userError(ErrorCodes.BAD_USER_INPUT, "input has no field to change.", "input");
    return toAccount(await ctx.accounts.update(uid, body, nullSupport, accountKeys(info)));
  }

  @Mutation(() => Account, {
    nullable: true,
    description: "Sets the account's phone ID; it becomes unverified.",
  })
  @Policy({ scope: "accounts:write", cost: "each-run" })
  async updateAccountPhoneId(
    @Args(() => UpdatePhoneIdArgs) { uid, phone }: UpdatePhoneIdArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toAccount(await ctx.accounts.updatePhoneId(uid, phone, accountKeys(info)));
  }

  @Mutation(() => Account, {
    nullable: true,
    description:
      "Removes the account's phone ID (it can no longer sign in with or receive codes at that phone).",
  })
  @Policy({ scope: "accounts:write", cost: "each-run" })
  async removeAccountPhoneId(
    @Args(() => UidArgs) { uid }: UidArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toAccount(await ctx.accounts.removePhoneId(uid, accountKeys(info)));
  }

  @Mutation(() => Account, {
    nullable: true,
    description: "Adds emails; one with a type the account has replaces that one.",
  })
  @Policy({ scope: "accounts:write", cost: "each-run" })
  async upsertAccountEmail(
    @Args(() => UpsertEmailArgs) { uid, emails }: UpsertEmailArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toAccount(await ctx.accounts.upsertEmails(uid, toWireEmails(emails), accountKeys(info)));
  }

  @Mutation(() => Account, {
    nullable: true,
    description: "Removes an email; the last one cannot be removed.",
  })
  @Policy({ scope: "accounts:write", cost: "each-run" })
  async removeAccountEmail(
    @Args(() => RemoveEmailArgs) { uid, email }: RemoveEmailArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return toAccount(await ctx.accounts.removeEmail(uid, email, accountKeys(info)));
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description: "Sets the account's password.",
  })
  @Policy({ scope: "accounts:credentials", cost: "each-run" })
  async setAccountPassword(
    @Args(() => SetPasswordArgs) { uid, password }: SetPasswordArgs,
    @Ctx() ctx: Context,
  ) {
    await ctx.accounts.setPassword(uid, password);
    return { uid };
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description: "Gives the account a new UID; `uid` in the payload is the new one.",
  })
  @Policy({ scope: "accounts:write", cost: "each-run" })
  async updateAccountUid(
    @Args(() => UpdateUidArgs) { uid, newUid }: UpdateUidArgs,
    @Ctx() ctx: Context,
  ) {
    await ctx.accounts.updateUid(uid, newUid);
    return { uid: newUid };
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description: "Marks the email unverified and has LoginRadius send a verification email.",
  })
  @Policy({ scope: "accounts:write", sideEffect: EMAIL, cost: "each-run" })
  async invalidateEmailVerification(
    @Args(() => InvalidateEmailArgs) { uid, emailTemplate, verificationUrl }: InvalidateEmailArgs,
    @Ctx() ctx: Context,
  ) {
    await ctx.accounts.invalidateEmailVerification(uid, { emailTemplate, verificationUrl });
    return { uid };
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description: "Marks the phone ID unverified and has LoginRadius send a code.",
  })
  @Policy({ scope: "accounts:write", sideEffect: "sends an SMS or a voice call", cost: "each-run" })
  async resetPhoneIdVerification(
    @Args(() => ResetPhoneArgs) { uid, smsTemplate, voice }: ResetPhoneArgs,
    @Ctx() ctx: Context,
  ) {
    await ctx.accounts.resetPhoneIdVerification(uid, { smsTemplate, isVoiceOtp: voice });
    return { uid };
  }

  @Mutation(() => DeleteAccountPayload, { nullable: true, description: "Deletes an account." })
  @Policy({ scope: "accounts:delete", cost: "each-run" })
  async deleteAccount(@Args(() => UidReasonArgs) { uid }: UidReasonArgs, @Ctx() ctx: Context) {
    return toDeleteAccountPayload(uid, await ctx.accounts.deleteByUid(uid));
  }

  @Mutation(() => DeleteAccountsByEmailPayload, {
    nullable: true,
    description: "Deletes every account that has this email.",
  })
  @Policy({ scope: "accounts:delete", cost: "each-run" })
  async deleteAccountsByEmail(
    @Args(() => EmailReasonArgs) { email }: EmailReasonArgs,
    @Ctx() ctx: Context,
  ) {
    return toDeleteByEmailPayload(email, await ctx.accounts.deleteByEmail(email));
  }

  @Mutation(() => ForgotPasswordTokenPayload, {
    nullable: true,
    description: "Makes a password-reset token; optionally has LoginRadius email it.",
  })
  @Policy({
    scope: "accounts:credentials",
    sideEffect: `${TOKEN}; ${EMAIL} when sendEmail`,
    cost: "each-run",
  })
  async generateForgotPasswordToken(
    @Args(() => ForgotPasswordArgs) args: ForgotPasswordArgs,
    @Ctx() ctx: Context,
  ) {
    const who = args.email
      ? { email: args.email }
      : args.userName
        ? { username: args.userName }
        : undefined;
    if (!who) throw userError(ErrorCodes.BAD_USER_INPUT, "Give email or userName.", "email");
    const wire = await ctx.accounts.forgotPasswordToken(who, {
      sendEmail: args.sendEmail,
      emailTemplate: args.emailTemplate,
      resetPasswordUrl: args.resetPasswordUrl,
    });
    return toForgotPasswordToken(wire, args.sendEmail);
  }

  @Mutation(() => EmailVerificationTokenPayload, {
    nullable: true,
    description: "Makes an email verification token for an unverified email.",
  })
  @Policy({ scope: "accounts:credentials", sideEffect: TOKEN, cost: "each-run" })
  async generateEmailVerificationToken(
    @Args(() => EmailArgs) { email }: EmailArgs,
    @Ctx() ctx: Context,
  ) {
    return toEmailVerificationToken(await ctx.accounts.emailVerificationToken(email));
  }

  @Mutation(() => AccessTokenPayload, {
    nullable: true,
    description: "Issues an access token for the user (impersonation). Every call mints a new one.",
  })
  @Policy({ scope: "accounts:impersonate", sideEffect: TOKEN, cost: "each-run" })
  async issueAccessToken(@Args(() => UidReasonArgs) { uid }: UidReasonArgs, @Ctx() ctx: Context) {
    return toAccessToken(await ctx.accounts.accessTokenByUid(uid));
  }

  @Mutation(() => AccessTokenPayload, {
    nullable: true,
    description:
      "Exchanges a refresh token for a new access token and a new refresh token: LoginRadius rotates it, so keep the new one (the used one is spent).",
  })
  @Policy({ scope: "accounts:impersonate", sideEffect: TOKEN, cost: "each-run" })
  async refreshAccessToken(
    @Args(() => RefreshTokenArgs) { refreshToken }: RefreshTokenArgs,
    @Ctx() ctx: Context,
  ) {
    return toAccessToken(await ctx.accounts.refreshAccessToken(refreshToken));
  }

  @Mutation(() => RevokeRefreshTokensPayload, {
    nullable: true,
    description: "Revokes one refresh token.",
  })
  @Policy({ scope: "accounts:credentials", cost: "each-run" })
  async revokeRefreshToken(
    @Args(() => RefreshTokenArgs) { refreshToken }: RefreshTokenArgs,
    @Ctx() ctx: Context,
  ) {
    return toRevoked(await ctx.accounts.revokeRefreshToken(refreshToken));
  }

  @Mutation(() => RevokeRefreshTokensPayload, {
    nullable: true,
    description: "Revokes every refresh token of the account.",
  })
  @Policy({ scope: "accounts:credentials", cost: "each-run" })
  async revokeAllRefreshTokens(@Args(() => UidArgs) { uid }: UidArgs, @Ctx() ctx: Context) {
    return toRevoked(await ctx.accounts.revokeAllRefreshTokens(uid));
  }
}
