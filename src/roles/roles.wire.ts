import { z } from "zod";

/**
 * The JSON the Roles Management endpoints send (docs/loginradius-roles.md), as zod schemas of
 * the keys the facade reads. Every answer is parsed with its endpoint's schema first, so a wrong
 * shape is one `bad_response`. Unknown keys are dropped.
 */

const names = z.array(z.string()).nullish();

/** A role: its name and permissions (`{name: true}`; a `false` one is listed but not granted). */
export const WireRoleSchema = z.object({
  Name: z.string().min(1),
  Permissions: z.record(z.string(), z.boolean()).nullish(),
});
export type WireRole = z.infer<typeof WireRoleSchema>;

/** `GET /role` and `POST /role` (lowercase `data`). */
export const WireRoleListSchema = z.object({ data: z.array(WireRoleSchema).nullish() });
export type WireRoleList = z.infer<typeof WireRoleListSchema>;

/** `PUT /account/{uid}/role`: every role the account now holds. */
export const WireAccountRolesSchema = z.object({ Roles: names });
export type WireAccountRoles = z.infer<typeof WireAccountRolesSchema>;

export const WireDeletedSchema = z.object({ IsDeleted: z.boolean() });
export type WireDeleted = z.infer<typeof WireDeletedSchema>;

/** One role context of an account; `Expiration` is `2030-01-01T00:00:00Z` or null (never). */
export const WireRoleContextSchema = z.object({
  Context: z.string().min(1),
  Roles: names,
  AdditionalPermissions: names,
  Expiration: z.string().nullish(),
});
export type WireRoleContext = z.infer<typeof WireRoleContextSchema>;

/** `GET` and `PUT /account/{uid}/rolecontext`: the account's contexts. */
export const WireRoleContextsSchema = z.object({ Data: z.array(WireRoleContextSchema).nullish() });
export type WireRoleContexts = z.infer<typeof WireRoleContextsSchema>;

/** One holder of a context, as `GET /account/rolecontext/{contextName}` lists it. */
export const WireContextHolderSchema = z.object({
  Uid: z.string().min(1),
  RoleContext: WireRoleContextSchema.omit({ Context: true }).nullish(),
  FullName: z.string().nullish(),
  LastLoginDate: z.string().nullish(),
  ImageUrl: z.string().nullish(),
  Email: z.array(z.object({ Type: z.string().nullish(), Value: z.string() })).nullish(),
});
export type WireContextHolder = z.infer<typeof WireContextHolderSchema>;

export const WireContextHoldersSchema = z.object({ Data: z.array(WireContextHolderSchema) });
export type WireContextHolders = z.infer<typeof WireContextHoldersSchema>;

/** A role as we send it on create. */
export interface WireRoleBody {
  Name: string;
  Permissions: Record<string, boolean>;
}

/** A role context as we send it on upsert; `Expiration` in the documented `MM/DD/YYYY h:mm:ss AM`. */
export interface WireRoleContextBody {
  Context: string;
  Roles: string[];
  AdditionalPermissions: string[];
  Expiration?: string;
}
