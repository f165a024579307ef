import { DateTimeResolver } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import {
  EmailTokenType,
  type EmailTokenTypeName,
  SmsOtpType,
  type SmsOtpTypeName,
} from "./tokens.enums.js";

@ObjectType({ description: "A multipurpose email token; LoginRadius also emailed it to the user." })
export class EmailTokenPayload {
  @Field(() => EmailTokenType, { description: "What the token is for." })
  type!: EmailTokenTypeName;

  @Field(() => String, {
    description:
      "The token (or email OTP, when the site has OTP email verification on); treat it as a password.",
  })
  token!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the token expires." })
  expiresAt!: Date | null;

  @Field(() => [String], {
    description:
      "Social providers linked to the email (FORGOT_PASSWORD), e.g. `Facebook`; else empty.",
  })
  identityProviders!: string[];
}

@ObjectType({ description: "A multipurpose SMS OTP; LoginRadius also texted it to the phone." })
export class SmsOtpPayload {
  @Field(() => SmsOtpType, { description: "What the OTP is for." })
  type!: SmsOtpTypeName;

  @Field(() => String, { description: "The one-time code; treat it as a password." })
  otp!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the OTP expires." })
  expiresAt!: Date | null;
}

@ObjectType({
  description: "A SOTT (Secured One Time Token): lets a front end call the registration API once.",
})
export class SottPayload {
  @Field(() => String, { description: "The SOTT; treat it as a password." })
  sott!: string;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the SOTT expires." })
  expiresAt!: Date | null;
}
