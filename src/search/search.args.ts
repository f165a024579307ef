import { IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { AccountFilter } from "./account-filter.input.js";

/** A page holds at most 1,000 accounts: LoginRadius's page size cap. */
export const MAX_FIRST = 1000;

@ArgsType()
export class SearchAccountsArgs {
  @Field(() => AccountFilter, { description: "Which accounts to find ({} finds all)." })
  filter!: AccountFilter;

  @Field(() => Int, { defaultValue: 25, description: `Accounts per page, 1 to ${MAX_FIRST}.` })
  @Min(1)
  @Max(MAX_FIRST)
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "An endCursor or edge cursor of this search.",
  })
  @IsOptional()
  @MaxLength(4096)
  after?: string | null;
}
