import { clientDouble } from "../loginradius/endpoint-double.js";
import { CUSTOM_OBJECT_ENDPOINTS, type CustomObjectsClient } from "./custom-objects.client.js";

/** A test double of the Custom Objects client: the given methods, every other one failing loudly. */
export const customObjectsClientDouble = (
  given: Partial<CustomObjectsClient> = {},
): CustomObjectsClient => clientDouble(CUSTOM_OBJECT_ENDPOINTS, "customObjectsClientDouble", given);
