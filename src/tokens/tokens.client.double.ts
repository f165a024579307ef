import { clientDouble } from "../loginradius/endpoint-double.js";
import { TOKEN_ENDPOINTS, type TokensClient } from "./tokens.client.js";

/** A test double of the tokens client: the given methods, every other one failing loudly. */
export const tokensClientDouble = (given: Partial<TokensClient> = {}): TokensClient =>
  clientDouble(TOKEN_ENDPOINTS, "tokensClientDouble", given);
