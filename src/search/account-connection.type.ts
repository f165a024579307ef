import { Field, Int, ObjectType } from "type-graphql";
import { Account } from "../accounts/index.js";

@ObjectType({ description: "Where a page of accounts starts and ends (Relay)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more accounts follow this page." })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page." })
  endCursor!: string | null;

  // Relay clients (its @connection, and tools built on its spec) ask for all four fields.
  @Field(() => Boolean, {
    description:
      "Whether accounts come before this page: true when it was asked for `after` a cursor. Pages go forward only (`first` and `after`).",
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The cursor of this page's first account (null when the page is empty).",
  })
  startCursor!: string | null;
}

@ObjectType({ description: "One account found, and the cursor to continue after it." })
export class AccountEdge {
  @Field(() => String, { description: "Pass as `after` to continue after this account." })
  cursor!: string;

  @Field(() => Account, { description: "The account (its fields need accounts:read)." })
  node!: Account;
}

@ObjectType({ description: "A page of accounts found by searchAccounts (Relay connection)." })
export class AccountConnection {
  @Field(() => [AccountEdge], { description: "The accounts of this page, in a stable order." })
  edges!: AccountEdge[];

  @Field(() => PageInfo, { description: "Whether and how to continue." })
  pageInfo!: PageInfo;

  @Field(() => Int, {
    nullable: true,
    description: "How many accounts match, as LoginRadius counts them (null when it does not say).",
  })
  totalCount!: number | null;
}
