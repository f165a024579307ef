import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
} from "class-validator";
import { JSONObjectResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import {
  PHONE_MESSAGE,
  PHONE_PATTERN,
  UID_MESSAGE,
  UID_PATTERN,
  USER_NAME_PATTERN,
} from "../graphql/identifiers.js";

/** LoginRadius's birth date forms, checked here so bad input never costs an upstream call. */
export const BIRTH_DATE_PATTERN = /^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4})$/;
const NAME_MAX = 100;

/** At most one email of type Primary (LoginRadius 1203), and no address twice (1202). */
const OneAccountEmailList = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: "oneAccountEmailList",
    target: target.constructor,
    propertyName,
    validator: {
      validate(value: unknown) {
        if (!Array.isArray(value)) return true;
        const emails = value as { type?: string; value?: string }[];
        const primaries = emails.filter((e) => e.type?.toLowerCase() === "primary").length;
        const distinct = new Set(emails.map((e) => e.value?.toLowerCase())).size;
        return primaries <= 1 && distinct === emails.length;
      },
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? "emails"} must have at most one Primary email and no address twice`,
    },
  });

/** Custom field values are strings in LoginRadius (993 otherwise). */
const StringValues = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: "stringValues",
    target: target.constructor,
    propertyName,
    validator: {
      validate: (value: unknown) =>
        value === null ||
        value === undefined ||
        Object.values(value as object).every((v) => v === null || typeof v === "string"),
      defaultMessage: () =>
        "customFields values must be strings (or null to remove, with nullSupport)",
    },
  });

@InputType({ description: "An email address with its type." })
export class EmailInput {
  @Field(() => String, { description: "`Primary`, `Secondary`, `Business`, ..." })
  @Length(1, 50)
  type!: string;

  @Field(() => String, { description: "The address." })
  @IsEmail({}, { message: "value must be an email address" })
  @MaxLength(254)
  value!: string;
}

/** Profile fields shared by create and update; not itself in the schema (no resolver uses it). */
@InputType("ProfileFieldsBase")
abstract class ProfileFields {
  @Field(() => String, { nullable: true, description: "User name; unique across accounts." })
  @IsOptional()
  @Matches(USER_NAME_PATTERN, { message: "userName must be 1 to 64 characters without spaces" })
  userName?: string | null;

  @Field(() => String, { nullable: true, description: "Name prefix." })
  @IsOptional()
  @MaxLength(NAME_MAX)
  prefix?: string | null;

  @Field(() => String, { nullable: true, description: "First name." })
  @IsOptional()
  @MaxLength(NAME_MAX)
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: "Middle name." })
  @IsOptional()
  @MaxLength(NAME_MAX)
  middleName?: string | null;

  @Field(() => String, { nullable: true, description: "Last name." })
  @IsOptional()
  @MaxLength(NAME_MAX)
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: "Name suffix." })
  @IsOptional()
  @MaxLength(NAME_MAX)
  suffix?: string | null;

  @Field(() => String, { nullable: true, description: "Full name (stored as given)." })
  @IsOptional()
  @MaxLength(NAME_MAX * 3)
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: "Nickname." })
  @IsOptional()
  @MaxLength(NAME_MAX)
  nickName?: string | null;

  @Field(() => String, { nullable: true, description: "Birth date, `YYYY-MM-DD` or `MM-DD-YYYY`." })
  @IsOptional()
  @Matches(BIRTH_DATE_PATTERN, { message: "birthDate must be YYYY-MM-DD or MM-DD-YYYY" })
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: "Gender." })
  @IsOptional()
  @MaxLength(NAME_MAX)
  gender?: string | null;

  @Field(() => String, { nullable: true, description: "Company." })
  @IsOptional()
  @MaxLength(NAME_MAX * 2)
  company?: string | null;

  @Field(() => String, { nullable: true, description: "City." })
  @IsOptional()
  @MaxLength(NAME_MAX)
  city?: string | null;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "Custom fields to set (string values); merged key by key.",
  })
  @IsOptional()
  @StringValues()
  customFields?: Record<string, unknown> | null;

  @Field(() => Boolean, { nullable: true, description: "Mark the email as verified (or not)." })
  emailVerified?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Mark the phone ID as verified (or not)." })
  phoneVerified?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "Record acceptance of this privacy policy version.",
  })
  @IsOptional()
  @Length(1, 50)
  privacyPolicyVersion?: string | null;
}

@InputType({ description: "A new account." })
export class CreateAccountInput extends ProfileFields {
  @Field(() => [EmailInput], { description: "At least one email; at most one of type Primary." })
  @ArrayMinSize(1, { message: "emails must have at least one email" })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @OneAccountEmailList()
  emails!: EmailInput[];

  @Field(() => String, {
    description: "The password; stored hashed by LoginRadius. The site's password policy applies.",
  })
  @Length(1, 256, { message: "password must be 1 to 256 characters" })
  password!: string;

  @Field(() => ID, { nullable: true, description: "A custom UID; generated when absent." })
  @IsOptional()
  @Matches(UID_PATTERN, { message: `uid ${UID_MESSAGE}` })
  uid?: string | null;

  @Field(() => String, { nullable: true, description: "Phone ID (E.164); unique across accounts." })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: `phone ${PHONE_MESSAGE}` })
  phone?: string | null;
}

@InputType({
  description:
    "Changes to an account. Absent fields are left alone; `null` clears a field only when the mutation's `nullSupport` is true. Emails and the phone ID have their own mutations.",
})
export class UpdateAccountInput extends ProfileFields {
  @Field(() => Boolean, {
    nullable: true,
    description: "Deactivate (false) or reactivate (true) the account.",
  })
  isActive?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Lock (true) or unlock (false) login." })
  isLoginLocked?: boolean | null;
}
