import type { Section } from "../graphql/section.js";
import type { TokensClient } from "./tokens.client.js";
import { createTokensClient, TOKEN_ENDPOINTS } from "./tokens.client.js";
import { TOKEN_ERROR_ROWS, TOKEN_FIELD_RENAMES } from "./tokens.errors.js";
import { TokensMutationResolver } from "./tokens.mutation.resolver.js";
import { TokenRepository, type TokensSlice } from "./tokens.repository.js";

/**
 * The Multipurpose Tokens and SOTT section. It declares no scope of its own: minting credentials
 * is the Accounts section's `accounts:credentials`.
 */
export const tokens = {
  name: "tokens",
  resolvers: [TokensMutationResolver],
  endpoints: TOKEN_ENDPOINTS,
  createClient: createTokensClient,
  createSlice: (client: TokensClient) => ({ tokens: new TokenRepository(client) }),
  errorRows: TOKEN_ERROR_ROWS,
  fieldRenames: TOKEN_FIELD_RENAMES,
  scopes: {},
} as const satisfies Section<"tokens", TokensClient, TokensSlice>;
