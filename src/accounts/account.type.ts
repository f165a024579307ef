import { DateTimeResolver, JSONObjectResolver } from "graphql-scalars";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { OpenField } from "../graphql/auth/read-scope.js";
import { ReadGuard } from "./account.scopes.js";

@ObjectType({ description: "An email address on an account." })
export class Email {
  @Field(() => String, {
    description: "What the address is for: `Primary`, `Secondary`, `Business`, ...",
  })
  type!: string;

  @Field(() => String, { description: "The address." })
  value!: string;
}

@ObjectType({ description: "A country, as the profile stores it." })
export class Country {
  @Field(() => String, { nullable: true, description: "ISO 3166 code, e.g. `GB`." })
  code!: string | null;

  @Field(() => String, { nullable: true, description: "Display name." })
  name!: string | null;
}

@ObjectType({
  description: "A social or enterprise identity linked to the account (Facebook, Google, ...).",
})
export class Identity {
  @Field(() => String, { description: "The identity provider, e.g. `facebook`." })
  provider!: string;

  @Field(() => String, { nullable: true, description: "The user's ID at that provider." })
  providerId!: string | null;

  @Field(() => String, { nullable: true, description: "The name the provider reports." })
  fullName!: string | null;

  @Field(() => [Email], { description: "The emails the provider reports." })
  emails!: Email[];

  @Field(() => String, { nullable: true, description: "The profile picture the provider reports." })
  imageUrl!: string | null;
}

@ObjectType({ description: "One acceptance of a privacy policy version." })
export class PrivacyPolicyAcceptance {
  @Field(() => String, { description: "The accepted policy version." })
  version!: string;

  @Field(() => String, { nullable: true, description: "Where it was accepted, e.g. `API`." })
  acceptSource!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was accepted." })
  acceptedAt!: Date | null;
}

@ObjectType({ description: "The privacy policy versions an account has accepted." })
export class PrivacyPolicyHistory {
  @Field(() => PrivacyPolicyAcceptance, {
    nullable: true,
    description: "The version in force; null if none was accepted.",
  })
  current!: PrivacyPolicyAcceptance | null;

  @Field(() => [PrivacyPolicyAcceptance], { description: "Every acceptance, oldest first." })
  history!: PrivacyPolicyAcceptance[];
}

@ObjectType({
  description:
    "Whether login is locked (brute-force lockout or an administrator), from the profile's `IsLoginLocked` and `LoginLockedType`.",
})
export class LockState {
  @Field(() => Boolean, { description: "True when login is locked; `unlockAccount` clears it." })
  locked!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "How it is locked, as LoginRadius names it (`Suspended`, `Captcha`, `SecurityQuestion`, `Block`...); null when unlocked.",
  })
  lockedType!: string | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "When a suspension ends. Always null: the management profile does not carry it (LoginRadius reports it only in a login error).",
  })
  lockedUntil!: Date | null;
}

@ReadGuard()
@ObjectType({ description: "A LoginRadius user account (a profile in the Account API)." })
// Other services' types (orders, tickets) refer to a customer by UID; see src/graphql/federation/.
@Directive('@key(fields: "uid")')
export class Account {
  @OpenField()
  @Field(() => ID, { description: "The account's unique ID in LoginRadius (UID)." })
  uid!: string;

  @Field(() => [Email], { nullable: true, description: "Every email on the account." })
  emails!: Email[];

  @Field(() => String, {
    nullable: true,
    description: "The Primary email, or the first one if none is Primary.",
  })
  primaryEmail!: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the account's email is verified." })
  emailVerified!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The phone ID (E.164), used for phone login and SMS.",
  })
  phone!: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the phone ID is verified." })
  phoneVerified!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The user name, when the site uses user names.",
  })
  userName!: string | null;

  @Field(() => String, { nullable: true, description: "Name prefix, e.g. `Dr`." })
  prefix!: string | null;

  @Field(() => String, { nullable: true, description: "First name." })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: "Middle name." })
  middleName!: string | null;

  @Field(() => String, { nullable: true, description: "Last name." })
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: "Name suffix, e.g. `Jr`." })
  suffix!: string | null;

  @Field(() => String, { nullable: true, description: "Full name as stored (not computed)." })
  fullName!: string | null;

  @Field(() => String, { nullable: true, description: "Nickname." })
  nickName!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Birth date as LoginRadius stores it (a string such as `1990-02-07` or `10-12-1985`).",
  })
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: "Gender as stored (`M`, `F` or free text)." })
  gender!: string | null;

  @Field(() => String, { nullable: true, description: "Company." })
  company!: string | null;

  @Field(() => String, { nullable: true, description: "City." })
  city!: string | null;

  @Field(() => Country, { nullable: true, description: "Country." })
  country!: Country | null;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "Site-defined custom fields (string values); `{}` when none.",
  })
  customFields!: Record<string, unknown>;

  @Field(() => [String], { nullable: true, description: "Roles assigned to the account." })
  roles!: string[];

  @Field(() => [Identity], {
    nullable: true,
    description: "Linked social identities; empty for email-only accounts.",
  })
  identities!: Identity[];

  @Field(() => String, {
    nullable: true,
    description: "The provider of this profile: `Email` for traditional accounts.",
  })
  provider!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Where the account was registered: `API` or a page URL.",
  })
  registrationSource!: string | null;

  @Field(() => Boolean, { nullable: true, description: "False when the account is deactivated." })
  isActive!: boolean;

  @Field(() => Boolean, { nullable: true, description: "True when the account is soft-deleted." })
  isDeleted!: boolean;

  @Field(() => Boolean, { nullable: true, description: "True when login is locked." })
  isLoginLocked!: boolean;

  @Field(() => LockState, {
    nullable: true,
    description: "The lock on login: whether, how, until when.",
  })
  lockState!: LockState;

  @Field(() => Boolean, {
    nullable: true,
    description: "True when the UID was chosen by the caller, not generated.",
  })
  isCustomUid!: boolean;

  @Field(() => Int, { nullable: true, description: "How many times the user has logged in." })
  loginCount!: number;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the account was created." })
  createdAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the account was last modified.",
  })
  modifiedAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "Last login; null if the user never logged in.",
  })
  lastLoginAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "Last password change; null if never.",
  })
  lastPasswordChangeAt!: Date | null;

  @Field(() => [String], {
    nullable: true,
    description: "UIDs the account had before `updateAccountUid`.",
  })
  previousUids!: string[];

  @Field(() => PrivacyPolicyAcceptance, {
    nullable: true,
    description: "The privacy policy version accepted last.",
  })
  privacyPolicy!: PrivacyPolicyAcceptance | null;
}
