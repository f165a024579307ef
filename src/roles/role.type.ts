import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { OpenField } from "../graphql/auth/read-scope.js";
import { ReadGuard } from "./role.scopes.js";

@ReadGuard()
@ObjectType({ description: "A role defined on the site, and the permissions it grants." })
export class Role {
  @OpenField()
  @Field(() => String, { description: "The role's name, e.g. `editor`." })
  name!: string;

  @Field(() => [String], {
    nullable: true,
    description: "The permissions the role grants (those LoginRadius lists as true), sorted.",
  })
  permissions!: string[];
}

@ObjectType({
  description:
    "Roles an account holds within one context (a tenant, a project), with permissions of its own and an optional expiry.",
})
export class RoleContext {
  @Field(() => String, { description: "The context's name, e.g. `eu-tenant`." })
  context!: string;

  @Field(() => [String], { description: "The roles held within this context." })
  roles!: string[];

  @Field(() => [String], {
    description: "Permissions granted within this context on top of the roles' own.",
  })
  additionalPermissions!: string[];

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the context stops applying; null when it never expires.",
  })
  expiresAt!: Date | null;

  @Field(() => Boolean, {
    description:
      "True when `expiresAt` has passed (LoginRadius still lists an expired context until it is deleted).",
  })
  expired!: boolean;
}

@ObjectType({
  description: "An account holding a role context, as the context's member list shows it.",
})
export class RoleContextMember {
  @Field(() => ID, { description: "The account's UID." })
  uid!: string;

  @Field(() => String, { nullable: true, description: "The account's full name, when set." })
  fullName!: string | null;

  @Field(() => [String], { description: "The account's email addresses." })
  emails!: string[];

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "The account's last login; null when it never logged in.",
  })
  lastLoginAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The account's picture URL, when set." })
  imageUrl!: string | null;

  @Field(() => RoleContext, { description: "What the account holds within this context." })
  roleContext!: RoleContext;
}

@ObjectType({ description: "The result of `deleteRole`." })
export class DeleteRolePayload {
  @Field(() => String, { description: "The role that was deleted." })
  name!: string;

  @Field(() => Boolean, { description: "True when LoginRadius confirmed the delete." })
  deleted!: boolean;
}
