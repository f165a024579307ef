import { ADA, ALAN, GRACE, MARGARET, seededFeaturedUids } from "../accounts/index.js";
import type { SectionOptions } from "../core/section.js";
import type { RoleContextRecord, RoleEntry, RoleRecord } from "./role.store.js";

const grant = (...names: string[]): Record<string, boolean> =>
  Object.fromEntries(names.map((name) => [name, true]));

/**
 * Every role the demo profiles hold (admin, editor, viewer, support, auditor: see accounts/seed.ts)
 * plus `billing`, which nobody holds yet, so it can be assigned or deleted in a demo.
 */
export const DEMO_ROLES: readonly RoleRecord[] = [
  { Name: "admin", Permissions: grant("accounts:read", "accounts:write", "roles:manage") },
  { Name: "editor", Permissions: grant("content:read", "content:write", "content:publish") },
  { Name: "viewer", Permissions: grant("content:read") },
  { Name: "support", Permissions: grant("accounts:read", "passwords:reset") },
  { Name: "auditor", Permissions: grant("accounts:read", "audit:read") },
  { Name: "billing", Permissions: grant("invoices:read", "invoices:write") },
];

const context = (
  Context: string,
  Roles: string[],
  AdditionalPermissions: string[],
  Expiration: string | null,
): RoleContextRecord => ({ Context, Roles, AdditionalPermissions, Expiration });

/** Role contexts on featured accounts: two tenants, one expired context, one that never expires. */
export const DEMO_CONTEXTS: readonly (readonly [string, RoleContextRecord])[] = [
  [ADA, context("eu-tenant", ["editor"], ["export:csv"], null)],
  [ADA, context("us-tenant", ["viewer"], [], "2030-01-01T00:00:00Z")],
  [GRACE, context("eu-tenant", ["admin"], [], "2031-06-30T17:00:00Z")],
  [ALAN, context("eu-tenant", ["viewer"], ["export:csv"], "2024-06-01T00:00:00Z")],
  [MARGARET, context("apollo", ["admin", "auditor"], ["launch"], null)],
];

/** The roles slice's seed: deterministic, the same every run; contexts only on seeded accounts. */
export const demoRoleEntries = (options: SectionOptions): RoleEntry[] => {
  if (options.seed === "none") return [];
  const seeded = seededFeaturedUids(options);
  return [
    ...DEMO_ROLES.map((r): RoleEntry => ({ t: "role", r })),
    ...DEMO_CONTEXTS.filter(([uid]) => seeded.has(uid)).map(
      ([uid, c]): RoleEntry => ({ t: "ctx", uid, owner: null, c }),
    ),
  ];
};
