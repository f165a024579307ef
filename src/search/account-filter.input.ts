import { Field, ID, InputType, Int } from "type-graphql";

@InputType({
  description:
    "Operators on a string field. `contains` matches any word of the value, case-insensitively, on text fields (names, email, city); `eq` and `in` match the whole value, case-sensitively. Operators LoginRadius cannot search (startsWith anywhere, contains on identifiers) are refused with BAD_USER_INPUT before any call.",
})
export class StringFilter {
  @Field(() => String, { nullable: true })
  eq?: string;

  @Field(() => [String], { nullable: true, description: "Any of these values (at most 1,000)." })
  in?: string[];

  @Field(() => String, { nullable: true })
  contains?: string;

  @Field(() => String, { nullable: true, description: "Not searchable upstream: always refused." })
  startsWith?: string;

  @Field(() => Boolean, { nullable: true, description: "true: has a value; false: has none." })
  exists?: boolean;
}

@InputType({ description: "A UID, or any of a list of UIDs (at most 1,000)." })
export class UidFilter {
  @Field(() => ID, { nullable: true })
  eq?: string;

  @Field(() => [ID], { nullable: true })
  in?: string[];
}

@InputType({
  description:
    "A date range: ISO 8601 dates (`2024-05-01`, the whole UTC day) or instants (`2024-05-01T10:00:00Z`), bounds as named.",
})
export class DateFilter {
  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => String, { nullable: true })
  onOrAfter?: string;

  @Field(() => String, { nullable: true })
  before?: string;

  @Field(() => String, { nullable: true })
  onOrBefore?: string;

  @Field(() => String, { nullable: true, description: "Within this day (or at this instant)." })
  on?: string;

  @Field(() => Boolean, { nullable: true })
  exists?: boolean;
}

@InputType({ description: "Comparisons on a count." })
export class IntFilter {
  @Field(() => Int, { nullable: true })
  eq?: number;

  @Field(() => Int, { nullable: true })
  gt?: number;

  @Field(() => Int, { nullable: true })
  gte?: number;

  @Field(() => Int, { nullable: true })
  lt?: number;

  @Field(() => Int, { nullable: true })
  lte?: number;
}

@InputType({ description: "A custom field (CustomFields.<key>) equal to a value." })
export class CustomFieldFilter {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  eq!: string;
}

@InputType({
  description:
    "Which accounts to find: every field given must hold (AND); `and`, `or` and `not` compose filters, nested at most 4 deep. Translated to a LoginRadius Cloud Directory query; see docs/finding-accounts.md.",
})
export class AccountFilter {
  @Field(() => [AccountFilter], { nullable: true })
  and?: AccountFilter[];

  @Field(() => [AccountFilter], { nullable: true })
  or?: AccountFilter[];

  @Field(() => AccountFilter, { nullable: true })
  not?: AccountFilter;

  @Field(() => UidFilter, { nullable: true })
  uid?: UidFilter;

  @Field(() => StringFilter, { nullable: true, description: "Any of the account's emails." })
  email?: StringFilter;

  @Field(() => StringFilter, { nullable: true })
  firstName?: StringFilter;

  @Field(() => StringFilter, { nullable: true })
  lastName?: StringFilter;

  @Field(() => StringFilter, { nullable: true })
  fullName?: StringFilter;

  @Field(() => StringFilter, { nullable: true })
  userName?: StringFilter;

  @Field(() => StringFilter, { nullable: true })
  phoneId?: StringFilter;

  @Field(() => StringFilter, { nullable: true })
  gender?: StringFilter;

  @Field(() => StringFilter, { nullable: true })
  city?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: "Any of the account's roles." })
  roles?: StringFilter;

  @Field(() => Boolean, { nullable: true })
  emailVerified?: boolean;

  @Field(() => Boolean, { nullable: true })
  phoneIdVerified?: boolean;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;

  @Field(() => Boolean, { nullable: true })
  locked?: boolean;

  @Field(() => Boolean, { nullable: true })
  deleted?: boolean;

  @Field(() => DateFilter, { nullable: true })
  createdDate?: DateFilter;

  @Field(() => DateFilter, { nullable: true })
  modifiedDate?: DateFilter;

  @Field(() => DateFilter, { nullable: true })
  lastLoginDate?: DateFilter;

  @Field(() => IntFilter, { nullable: true, description: "How many times the account signed in." })
  loginCount?: IntFilter;

  @Field(() => [CustomFieldFilter], { nullable: true })
  customFields?: CustomFieldFilter[];
}
