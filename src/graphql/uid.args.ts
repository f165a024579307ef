import { Matches } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { Reason } from "./audit/audit.reason.js";
import { UID_MESSAGE, UID_PATTERN } from "./identifiers.js";

/** The account a field acts on, by UID: the arguments most sections' fields start from. */
@ArgsType()
export class UidArgs {
  @Field(() => ID, { description: "The account's UID." })
  @Matches(UID_PATTERN, { message: `uid ${UID_MESSAGE}` })
  uid!: string;
}

/** An account by UID, and the audited reason for acting on it. */
@ArgsType()
export class UidReasonArgs extends UidArgs {
  @Reason()
  reason!: string;
}
