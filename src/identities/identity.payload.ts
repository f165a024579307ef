import { Field, ID, ObjectType } from "type-graphql";
import type { Identity } from "../accounts/index.js";

@ObjectType({
  description:
    "The result of linking or unlinking an identity. The act succeeded; `identities` is read afresh only when selected, so a failed read never hides a change that happened.",
})
export class IdentitiesPayload {
  @Field(() => ID, { description: "The UID of the account acted on." })
  uid!: string;

  // Resolved by IdentityMutationResolver's field resolver.
  identities?: Identity[] | null;
}
