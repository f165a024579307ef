import type { EmulatedSection, SectionOptions, SliceWriter } from "../core/section.js";
import { CUSTOM_OBJECT_CODES } from "./codes.js";
import { customObjectRoutes } from "./custom-object.routes.js";
import { type CustomObjectEntry, CustomObjectStore } from "./custom-object.store.js";
import { demoCustomObjects } from "./seed.js";

/** What other emulated sections may import: its store and journal entries, for observers of writes. */
export type { CustomObjectEntry, CustomObjectStore, StoredRecord } from "./custom-object.store.js";

/** The Account Custom Object section: records of configured objects, by UID. */
export const customObjects = {
  name: "customObjects",
  createStore: (write: SliceWriter<CustomObjectEntry>, options: SectionOptions) =>
    new CustomObjectStore(() => demoCustomObjects(options), write),
  routes: () => customObjectRoutes,
  codes: CUSTOM_OBJECT_CODES,
} as const satisfies EmulatedSection<"customObjects", CustomObjectStore>;
