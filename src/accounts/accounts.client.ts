import type { BoundHttp } from "../loginradius/bound-http.js";
import { clientOver } from "../loginradius/endpoint-client.js";
import { type ClientOf, endpointTable } from "../loginradius/endpoints.js";
import { CREDENTIAL_ENDPOINTS } from "./account-credential.endpoints.js";
import { PROFILE_ENDPOINTS } from "./account-profile.endpoints.js";

export type { Fields } from "./account-profile.endpoints.js";

/** The Accounts section's endpoint table: the profile rows, then the credential rows. */
export const ACCOUNT_ENDPOINTS = endpointTable("Accounts", {
  ...PROFILE_ENDPOINTS,
  ...CREDENTIAL_ENDPOINTS,
});

/** The whole Accounts section, as the repository sees it: one method per table row. */
export type AccountsClient = ClientOf<typeof ACCOUNT_ENDPOINTS>;

/** The Accounts client over the adapter, as bound to one request (its id, deadline and call count go with every call). */
export const createAccountsClient = (http: BoundHttp): AccountsClient =>
  clientOver(ACCOUNT_ENDPOINTS, http);
