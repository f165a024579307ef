import { Matches, registerDecorator } from "class-validator";
import { JSONObjectResolver } from "graphql-scalars";
import { ArgsType, Field, ID } from "type-graphql";
import { UidArgs } from "../graphql/uid.args.js";
import { CustomObjectUpdateMode } from "./custom-object.type.js";

/** Custom object names as configured on a site: letters, digits, `_` and `-`. */
export const OBJECT_NAME_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
/** Record ids travel as a path segment: 24 hex digits at LoginRadius; we accept `[A-Za-z0-9_-]`. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The largest record `data` we send, as UTF-8 JSON: records are meant for small structured
 * facts (addresses, preferences), and one oversized write should fail here, not upstream.
 */
export const MAX_DATA_BYTES = 65_536;

/** `data` as JSON must fit in MAX_DATA_BYTES. */
const SmallJson = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: "smallJson",
    target: target.constructor,
    propertyName,
    validator: {
      validate: (value: unknown) =>
        Buffer.byteLength(JSON.stringify(value ?? null), "utf8") <= MAX_DATA_BYTES,
      defaultMessage: () => `${propertyName} must be at most ${MAX_DATA_BYTES} bytes as JSON`,
    },
  });

@ArgsType()
export class ObjectArgs extends UidArgs {
  @Field(() => String, { description: "The custom object's name, e.g. `addresses`." })
  @Matches(OBJECT_NAME_PATTERN, {
    message: "objectName must be 1 to 100 letters, digits, _ or -",
  })
  objectName!: string;
}

@ArgsType()
export class RecordArgs extends ObjectArgs {
  @Field(() => ID, { description: "The record's id." })
  @Matches(RECORD_ID_PATTERN, { message: "recordId must be 1 to 100 letters, digits, _ or -" })
  recordId!: string;
}

@ArgsType()
export class CreateRecordArgs extends ObjectArgs {
  @Field(() => JSONObjectResolver, {
    description: `The record's data: a JSON object of at most ${MAX_DATA_BYTES} bytes.`,
  })
  @SmallJson()
  data!: Record<string, unknown>;
}

@ArgsType()
export class UpdateRecordArgs extends RecordArgs {
  @Field(() => JSONObjectResolver, {
    description: `The data to apply (see \`mode\`): a JSON object of at most ${MAX_DATA_BYTES} bytes.`,
  })
  @SmallJson()
  data!: Record<string, unknown>;

  @Field(() => CustomObjectUpdateMode, {
    description: "REPLACE: `data` becomes the record's data; MERGE: its top-level keys are set.",
  })
  mode!: CustomObjectUpdateMode;
}

/** `Account.customObjects(objectName)`. */
@ArgsType()
export class ObjectNameArgs {
  @Field(() => String, { description: "The custom object's name, e.g. `addresses`." })
  @Matches(OBJECT_NAME_PATTERN, {
    message: "objectName must be 1 to 100 letters, digits, _ or -",
  })
  objectName!: string;
}
