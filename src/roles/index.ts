import type { Section } from "../graphql/section.js";
import { ROLE_ERROR_ROWS, ROLE_FIELD_ERROR_ROWS, ROLE_FIELD_RENAMES } from "./role.errors.js";
import { AccountRoleContextsResolver } from "./role.field.resolver.js";
import { RoleMutationResolver } from "./role.mutation.resolver.js";
import { RoleQueryResolver } from "./role.query.resolver.js";
import { RoleRepository, type RolesSlice } from "./role.repository.js";
import { ROLE_SCOPES } from "./role.scopes.js";
import { createRolesClient, ROLE_ENDPOINTS, type RolesClient } from "./roles.client.js";

/** The Roles Management section: what src/sections.ts lists. */
export const roles = {
  name: "roles",
  resolvers: [RoleQueryResolver, AccountRoleContextsResolver, RoleMutationResolver],
  endpoints: ROLE_ENDPOINTS,
  createClient: createRolesClient,
  createSlice: (client: RolesClient, batchSizes, profiles) => ({
    roles: new RoleRepository(client, batchSizes, profiles),
  }),
  errorRows: ROLE_ERROR_ROWS,
  fieldErrorRows: ROLE_FIELD_ERROR_ROWS,
  fieldRenames: ROLE_FIELD_RENAMES,
  scopes: ROLE_SCOPES,
} as const satisfies Section<"roles", RolesClient, RolesSlice>;
