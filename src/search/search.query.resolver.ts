import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { accountKeys, toAccount } from "../accounts/index.js";
import { fieldsParam } from "../graphql/selection.js";
import { AccountConnection } from "./account-connection.type.js";
import { toDirectoryQuery } from "./filter.query.js";
import { SearchAccountsArgs } from "./search.args.js";
import type { SearchContext } from "./search.repository.js";
import { Policy } from "./search.scopes.js";

/** `searchAccounts`: filter -> Cloud Directory query (refused before any call if it cannot be) -> page. */
@Resolver(() => AccountConnection)
export class SearchQueryResolver {
  // Nullable as every field a caller may be refused (FORBIDDEN without accounts:search): a refusal
  // nulls this field, not the whole answer.
  @Query(() => AccountConnection, {
    nullable: true,
    description:
      "Accounts matching a filter, a page at a time (Relay cursors; pages go past 1,000 results). One Cloud Directory search per page, on the search quota. See docs/finding-accounts.md.",
  })
  // One search per page (its own quota); the accounts on it are `first` items (default 25), which
  // is what fields below them that call LoginRadius (role contexts, custom objects) are costed for.
  @Policy({
    scope: "accounts:search",
    cost: { eachRun: true, itemsArg: "first", assumedItems: 25 },
  })
  async searchAccounts(
    @Args(() => SearchAccountsArgs) { filter, first, after }: SearchAccountsArgs,
    @Ctx() ctx: SearchContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AccountConnection | null> {
    const q = toDirectoryQuery(filter);
    const fields = fieldsParam(accountKeys(info, ["edges", "node"]));
    const page = await ctx.search.page(q, first, after, fields);
    return {
      edges: page.rows.map((row) => ({ cursor: row.cursor, node: toAccount(row.profile) })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        endCursor: page.endCursor,
        hasPreviousPage: after !== undefined && after !== null,
        startCursor: page.rows[0]?.cursor ?? null,
      },
      totalCount: page.totalCount,
    };
  }
}
