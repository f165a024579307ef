import { toDate } from "../loginradius/wire.js";
import type { DeleteRolePayload, Role, RoleContext, RoleContextMember } from "./role.type.js";
import type {
  WireContextHolder,
  WireDeleted,
  WireRole,
  WireRoleContext,
  WireRoleContextBody,
} from "./roles.wire.js";

/** Every wire -> GraphQL mapping of the Roles section; resolvers read no wire key. */

export const toRole = (wire: WireRole): Role => ({
  name: wire.Name,
  permissions: Object.entries(wire.Permissions ?? {})
    .filter(([, granted]) => granted)
    .map(([name]) => name)
    .sort(),
});

export const toRoleContext = (wire: WireRoleContext, now: Date = new Date()): RoleContext => {
  const expiresAt = toDate(wire.Expiration);
  return {
    context: wire.Context,
    roles: wire.Roles ?? [],
    additionalPermissions: wire.AdditionalPermissions ?? [],
    expiresAt,
    expired: expiresAt !== null && expiresAt.getTime() <= now.getTime(),
  };
};

export const toRoleContextMember = (
  context: string,
  wire: WireContextHolder,
): RoleContextMember => ({
  uid: wire.Uid,
  fullName: wire.FullName ?? null,
  emails: (wire.Email ?? []).map((e) => e.Value),
  lastLoginAt: toDate(wire.LastLoginDate),
  imageUrl: wire.ImageUrl ?? null,
  roleContext: toRoleContext({ ...wire.RoleContext, Context: context }),
});

export const toDeleteRolePayload = (name: string, wire: WireDeleted): DeleteRolePayload => ({
  name,
  deleted: wire.IsDeleted,
});

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * An expiry as LoginRadius documents its input: `MM/DD/YYYY h:mm:ss AM`, in UTC (whole
 * seconds; it answers in ISO 8601 with `Z`).
 */
export const toWireExpiration = (date: Date): string => {
  const h = date.getUTCHours();
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()} ${hour12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
};

/** A role context input as the upsert body item. */
export const toWireRoleContext = (input: {
  context: string;
  roles: string[];
  additionalPermissions?: string[] | null;
  expiresAt?: Date | null;
}): WireRoleContextBody => ({
  Context: input.context,
  Roles: input.roles,
  AdditionalPermissions: input.additionalPermissions ?? [],
  ...(input.expiresAt ? { Expiration: toWireExpiration(input.expiresAt) } : {}),
});
