import type { Section } from "../graphql/section.js";
import { CUSTOM_OBJECT_ERROR_ROWS, CUSTOM_OBJECT_FIELD_RENAMES } from "./custom-object.errors.js";
import { AccountCustomObjectsResolver } from "./custom-object.field.resolver.js";
import { CustomObjectMutationResolver } from "./custom-object.mutation.resolver.js";
import { CustomObjectQueryResolver } from "./custom-object.query.resolver.js";
import { CustomObjectRepository, type CustomObjectsSlice } from "./custom-object.repository.js";
import { CUSTOM_OBJECT_SCOPES } from "./custom-object.scopes.js";
import {
  CUSTOM_OBJECT_ENDPOINTS,
  type CustomObjectsClient,
  createCustomObjectsClient,
} from "./custom-objects.client.js";

/** The Account Custom Object section: what src/sections.ts lists. */
export const customObjects = {
  name: "customObjects",
  resolvers: [
    CustomObjectQueryResolver,
    AccountCustomObjectsResolver,
    CustomObjectMutationResolver,
  ],
  endpoints: CUSTOM_OBJECT_ENDPOINTS,
  createClient: createCustomObjectsClient,
  createSlice: (client: CustomObjectsClient, batchSizes) => ({
    customObjects: new CustomObjectRepository(client, batchSizes),
  }),
  errorRows: CUSTOM_OBJECT_ERROR_ROWS,
  fieldRenames: CUSTOM_OBJECT_FIELD_RENAMES,
  scopes: CUSTOM_OBJECT_SCOPES,
} as const satisfies Section<"customObjects", CustomObjectsClient, CustomObjectsSlice>;
