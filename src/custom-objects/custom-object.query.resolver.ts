import { Args, Ctx, Query, Resolver } from "type-graphql";
import { RecordArgs } from "./custom-object.args.js";
import { toRecord } from "./custom-object.mapper.js";
import type { CustomObjectsContext } from "./custom-object.repository.js";
import { Policy } from "./custom-object.scopes.js";
import { CustomObjectRecord } from "./custom-object.type.js";

/** One custom object record by id: arguments -> repository (the request's loaders) -> mapper. */
@Resolver()
export class CustomObjectQueryResolver {
  @Query(() => CustomObjectRecord, {
    nullable: true,
    description:
      "One custom object record of an account, or null when the account has no such record.",
  })
  @Policy({
    scope: "customobjects:read",
    cost: { loader: "customObjectRecord", keyArgs: ["uid", "objectName", "recordId"] },
  })
  async customObjectRecord(
    @Args(() => RecordArgs) { uid, objectName, recordId }: RecordArgs,
    @Ctx() ctx: CustomObjectsContext,
  ): Promise<CustomObjectRecord | null> {
    const record = await ctx.customObjects.get(uid, objectName, recordId);
    return record ? toRecord(uid, objectName, record) : null;
  }
}
