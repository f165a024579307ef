import { IsIn, Length, Matches } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { UidArgs } from "../graphql/uid.args.js";
import type { AuthenticatorKind as Kind, ReauthKind } from "./security.client.js";
import { AuthenticatorKind, ReauthenticationKind } from "./security.enums.js";

/** A passkey ID goes into the path: letters, digits, `_` and `-` only (base64url or hex). */
export const PASSKEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

/** The longest step-up token accepted (LoginRadius's are 32 hex digits or a JWT). */
export const MAX_TOKEN_LENGTH = 2048;

@ArgsType()
export class ResetAuthenticatorArgs extends UidArgs {
  @Field(() => AuthenticatorKind, { description: "The second factor to remove." })
  @IsIn(Object.values(AuthenticatorKind))
  kind!: Kind;
}

@ArgsType()
export class RemovePasskeyArgs extends UidArgs {
  @Field(() => ID, { description: "The passkey's ID, as `Account.passkeys` lists it." })
  @Matches(PASSKEY_ID_PATTERN, {
    message:
      "passkeyId must be 1 to 256 letters, digits, _ or - (a passkey ID from Account.passkeys)",
  })
  passkeyId!: string;
}

@ArgsType()
export class ValidateReauthenticationArgs extends UidArgs {
  @Field(() => ReauthenticationKind, { description: "The kind of step-up the token proves." })
  @IsIn(Object.values(ReauthenticationKind))
  kind!: ReauthKind;

  @Field(() => String, {
    description: "The step-up token (`SecondFactorValidationToken`); never logged or audited.",
  })
  @Length(1, MAX_TOKEN_LENGTH, { message: `token must be 1 to ${MAX_TOKEN_LENGTH} characters` })
  @Matches(/^\S+$/, { message: "token must not contain spaces" })
  token!: string;
}
