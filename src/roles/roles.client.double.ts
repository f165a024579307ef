import { clientDouble } from "../loginradius/endpoint-double.js";
import { ROLE_ENDPOINTS, type RolesClient } from "./roles.client.js";

/** A test double of the Roles client: the given methods, every other one failing loudly. */
export const rolesClientDouble = (given: Partial<RolesClient> = {}): RolesClient =>
  clientDouble(ROLE_ENDPOINTS, "rolesClientDouble", given);
