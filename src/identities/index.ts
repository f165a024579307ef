import type { Section } from "../graphql/section.js";
import type { IdentitiesClient } from "./identities.client.js";
import { createIdentitiesClient, IDENTITY_ENDPOINTS } from "./identities.client.js";
import { IDENTITY_ERROR_ROWS, IDENTITY_FIELD_RENAMES } from "./identity.errors.js";
import { IdentityMutationResolver } from "./identity.mutation.resolver.js";
import { type IdentitiesSlice, IdentityRepository } from "./identity.repository.js";
import { IDENTITY_SCOPES } from "./identity.scopes.js";

/**
 * The Identities section: link and unlink social identities ("linking or unlinking identities on
 * an existing account"), through the Authentication API with a token minted for the account.
 */
export const identities = {
  name: "identities",
  resolvers: [IdentityMutationResolver],
  endpoints: IDENTITY_ENDPOINTS,
  createClient: createIdentitiesClient,
  createSlice: (client: IdentitiesClient, _batchSizes, profiles) => ({
    identities: new IdentityRepository(client, profiles),
  }),
  errorRows: IDENTITY_ERROR_ROWS,
  fieldRenames: IDENTITY_FIELD_RENAMES,
  scopes: IDENTITY_SCOPES,
} as const satisfies Section<"identities", IdentitiesClient, IdentitiesSlice>;
