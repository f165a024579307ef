import { DateTimeResolver, JSONObjectResolver } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { OpenField } from "../graphql/auth/read-scope.js";
import { ReadGuard } from "./custom-object.scopes.js";

@ReadGuard()
@ObjectType({
  description:
    "One record of a custom object (a named, schema-less container configured per site, e.g. `addresses`) on an account.",
})
export class CustomObjectRecord {
  @OpenField()
  @Field(() => ID, { description: "The record's id (24 hex digits at LoginRadius)." })
  id!: string;

  @OpenField()
  @Field(() => ID, { description: "The UID of the account holding it." })
  uid!: string;

  @OpenField()
  @Field(() => String, { description: "The custom object it belongs to, e.g. `addresses`." })
  objectName!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether LoginRadius marks the record active.",
  })
  active!: boolean;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the record was created." })
  createdAt!: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the record was last changed.",
  })
  modifiedAt!: Date | null;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "The record's data: any JSON object.",
  })
  data!: Record<string, unknown>;
}

@ObjectType({ description: "The result of `deleteCustomObjectRecord`." })
export class DeleteCustomObjectRecordPayload {
  @Field(() => ID, { description: "The UID of the account that held the record." })
  uid!: string;

  @Field(() => String, { description: "The custom object it belonged to." })
  objectName!: string;

  @Field(() => ID, { description: "The deleted record's id." })
  recordId!: string;

  @Field(() => Boolean, { description: "True when LoginRadius confirmed the delete." })
  deleted!: boolean;
}

/** How `updateCustomObjectRecord` applies `data`. */
export enum CustomObjectUpdateMode {
  REPLACE = "replace",
  MERGE = "partialreplace",
}

registerEnumType(CustomObjectUpdateMode, {
  name: "CustomObjectUpdateMode",
  description: "How an update applies `data` to a custom object record.",
  valuesConfig: {
    REPLACE: { description: "`data` becomes the record's whole data." },
    MERGE: {
      description:
        "`data`'s top-level keys are set and other keys kept; a nested object is replaced, not merged.",
    },
  },
});
