import { clientDouble } from "../loginradius/endpoint-double.js";
import { SECURITY_ENDPOINTS, type SecurityClient } from "./security.client.js";

/** A test double of the Account Security client: the given methods, every other one failing loudly. */
export const securityClientDouble = (given: Partial<SecurityClient> = {}): SecurityClient =>
  clientDouble(SECURITY_ENDPOINTS, "securityClientDouble", given);
