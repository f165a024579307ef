import { Args, Ctx, Mutation, Resolver } from "type-graphql";
import { Policy } from "../graphql/policy/index.js";
import { GenerateEmailTokenArgs, GenerateSmsOtpArgs, GenerateSottArgs } from "./tokens.args.js";
import { toEmailToken, toSmsOtp, toSott } from "./tokens.mapper.js";
import { EmailTokenPayload, SmsOtpPayload, SottPayload } from "./tokens.payload.js";
import type { TokensContext } from "./tokens.repository.js";
import { toEmailTokenBody, toSmsOtpBody } from "./tokens.rules.js";

/**
 * Every field here mints a credential (its side effect): the Accounts section's credentials scope
 * guards them; one call each time, never shared.
 */
const Credentials = (sideEffect: string) =>
  Policy({ scope: "accounts:credentials", cost: "each-run", sideEffect });

/**
 * Multipurpose tokens and SOTT: arguments checked against the type's documented body before any
 * call, then one upstream call, never retried. Each counts against MAX_SIDE_EFFECTS.
 */
@Resolver()
export class TokensMutationResolver {
  @Mutation(() => EmailTokenPayload, {
    nullable: true,
    description:
      "Mints a multipurpose email token of this type and has LoginRadius email it (verification, reset, login links...). Which arguments it needs depends on the type.",
  })
  @Credentials("mints a token; sends an email")
  async generateEmailToken(
    @Args(() => GenerateEmailTokenArgs) args: GenerateEmailTokenArgs,
    @Ctx() ctx: TokensContext,
  ): Promise<EmailTokenPayload> {
    const body = toEmailTokenBody(args);
    return toEmailToken(args.type, await ctx.tokens.emailToken(args.type, body));
  }

  @Mutation(() => SmsOtpPayload, {
    nullable: true,
    description:
      "Mints a multipurpose SMS OTP of this type and has LoginRadius text it to the phone.",
  })
  @Credentials("mints an OTP; sends an SMS")
  async generateSmsOtp(
    @Args(() => GenerateSmsOtpArgs) args: GenerateSmsOtpArgs,
    @Ctx() ctx: TokensContext,
  ): Promise<SmsOtpPayload> {
    const body = toSmsOtpBody(args);
    return toSmsOtp(args.type, await ctx.tokens.smsOtp(args.type, body));
  }

  @Mutation(() => SottPayload, {
    nullable: true,
    description: "Mints a SOTT (Secured One Time Token) for a front end's registration call.",
  })
  @Credentials("mints a SOTT")
  async generateSott(
    @Args(() => GenerateSottArgs) { validFor }: GenerateSottArgs,
    @Ctx() ctx: TokensContext,
  ): Promise<SottPayload> {
    return toSott(await ctx.tokens.sott(validFor));
  }
}
