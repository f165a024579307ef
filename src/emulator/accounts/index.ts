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
