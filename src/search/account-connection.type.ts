import { Field, Int, ObjectType } from "type-graphql";
import { Account } from "../accounts/index.js";

@ObjectType({ description: "Where a page of accounts ends (Relay)." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page." })
  endCursor!: string | null;
}

@ObjectType({ description: "One account found, and the cursor to continue after it." })
export class AccountEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Account)
  node!: Account;
}

@ObjectType({ description: "A page of accounts found by searchAccounts (Relay connection)." })
export class AccountConnection {
  @Field(() => [AccountEdge])
  edges!: AccountEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    nullable: true,
    description: "How many accounts match, as LoginRadius counts them (null when it does not say).",
  })
  totalCount!: number | null;
}
