import { clientDouble } from "../loginradius/endpoint-double.js";
import { IDENTITY_ENDPOINTS, type IdentitiesClient } from "./identities.client.js";

/** A test double of the identities client: the given methods, every other one failing loudly. */
export const identitiesClientDouble = (given: Partial<IdentitiesClient> = {}): IdentitiesClient =>
  clientDouble(IDENTITY_ENDPOINTS, "identitiesClientDouble", given);
