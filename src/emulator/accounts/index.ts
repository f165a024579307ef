import type { EmulatedSection, SectionOptions, SliceWriter } from "../core/section.js";
import { type AccountEntry, AccountStore } from "./account.store.js";
import { ACCOUNT_CODES } from "./codes.js";
import { emailRoutes } from "./email.routes.js";
import { lifecycleRoutes } from "./lifecycle.routes.js";
import { passwordRoutes } from "./password.routes.js";
import { profileRoutes } from "./profile.routes.js";
import { demoAccounts } from "./seed.js";
import { tokenRoutes } from "./tokens.routes.js";
import { verificationRoutes } from "./verification.routes.js";

/*
 * Accounts' public surface in the emulator: what other emulated sections may import
 * (test/section-boundaries.test.ts refuses any other file of this folder). Their routes live
 * under an account's path, find or require the account in its store, stamp their state with
 * its owner, and seed data for the demo accounts; observers of writes read its journal entries
 * and render profiles as LoginRadius answers them.
 */
export {
  ACCOUNT,
  accountByEmail,
  accountByUserName,
  ownerOf,
  requireAccount,
} from "./account.context.js";
export type { AccountEntry, AccountStore } from "./account.store.js";
export { fieldSpec, renderProfile, type StoredProfile } from "./profile.js";
export { ADA, ALAN, GRACE, KATHERINE, MARGARET, seededFeaturedUids } from "./seed.js";

/** The Accounts section (`/identity/v2/manage/account...`): profiles, passwords, emails, tokens. */
export const accounts = {
  name: "accounts",
  createStore: (write: SliceWriter<AccountEntry>, options: SectionOptions) =>
    new AccountStore(() => (options.seed === "none" ? [] : demoAccounts(options.seedCount)), write),
  routes: (options: SectionOptions) => [
    ...profileRoutes(options),
    ...passwordRoutes(options),
    ...emailRoutes,
    ...verificationRoutes,
    ...tokenRoutes,
    ...lifecycleRoutes,
  ],
  codes: ACCOUNT_CODES,
} as const satisfies EmulatedSection<"accounts", AccountStore>;
