import { Field, ID, InputType, Int } from "type-graphql";

@InputType({
  description:
    "Operators on a string field. `contains` matches any word of the value, case-insensitively, on text fields (names, email, city); `eq` and `in` match the whole value, case-sensitively. Operators LoginRadius cannot search (startsWith anywhere, contains on identifiers) are refused with BAD_USER_INPUT before any call.",
})
export class StringFilter {
  @Field(() => String, { nullable: true, description: "The whole value, case-sensitive." })
  eq?: string;

  @Field(() => [String], { nullable: true, description: "Any of these values (at most 1,000)." })
  in?: string[];

  @Field(() => String, {
    nullable: true,
    description: "Any word of the value, case-insensitive (text fields only: names, email, city).",
  })
  contains?: string;

  @Field(() => String, { nullable: true, description: "Not searchable upstream: always refused." })
  startsWith?: string;

  @Field(() => Boolean, { nullable: true, description: "true: has a value; false: has none." })
  exists?: boolean;
}

@InputType({ description: "A UID, or any of a list of UIDs (at most 1,000)." })
export class UidFilter {
  @Field(() => ID, { nullable: true, description: "This UID." })
  eq?: string;

  @Field(() => [ID], { nullable: true, description: "Any of these UIDs." })
  in?: string[];
}

@InputType({
  description:
    "A date range: ISO 8601 dates (`2024-05-01`, the whole UTC day) or instants (`2024-05-01T10:00:00Z`), bounds as named.",
})
export class DateFilter {
  @Field(() => String, { nullable: true, description: "Later than this (a day: after its end)." })
  after?: string;

  @Field(() => String, { nullable: true, description: "This or later (a day: from its start)." })
  onOrAfter?: string;

  @Field(() => String, {
    nullable: true,
    description: "Earlier than this (a day: before its start).",
  })
  before?: string;

  @Field(() => String, { nullable: true, description: "This or earlier (a day: to its end)." })
  onOrBefore?: string;

  @Field(() => String, { nullable: true, description: "Within this day (or at this instant)." })
  on?: string;

  @Field(() => Boolean, { nullable: true, description: "true: has the date; false: has none." })
  exists?: boolean;
}

@InputType({ description: "Comparisons on a count." })
export class IntFilter {
  @Field(() => Int, { nullable: true, description: "Equal to." })
  eq?: number;

  @Field(() => Int, { nullable: true, description: "Greater than." })
  gt?: number;

  @Field(() => Int, { nullable: true, description: "At least." })
  gte?: number;

  @Field(() => Int, { nullable: true, description: "Less than." })
  lt?: number;

  @Field(() => Int, { nullable: true, description: "At most." })
  lte?: number;
}

@InputType({ description: "A custom field (CustomFields.<key>) equal to a value." })
export class CustomFieldFilter {
  @Field(() => String, { description: "The key of the custom field (letters, digits, _)." })
  key!: string;

  @Field(() => String, { description: "Its whole value, case-sensitive." })
  eq!: string;
}

@InputType({
  description:
    "Which accounts to find: every field given must hold (AND); `and`, `or` and `not` compose filters, nested at most 4 deep. Translated to a LoginRadius Cloud Directory query; see docs/finding-accounts.md.",
})
export class AccountFilter {
  @Field(() => [AccountFilter], {
    nullable: true,
    description: "Every one of these filters holds.",
  })
  and?: AccountFilter[];

  @Field(() => [AccountFilter], {
    nullable: true,
    description: "At least one of these filters holds.",
  })
  or?: AccountFilter[];

  @Field(() => AccountFilter, {
    nullable: true,
    description:
      "This filter does not hold (not over emails or roles is refused: LoginRadius matches any element).",
  })
  not?: AccountFilter;

  @Field(() => UidFilter, { nullable: true, description: "By UID: eq or in." })
  uid?: UidFilter;

  @Field(() => StringFilter, { nullable: true, description: "Any of the account's emails." })
  email?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: "First name (text)." })
  firstName?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: "Last name (text)." })
  lastName?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: "Full name (text)." })
  fullName?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: "User name (eq, in, exists)." })
  userName?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: "Phone ID (eq, in, exists)." })
  phoneId?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: "Gender (eq, in, exists)." })
  gender?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: "City (text)." })
  city?: StringFilter;

  @Field(() => StringFilter, { nullable: true, description: "Any of the account's roles." })
  roles?: StringFilter;

  @Field(() => Boolean, { nullable: true, description: "Whether the email is verified." })
  emailVerified?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the phone ID is verified." })
  phoneIdVerified?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the account is active." })
  active?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether sign-in is locked." })
  locked?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Whether the account is marked deleted." })
  deleted?: boolean;

  @Field(() => DateFilter, { nullable: true, description: "When the account was created." })
  createdDate?: DateFilter;

  @Field(() => DateFilter, { nullable: true, description: "When the profile last changed." })
  modifiedDate?: DateFilter;

  @Field(() => DateFilter, { nullable: true, description: "When the account last signed in." })
  lastLoginDate?: DateFilter;

  @Field(() => IntFilter, { nullable: true, description: "How many times the account signed in." })
  loginCount?: IntFilter;

  @Field(() => [CustomFieldFilter], {
    nullable: true,
    description: "Custom fields equal to values (all must hold).",
  })
  customFields?: CustomFieldFilter[];
}
