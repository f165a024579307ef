import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { Account } from "./account.type.js";

@ObjectType({
  description:
    "The result of an action on one account. The action succeeded; `account` is read afresh only when selected, so a failed read never hides a write that happened.",
})
export class AccountActionPayload {
  @Field(() => ID, {
    description: "The UID of the account acted on (the new UID after `updateAccountUid`).",
  })
  uid!: string;

  // Resolved by AccountActionPayloadResolver through the request's loaders.
  account?: Account | null;
}

@ObjectType({ description: "The result of `deleteAccount`." })
export class DeleteAccountPayload {
  @Field(() => ID, { description: "The UID that was deleted." })
  uid!: string;

  @Field(() => Boolean, { description: "True when LoginRadius confirmed the delete." })
  deleted!: boolean;
}

@ObjectType({ description: "The result of `deleteAccountsByEmail`." })
export class DeleteAccountsByEmailPayload {
  @Field(() => String, { description: "The email whose accounts were deleted." })
  email!: string;

  @Field(() => Int, { description: "How many accounts were deleted." })
  deletedCount!: number;
}

@ObjectType({ description: "A password-reset token." })
export class ForgotPasswordTokenPayload {
  @Field(() => String, { description: "The token to put in a reset-password link." })
  token!: string;

  @Field(() => [String], {
    description: "Social providers also linked to the email, e.g. `Facebook`.",
  })
  identityProviders!: string[];

  @Field(() => Boolean, { description: "Whether LoginRadius was asked to email the user." })
  emailSent!: boolean;
}

@ObjectType({ description: "An email verification token." })
export class EmailVerificationTokenPayload {
  @Field(() => String, { description: "The token to put in a verification link." })
  token!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the token expires, when LoginRadius says.",
  })
  expiresAt!: Date | null;
}

@ObjectType({ description: "An access token for a user (impersonation) and its refresh token." })
export class AccessTokenPayload {
  @Field(() => String, { description: "The access token; treat it as a password." })
  accessToken!: string;

  @Field(() => String, {
    nullable: true,
    description: "The refresh token; treat it as a password.",
  })
  refreshToken!: string | null;

  @Field(() => DateTimeResolver, { description: "When the access token expires." })
  expiresAt!: Date;
}

@ObjectType({ description: "The result of revoking refresh tokens." })
export class RevokeRefreshTokensPayload {
  @Field(() => Boolean, {
    description:
      "True when LoginRadius confirmed the revocation. Access tokens stay valid until they expire.",
  })
  revoked!: boolean;
}
