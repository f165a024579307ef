import type { Section } from "../graphql/section.js";
import type { SecurityClient } from "./security.client.js";
import { createSecurityClient, SECURITY_ENDPOINTS } from "./security.client.js";
import { SECURITY_ERROR_ROWS, SECURITY_FIELD_RENAMES } from "./security.errors.js";
import { SecurityAccountFieldResolver } from "./security.field.resolver.js";
import { SecurityMutationResolver } from "./security.mutation.resolver.js";
import { SecurityRepository, type SecuritySlice } from "./security.repository.js";
import { SECURITY_SCOPES } from "./security.scopes.js";

/** The Account Security section (second factors, backup codes, passkeys, consent, step-up, unlock). */
export const security = {
  name: "security",
  resolvers: [SecurityAccountFieldResolver, SecurityMutationResolver],
  endpoints: SECURITY_ENDPOINTS,
  createClient: createSecurityClient,
  createSlice: (client: SecurityClient, batchSizes) => ({
    security: new SecurityRepository(client, batchSizes),
  }),
  errorRows: SECURITY_ERROR_ROWS,
  fieldRenames: SECURITY_FIELD_RENAMES,
  scopes: SECURITY_SCOPES,
} as const satisfies Section<"security", SecurityClient, SecuritySlice>;
