import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A passkey (WebAuthn credential) registered on an account." })
export class Passkey {
  @Field(() => ID, { description: "The passkey's ID: what `removePasskey` takes." })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The WebAuthn user handle (LoginRadius shows the same one on all of a user's passkeys).",
  })
  identifier!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was registered." })
  createdAt!: Date | null;
}

@ObjectType({ description: "A consent form version in force when consent was given." })
export class ConsentFormVersion {
  @Field(() => String, {
    nullable: true,
    description: "The event the form is shown at, e.g. `Register`.",
  })
  event!: string | null;

  @Field(() => Int, { nullable: true, description: "The form's version." })
  version!: number | null;

  @Field(() => Boolean, { description: "True for a custom form." })
  isCustom!: boolean;
}

@ObjectType({ description: "One consent given or withdrawn." })
export class ConsentEvent {
  @Field(() => String, { description: "The consent's ID, e.g. `email_consent`." })
  consentId!: string;

  @Field(() => String, { nullable: true, description: "What happened, e.g. `Subscribe`." })
  event!: string | null;
}

@ObjectType({
  description: "One entry of an account's consent log: what was consented to, when, from where.",
})
export class ConsentLog {
  @Field(() => ID, { nullable: true, description: "The entry's ID." })
  id!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "How it was recorded, e.g. `Default` or `ConsentEditor`.",
  })
  updateType!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was recorded." })
  loggedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The user agent that recorded it." })
  userAgent!: string | null;

  @Field(() => String, { nullable: true, description: "The IP address it came from." })
  ip!: string | null;

  @Field(() => String, { nullable: true, description: "The host it was sent to." })
  host!: string | null;

  @Field(() => [ConsentFormVersion], { description: "The consent forms in force at the time." })
  formVersions!: ConsentFormVersion[];

  @Field(() => [ConsentEvent], { description: "The consents given or withdrawn." })
  consents!: ConsentEvent[];
}
