import type { EmulatedSection, SectionOptions, SliceWriter } from "../core/section.js";
import { accountRoleRoutes } from "./account-role.routes.js";
import { ROLE_CODES } from "./codes.js";
import { roleRoutes } from "./role.routes.js";
import { type RoleEntry, RoleStore } from "./role.store.js";
import { roleContextRoutes } from "./role-context.routes.js";
import { demoRoleEntries } from "./seed.js";

/** What other emulated sections may import: its store and journal entries, for observers of writes. */
export type { RoleEntry, RoleStore } from "./role.store.js";

/**
 * The Roles Management section: the site's roles and permissions (`/identity/v2/manage/role`),
 * role assignment by UID (on the profile's `Roles`) and role contexts.
 */
export const roles = {
  name: "roles",
  createStore: (write: SliceWriter<RoleEntry>, options: SectionOptions) =>
    new RoleStore(() => demoRoleEntries(options), write),
  routes: () => [...roleRoutes, ...accountRoleRoutes, ...roleContextRoutes],
  codes: ROLE_CODES,
} as const satisfies EmulatedSection<"roles", RoleStore>;
