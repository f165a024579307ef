import type { CostTable } from "../graphql/limits/cost.js";

/**
 * What each Custom Objects field costs upstream (src/graphql/limits/cost.ts): an account's
 * records of one object are one call however often a request asks (per UID and object name);
 * one record is one call; every mutation one call each time it runs. None has a side effect.
 */
export const CUSTOM_OBJECT_COSTS: CostTable = {
  "Account.customObjects": { perParent: true, perParentArgs: ["objectName"] },
  "Query.customObjectRecord": {
    loaderKeys: (a) => [`customObjectRecord:${a.uid}/${a.objectName}/${a.recordId}`],
  },
  "Mutation.createCustomObjectRecord": {},
  "Mutation.updateCustomObjectRecord": {},
  "Mutation.deleteCustomObjectRecord": {},
};
