import { Field, ID, ObjectType } from "type-graphql";
import type { ReauthKind } from "./security.client.js";
import { ReauthenticationKind } from "./security.enums.js";

@ObjectType({ description: "New backup codes: the old ones no longer work." })
export class BackupCodesPayload {
  @Field(() => ID, { description: "The account's UID." })
  uid!: string;

  @Field(() => [String], {
    description: "Ten single-use backup codes; treat them as passwords. Shown only here.",
  })
  codes!: string[];
}

@ObjectType({ description: "The answer to a step-up check." })
export class ReauthenticationPayload {
  @Field(() => ID, { description: "The account's UID." })
  uid!: string;

  @Field(() => ReauthenticationKind, { description: "The check that was made." })
  kind!: ReauthKind;

  @Field(() => Boolean, {
    description:
      "True when the token proves a step-up of this kind by this account; false when it is unknown, expired, of another kind or another account's.",
  })
  valid!: boolean;
}
