import { Args, Ctx, Mutation, Resolver } from "type-graphql";
import { AccountActionPayload } from "../accounts/index.js";
import {
  AccountContextArgs,
  AccountRolesArgs,
  ContextPermissionsArgs,
  ContextRolesArgs,
  CreateRolesArgs,
  RoleNameArgs,
  RolePermissionsArgs,
  UpsertRoleContextsArgs,
} from "./role.args.js";
import { toDeleteRolePayload, toRole, toWireRoleContext } from "./role.mapper.js";
import type { RolesContext } from "./role.repository.js";
import { Policy } from "./role.scopes.js";
import { DeleteRolePayload, Role } from "./role.type.js";

/** Role assignment changes the profile's `Roles`, so these also need the Accounts slice. */
type Context = RolesContext;

const actedOn = (uid: string): AccountActionPayload => ({ uid });

/**
 * The roles mutations: arguments -> repository (which forgets what each write changed) ->
 * mapper. Those on an account answer with its `AccountActionPayload`, whose `account` (and its
 * `roles`, `roleContexts`) is read afresh when selected.
 */
@Resolver()
export class RoleMutationResolver {
  @Mutation(() => [Role], {
    nullable: true,
    description: "Creates roles: all of them, or none if one name is taken.",
  })
  @Policy({ scope: "roles:write", cost: "each-run" })
  async createRoles(@Args(() => CreateRolesArgs) { roles }: CreateRolesArgs, @Ctx() ctx: Context) {
    const body = roles.map((r) => ({
      Name: r.name,
      Permissions: Object.fromEntries(r.permissions.map((p) => [p, true])),
    }));
    return (await ctx.roles.createRoles(body)).map(toRole);
  }

  @Mutation(() => DeleteRolePayload, {
    nullable: true,
    description: "Deletes a role; refused (CONFLICT) while an account or role context holds it.",
  })
  @Policy({ scope: "roles:write", cost: "each-run" })
  async deleteRole(@Args(() => RoleNameArgs) { name }: RoleNameArgs, @Ctx() ctx: Context) {
    return toDeleteRolePayload(name, await ctx.roles.deleteRole(name));
  }

  @Mutation(() => Role, {
    nullable: true,
    description: "Adds permissions to a role; returns the role.",
  })
  @Policy({ scope: "roles:write", cost: "each-run" })
  async addRolePermissions(
    @Args(() => RolePermissionsArgs) { name, permissions }: RolePermissionsArgs,
    @Ctx() ctx: Context,
  ) {
    return toRole(await ctx.roles.addPermissions(name, permissions));
  }

  @Mutation(() => Role, {
    nullable: true,
    description: "Removes permissions from a role (those it lacks are ignored); returns the role.",
  })
  @Policy({ scope: "roles:write", cost: "each-run" })
  async removeRolePermissions(
    @Args(() => RolePermissionsArgs) { name, permissions }: RolePermissionsArgs,
    @Ctx() ctx: Context,
  ) {
    return toRole(await ctx.roles.removePermissions(name, permissions));
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description: "Assigns roles to the account (each must exist; one already held is kept once).",
  })
  @Policy({ scope: "roles:write", cost: "each-run" })
  async assignAccountRoles(
    @Args(() => AccountRolesArgs) { uid, roles }: AccountRolesArgs,
    @Ctx() ctx: Context,
  ) {
    await ctx.roles.assignRoles(uid, roles);
    return actedOn(uid);
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description:
      "Takes roles from the account; each must be held (else NOT_FOUND, nothing changes).",
  })
  @Policy({ scope: "roles:write", cost: "each-run" })
  async unassignAccountRoles(
    @Args(() => AccountRolesArgs) { uid, roles }: AccountRolesArgs,
    @Ctx() ctx: Context,
  ) {
    await ctx.roles.unassignRoles(uid, roles);
    return actedOn(uid);
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description:
      "Creates role contexts on the account, or replaces those it has of the same name whole; others are kept.",
  })
  @Policy({ scope: "roles:write", cost: "each-run" })
  async upsertAccountRoleContexts(
    @Args(() => UpsertRoleContextsArgs) { uid, contexts }: UpsertRoleContextsArgs,
    @Ctx() ctx: Context,
  ) {
    await ctx.roles.upsertRoleContexts(uid, contexts.map(toWireRoleContext));
    return actedOn(uid);
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description: "Deletes one role context of the account.",
  })
  @Policy({ scope: "roles:write", cost: "each-run" })
  async deleteAccountRoleContext(
    @Args(() => AccountContextArgs) { uid, context }: AccountContextArgs,
    @Ctx() ctx: Context,
  ) {
    await ctx.roles.deleteRoleContext(uid, context);
    return actedOn(uid);
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description:
      "Removes roles from one of the account's role contexts; each must be listed there.",
  })
  @Policy({ scope: "roles:write", cost: "each-run" })
  async removeRolesFromRoleContext(
    @Args(() => ContextRolesArgs) { uid, context, roles }: ContextRolesArgs,
    @Ctx() ctx: Context,
  ) {
    await ctx.roles.removeRolesFromContext(uid, context, roles);
    return actedOn(uid);
  }

  @Mutation(() => AccountActionPayload, {
    nullable: true,
    description:
      "Removes additional permissions from one of the account's role contexts; each must be listed there.",
  })
  @Policy({ scope: "roles:write", cost: "each-run" })
  async removeAdditionalPermissionsFromRoleContext(
    @Args(() => ContextPermissionsArgs) { uid, context, permissions }: ContextPermissionsArgs,
    @Ctx() ctx: Context,
  ) {
    await ctx.roles.removePermissionsFromContext(uid, context, permissions);
    return actedOn(uid);
  }
}
