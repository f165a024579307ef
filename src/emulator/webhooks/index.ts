import type { EmulatedSection, SectionOptions, SliceWriter } from "../core/section.js";
import { webhookRoutes } from "./webhook.routes.js";
import { type WebhookEntry, WebhookStore } from "./webhook.store.js";

/** What the emulator's config reader and app take of this section: its fault bounds and default. */
export { MAX_WEBHOOK_DELAY_MS, NO_WEBHOOK_FAULTS } from "./webhook.faults.js";

/**
 * LoginRadius webhooks: the subscription endpoints of the SDK's webHookApi, and the events every
 * write of every section raises, signed and sent with the configured faults (README.md).
 */
export const webhooks = {
  name: "webhooks",
  createStore: (write: SliceWriter<WebhookEntry>, options: SectionOptions) =>
    new WebhookStore(options.webhooks, write),
  routes: () => webhookRoutes,
  codes: {},
} as const satisfies EmulatedSection<"webhooks", WebhookStore>;
