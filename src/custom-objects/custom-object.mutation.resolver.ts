import { Args, Ctx, Mutation, Resolver } from "type-graphql";
import { CreateRecordArgs, RecordArgs, UpdateRecordArgs } from "./custom-object.args.js";
import { toDeletePayload, toRecord } from "./custom-object.mapper.js";
import type { CustomObjectsContext } from "./custom-object.repository.js";
import { Policy } from "./custom-object.scopes.js";
import { CustomObjectRecord, DeleteCustomObjectRecordPayload } from "./custom-object.type.js";

type Context = CustomObjectsContext;

/** The custom object mutations: arguments -> repository (which forgets what changed) -> mapper. */
@Resolver()
export class CustomObjectMutationResolver {
  @Mutation(() => CustomObjectRecord, {
    nullable: true,
    description: "Adds a record to one of the account's custom objects.",
  })
  @Policy({ scope: "customobjects:write", cost: "each-run" })
  async createCustomObjectRecord(
    @Args(() => CreateRecordArgs) { uid, objectName, data }: CreateRecordArgs,
    @Ctx() ctx: Context,
  ) {
    return toRecord(uid, objectName, await ctx.customObjects.create(uid, objectName, data));
  }

  @Mutation(() => CustomObjectRecord, {
    nullable: true,
    description: "Changes a record: replaces its data, or merges `data`'s top-level keys into it.",
  })
  @Policy({ scope: "customobjects:write", cost: "each-run" })
  async updateCustomObjectRecord(
    @Args(() => UpdateRecordArgs) { uid, objectName, recordId, data, mode }: UpdateRecordArgs,
    @Ctx() ctx: Context,
  ) {
    const record = await ctx.customObjects.update(uid, objectName, recordId, data, mode);
    return toRecord(uid, objectName, record);
  }

  @Mutation(() => DeleteCustomObjectRecordPayload, {
    nullable: true,
    description: "Deletes a record.",
  })
  @Policy({ scope: "customobjects:write", cost: "each-run" })
  async deleteCustomObjectRecord(
    @Args(() => RecordArgs) { uid, objectName, recordId }: RecordArgs,
    @Ctx() ctx: Context,
  ) {
    const deleted = await ctx.customObjects.delete(uid, objectName, recordId);
    return toDeletePayload({ uid, objectName, recordId }, deleted);
  }
}
