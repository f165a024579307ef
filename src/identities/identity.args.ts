import { Length, Matches } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { UidReasonArgs } from "../graphql/uid.args.js";

/** What a LoginRadius token looks like from outside: printable, no spaces, bounded. */
const TOKEN = /^[\x21-\x7e]{1,512}$/;
const PROVIDER = /^[A-Za-z0-9_.-]{1,64}$/;
const PROVIDER_ID = /^[\x21-\x7e]{1,256}$/;

@ArgsType()
export class LinkIdentityArgs extends UidReasonArgs {
  @Field(() => String, {
    description:
      "The candidate token: the LoginRadius access token of the social login to link (what the front end got when the user signed in with that provider). Never recorded.",
  })
  @Matches(TOKEN, { message: "candidateToken must be 1 to 512 printable characters, no spaces" })
  candidateToken!: string;
}

@ArgsType()
export class UnlinkIdentityArgs extends UidReasonArgs {
  @Field(() => String, {
    description: "The identity's provider, e.g. `facebook` (as `Identity.provider`).",
  })
  @Matches(PROVIDER, { message: "provider must be 1 to 64 letters, digits, `_`, `.` or `-`" })
  provider!: string;

  @Field(() => String, {
    description: "The user's ID at that provider (as `Identity.providerId`).",
  })
  @Length(1, 256)
  @Matches(PROVIDER_ID, { message: "providerId must be 1 to 256 printable characters, no spaces" })
  providerId!: string;
}
