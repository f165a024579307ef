import { IsEmail, IsIn, IsOptional, Length, Matches, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import {
  PHONE_MESSAGE,
  PHONE_PATTERN,
  UID_MESSAGE,
  UID_PATTERN,
  USER_NAME_PATTERN,
} from "../graphql/identifiers.js";
import {
  EmailTokenType,
  type EmailTokenTypeName,
  SmsOtpType,
  type SmsOtpTypeName,
} from "./tokens.enums.js";

/** A client GUID (one-touch and auto login): a browser's ID, letters, digits and `-`. */
export const CLIENT_GUID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/**
 * `name` is put into an email or SMS that LoginRadius sends, in the company's name, to any
 * address or number the caller gives: a free text there is a phishing line ("Call +1 555...",
 * "visit evil.example"). So it is a plain display name: words of letters (any script, with
 * their combining marks) joined by single spaces, hyphens or apostrophes, a word ending in at
 * most one `.` (an initial, "Jr.") that a space or the end follows, so no host name fits.
 */
export const DISPLAY_NAME_PATTERN =
  /^\p{L}\p{M}*(?:[\p{L}\p{M}]|['-]\p{L})*\.?(?: \p{L}\p{M}*(?:[\p{L}\p{M}]|['-]\p{L})*\.?)*$/u;

export const MAX_DISPLAY_NAME = 50;

const DISPLAY_NAME_MESSAGE = `name must be a plain display name: letters, spaces, . - ' (at most ${MAX_DISPLAY_NAME} characters)`;

/** The longest SOTT lifetime we mint, in minutes: a day (LoginRadius sets none). */
export const MAX_SOTT_MINUTES = 1440;

@ArgsType()
export class GenerateEmailTokenArgs {
  @Field(() => EmailTokenType, {
    description: "What the token is for; says which arguments it needs.",
  })
  @IsIn(Object.values(EmailTokenType))
  type!: EmailTokenTypeName;

  @Field(() => String, { nullable: true, description: "The email address the token goes to." })
  @IsOptional()
  @IsEmail({}, { message: "email must be an email address" })
  email?: string;

  @Field(() => String, { nullable: true, description: "The user name, instead of `email`." })
  @IsOptional()
  @Matches(USER_NAME_PATTERN, { message: "userName must be 1 to 64 characters without spaces" })
  userName?: string;

  @Field(() => ID, { nullable: true, description: "The account's UID (ADD_EMAIL, DELETE_USER)." })
  @IsOptional()
  @Matches(UID_PATTERN, { message: `uid ${UID_MESSAGE}` })
  uid?: string;

  @Field(() => String, {
    nullable: true,
    description: "The new email's type, e.g. `Secondary` (ADD_EMAIL).",
  })
  @IsOptional()
  @Length(1, 50, { message: "emailType must be 1 to 50 characters" })
  emailType?: string;

  @Field(() => String, {
    nullable: true,
    description: "The browser's client GUID (ONE_TOUCH_LOGIN, AUTO_LOGIN).",
  })
  @IsOptional()
  @Matches(CLIENT_GUID_PATTERN, {
    message: "clientGuid must be 1 to 64 letters, digits or -",
  })
  clientGuid?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The user's name for the email's greeting (ONE_TOUCH_LOGIN): a plain display name, letters, spaces and `. - '`, at most 50 characters.",
  })
  @IsOptional()
  @MaxLength(MAX_DISPLAY_NAME, { message: DISPLAY_NAME_MESSAGE })
  @Matches(DISPLAY_NAME_PATTERN, { message: DISPLAY_NAME_MESSAGE })
  name?: string;
}

@ArgsType()
export class GenerateSmsOtpArgs {
  @Field(() => SmsOtpType, { description: "What the OTP is for; says which arguments it needs." })
  @IsIn(Object.values(SmsOtpType))
  type!: SmsOtpTypeName;

  @Field(() => String, { description: "The phone number the OTP goes to, in E.164 form." })
  @Matches(PHONE_PATTERN, { message: `phone ${PHONE_MESSAGE}` })
  phone!: string;

  @Field(() => ID, { nullable: true, description: "The account's UID (ADD_PHONE)." })
  @IsOptional()
  @Matches(UID_PATTERN, { message: `uid ${UID_MESSAGE}` })
  uid?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The user's name for the message (ONE_TOUCH_LOGIN): a plain display name, letters, spaces and `. - '`, at most 50 characters.",
  })
  @IsOptional()
  @MaxLength(MAX_DISPLAY_NAME, { message: DISPLAY_NAME_MESSAGE })
  @Matches(DISPLAY_NAME_PATTERN, { message: DISPLAY_NAME_MESSAGE })
  name?: string;
}

@ArgsType()
export class GenerateSottArgs {
  @Field(() => Int, {
    defaultValue: 10,
    description: `How long the SOTT is valid, in minutes (1 to ${MAX_SOTT_MINUTES}).`,
  })
  @Min(1, { message: `validFor must be 1 to ${MAX_SOTT_MINUTES} minutes` })
  @Max(MAX_SOTT_MINUTES, { message: `validFor must be 1 to ${MAX_SOTT_MINUTES} minutes` })
  validFor!: number;
}
