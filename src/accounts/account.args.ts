import {
  ArrayMaxSize,
  IsEmail,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { Reason } from "../graphql/audit/audit.reason.js";
import {
  PHONE_MESSAGE,
  PHONE_PATTERN,
  UID_MESSAGE,
  UID_PATTERN,
  USER_NAME_PATTERN,
} from "../graphql/identifiers.js";
import { LinkUrl } from "../graphql/link-origins.js";
import { UidArgs } from "../graphql/uid.args.js";
import { CreateAccountInput, EmailInput, UpdateAccountInput } from "./account.input.js";

/** The most UIDs one `accountsByUids` may ask for: each costs an upstream call. */
export const MAX_UIDS = 100;

@ArgsType()
export class EmailArgs {
  @Field(() => String, { description: "An email address." })
  @IsEmail({}, { message: "email must be an email address" })
  email!: string;
}

@ArgsType()
export class EmailReasonArgs extends EmailArgs {
  @Reason()
  reason!: string;
}

@ArgsType()
export class PhoneArgs {
  @Field(() => String, { description: "A phone ID in E.164 form." })
  @Matches(PHONE_PATTERN, { message: `phone ${PHONE_MESSAGE}` })
  phone!: string;
}

@ArgsType()
export class UserNameArgs {
  @Field(() => String, { description: "A user name." })
  @Matches(USER_NAME_PATTERN, { message: "userName must be 1 to 64 characters without spaces" })
  userName!: string;
}

@ArgsType()
export class UidsArgs {
  @Field(() => [ID], {
    description: `Up to ${MAX_UIDS} UIDs; a repeat makes no further upstream call but is answered (and counted against MAX_RESULT_ITEMS) again.`,
  })
  @ArrayMaxSize(MAX_UIDS, { message: `uids may hold at most ${MAX_UIDS} UIDs` })
  @Matches(UID_PATTERN, { each: true, message: `each of uids ${UID_MESSAGE}` })
  uids!: string[];
}

@ArgsType()
export class CreateAccountArgs {
  @Field(() => CreateAccountInput, { description: "The new account." })
  @ValidateNested()
  input!: CreateAccountInput;
}

@ArgsType()
export class UpdateAccountArgs extends UidArgs {
  @Field(() => UpdateAccountInput, { description: "The fields to change." })
  @ValidateNested()
  input!: UpdateAccountInput;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "When true, a `null` in `input` clears that field; when false, nulls are ignored.",
  })
  nullSupport!: boolean;
}

@ArgsType()
export class UpdatePhoneIdArgs extends UidArgs {
  @Field(() => String, { description: "The new phone ID (E.164). It becomes unverified." })
  @Matches(PHONE_PATTERN, { message: `phone ${PHONE_MESSAGE}` })
  phone!: string;
}

@ArgsType()
export class SetPasswordArgs extends UidArgs {
  @Field(() => String, { description: "The new password. The site's password policy applies." })
  @Length(1, 256, { message: "password must be 1 to 256 characters" })
  password!: string;

  @Reason()
  reason!: string;
}

@ArgsType()
export class UpsertEmailArgs extends UidArgs {
  @Field(() => [EmailInput], {
    description: "Emails to add; one with a type the account has replaces that one.",
  })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  emails!: EmailInput[];
}

@ArgsType()
export class RemoveEmailArgs extends UidArgs {
  @Field(() => String, { description: "The address to remove. The last email cannot be removed." })
  @IsEmail({}, { message: "email must be an email address" })
  email!: string;
}

@ArgsType()
export class UpdateUidArgs extends UidArgs {
  @Field(() => ID, { description: "The new UID." })
  @Matches(UID_PATTERN, { message: `newUid ${UID_MESSAGE}` })
  newUid!: string;
}

@ArgsType()
export class InvalidateEmailArgs extends UidArgs {
  @Field(() => String, {
    nullable: true,
    description: "The email template for the new verification email.",
  })
  @IsOptional()
  @MaxLength(100)
  emailTemplate?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The verification page URL for the link; its origin must be in ALLOWED_LINK_ORIGINS. Written in canonical form (as `new URL(x).href` writes it: no spaces, no `\\`, no credentials, percent-encoded); it is sent as checked.",
  })
  @IsOptional()
  @MaxLength(2000)
  @LinkUrl()
  verificationUrl?: string;
}

@ArgsType()
export class ResetPhoneArgs extends UidArgs {
  @Field(() => String, {
    nullable: true,
    description: "The SMS template for the new verification code.",
  })
  @IsOptional()
  @MaxLength(100)
  smsTemplate?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Send the code by voice call instead of SMS.",
  })
  voice!: boolean;
}

@ArgsType()
export class ForgotPasswordArgs {
  @Field(() => String, {
    nullable: true,
    description: "The account's email; give this or `userName`.",
  })
  @IsOptional()
  @IsEmail({}, { message: "email must be an email address" })
  email?: string;

  @Field(() => String, {
    nullable: true,
    description: "The account's user name; give this or `email`.",
  })
  @IsOptional()
  @Matches(USER_NAME_PATTERN, { message: "userName must be 1 to 64 characters without spaces" })
  userName?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Also have LoginRadius email the reset link.",
  })
  sendEmail!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The email template, when `sendEmail` is true.",
  })
  @IsOptional()
  @MaxLength(100)
  emailTemplate?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The reset page URL for the link, when `sendEmail` is true; its origin must be in ALLOWED_LINK_ORIGINS. Written in canonical form (as `new URL(x).href` writes it: no spaces, no `\\`, no credentials, percent-encoded); it is sent as checked.",
  })
  @IsOptional()
  @MaxLength(2000)
  @LinkUrl()
  resetPasswordUrl?: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field(() => String, { description: "A refresh token from `issueAccessToken`." })
  @Length(1, 200)
  refreshToken!: string;
}
