import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Account } from "../accounts/index.js";
import { ObjectNameArgs } from "./custom-object.args.js";
import { toRecord } from "./custom-object.mapper.js";
import type { CustomObjectsContext } from "./custom-object.repository.js";
import { Policy } from "./custom-object.scopes.js";
import { CustomObjectRecord } from "./custom-object.type.js";

/** `Account.customObjects(objectName)`: one upstream call per account and object name. */
@Resolver(() => Account)
export class AccountCustomObjectsResolver {
  @FieldResolver(() => [CustomObjectRecord], {
    nullable: true,
    description:
      "The account's records of one custom object, oldest first. Costs one upstream call per account and object name.",
  })
  @Policy({ scope: "customobjects:read", cost: { perParent: true, perParentArgs: ["objectName"] } })
  async customObjects(
    @Root() account: Account,
    @Args(() => ObjectNameArgs) { objectName }: ObjectNameArgs,
    @Ctx() ctx: CustomObjectsContext,
  ): Promise<CustomObjectRecord[]> {
    const records = await ctx.customObjects.list(account.uid, objectName);
    return records.map((r) => toRecord(account.uid, objectName, r));
  }
}
