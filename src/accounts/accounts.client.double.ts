import { clientDouble } from "../loginradius/endpoint-double.js";
import { ACCOUNT_ENDPOINTS, type AccountsClient } from "./accounts.client.js";

/** A test double of the Accounts client: the methods a test gives, every other one failing loudly. */
export const accountsClientDouble = (given: Partial<AccountsClient> = {}): AccountsClient =>
  clientDouble(ACCOUNT_ENDPOINTS, "accountsClientDouble", given);
