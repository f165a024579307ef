import { accounts } from "./accounts/index.js";
import type { StoresOf } from "./core/section.js";
import { customObjects } from "./custom-objects/index.js";
import { identities } from "./identities/index.js";
import { roles } from "./roles/index.js";
import { search } from "./search/index.js";
import { security } from "./security/index.js";
import { tokens } from "./tokens/index.js";
import { webhooks } from "./webhooks/index.js";

/**
 * The emulated LoginRadius sections: the one list the emulator reads. Adding a section is one
 * line here plus its own folder (see docs/adding-a-section.md).
 */
export const EMULATED = [
  accounts,
  roles,
  customObjects,
  security,
  tokens,
  identities,
  webhooks,
  search,
] as const;

/** Every section's store slice, by section name: what route handlers see as `ctx.stores`. */
export type EmulatedStores = StoresOf<typeof EMULATED>;
