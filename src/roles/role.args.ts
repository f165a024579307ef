import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsOptional,
  Matches,
  registerDecorator,
  ValidateNested,
} from "class-validator";
import { DateTimeResolver } from "graphql-scalars";
import { ArgsType, Field, InputType } from "type-graphql";
import { UidArgs } from "../graphql/uid.args.js";

/**
 * Role and context names travel as path segments: letters, digits and `_ - . @ +`, 1 to 100
 * long, not only dots (what the adapter lets into a path, within LoginRadius's 100 characters).
 */
export const ROLE_NAME_PATTERN = /^(?!\.+$)[A-Za-z0-9_.@+-]{1,100}$/;
const ROLE_NAME_MESSAGE = "must be 1 to 100 letters, digits, _ - . @ or +";

/** Permission names travel in bodies: 1 to 100 characters, not blank, none of `/ ? # % \`. */
export const PERMISSION_PATTERN = /^(?=.*\S)[^/?#%\\]{1,100}$/;
const PERMISSION_MESSAGE = "must be 1 to 100 characters, not blank, without / ? # % or \\";

/** The most names one call may carry: enough for any admin screen, small enough to log. */
export const MAX_NAMES = 50;
/** The most role contexts one upsert may write. */
export const MAX_CONTEXTS = 20;

const RoleName = (field: string) =>
  Matches(ROLE_NAME_PATTERN, { message: `${field} ${ROLE_NAME_MESSAGE}` });

const NameList = (field: string, pattern: RegExp, message: string, min = 1) => {
  const decorators = [
    ArrayMinSize(min, { message: `${field} must hold at least ${min} name` }),
    ArrayMaxSize(MAX_NAMES, { message: `${field} may hold at most ${MAX_NAMES} names` }),
    ArrayUnique({ message: `${field} must not name one twice` }),
    Matches(pattern, { each: true, message: `each of ${field} ${message}` }),
  ];
  return (target: object, property: string) => {
    for (const d of decorators) d(target, property);
  };
};

const RoleNames = (field: string, min = 1) =>
  NameList(field, ROLE_NAME_PATTERN, ROLE_NAME_MESSAGE, min);
const PermissionNames = (field: string, min = 1) =>
  NameList(field, PERMISSION_PATTERN, PERMISSION_MESSAGE, min);

/** An expiry must lie in the future: a context that expires at once grants nothing. */
const InFuture = () => (target: object, propertyName: string) =>
  registerDecorator({
    name: "inFuture",
    target: target.constructor,
    propertyName,
    validator: {
      validate: (value: unknown) =>
        value === null ||
        value === undefined ||
        (value instanceof Date && value.getTime() > Date.now()),
      defaultMessage: () => `${propertyName} must lie in the future`,
    },
  });

@InputType({ description: "A new role." })
export class RoleInput {
  @Field(() => String, { description: "The role's name (letters, digits, `_ - . @ +`)." })
  @RoleName("name")
  name!: string;

  @Field(() => [String], { defaultValue: [], description: "The permissions it grants." })
  @IsOptional()
  @ArrayMaxSize(MAX_NAMES, { message: `permissions may hold at most ${MAX_NAMES} names` })
  @ArrayUnique({ message: "permissions must not name one twice" })
  @Matches(PERMISSION_PATTERN, { each: true, message: `each of permissions ${PERMISSION_MESSAGE}` })
  permissions!: string[];
}

@ArgsType()
export class CreateRolesArgs {
  @Field(() => [RoleInput], { description: "The roles to create: all of them, or none." })
  @ArrayMinSize(1, { message: "roles must hold at least 1 role" })
  @ArrayMaxSize(MAX_NAMES, { message: `roles may hold at most ${MAX_NAMES} roles` })
  @ArrayUnique((role: RoleInput) => role.name, { message: "roles must not name one twice" })
  @ValidateNested({ each: true })
  roles!: RoleInput[];
}

@ArgsType()
export class RoleNameArgs {
  @Field(() => String, { description: "The role's name." })
  @RoleName("name")
  name!: string;
}

@ArgsType()
export class RolePermissionsArgs extends RoleNameArgs {
  @Field(() => [String], { description: `Permission names (1 to ${MAX_NAMES}).` })
  @PermissionNames("permissions")
  permissions!: string[];
}

@ArgsType()
export class AccountRolesArgs extends UidArgs {
  @Field(() => [String], { description: `Role names (1 to ${MAX_NAMES}); each must exist.` })
  @RoleNames("roles")
  roles!: string[];
}

@ArgsType()
export class ContextArgs {
  @Field(() => String, { description: "The role context's name, e.g. `eu-tenant`." })
  @RoleName("context")
  context!: string;
}

@InputType({ description: "A role context to create, or to replace whole if the account has it." })
export class RoleContextInput {
  @Field(() => String, { description: "The context's name, e.g. `eu-tenant`." })
  @RoleName("context")
  context!: string;

  @Field(() => [String], {
    description: "The roles held within it (may be empty); each must exist.",
  })
  @RoleNames("roles", 0)
  roles!: string[];

  @Field(() => [String], {
    defaultValue: [],
    description: "Permissions granted within it on top of the roles' own.",
  })
  @PermissionNames("additionalPermissions", 0)
  additionalPermissions!: string[];

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When it stops applying (in the future; whole seconds); omit for never.",
  })
  @IsOptional()
  @InFuture()
  expiresAt?: Date | null;
}

@ArgsType()
export class UpsertRoleContextsArgs extends UidArgs {
  @Field(() => [RoleContextInput], {
    description: `The contexts (1 to ${MAX_CONTEXTS}); contexts not named are kept.`,
  })
  @ArrayMinSize(1, { message: "contexts must hold at least 1 context" })
  @ArrayMaxSize(MAX_CONTEXTS, { message: `contexts may hold at most ${MAX_CONTEXTS} contexts` })
  @ArrayUnique((c: RoleContextInput) => c.context, { message: "contexts must not name one twice" })
  @ValidateNested({ each: true })
  contexts!: RoleContextInput[];
}

@ArgsType()
export class AccountContextArgs extends UidArgs {
  @Field(() => String, { description: "The role context's name." })
  @RoleName("context")
  context!: string;
}

@ArgsType()
export class ContextRolesArgs extends AccountContextArgs {
  @Field(() => [String], { description: "Roles to remove; each must be listed in the context." })
  @RoleNames("roles")
  roles!: string[];
}

@ArgsType()
export class ContextPermissionsArgs extends AccountContextArgs {
  @Field(() => [String], {
    description: "Additional permissions to remove; each must be listed in the context.",
  })
  @PermissionNames("permissions")
  permissions!: string[];
}
