import type { EmulatedSection, SectionOptions, SliceWriter } from "../core/section.js";
import { accessTokenRoutes } from "./access-token.routes.js";
import { IDENTITY_CODES } from "./codes.js";
import { demoSocialLogins } from "./seed.js";
import { type SessionEntry, SessionStore } from "./session.store.js";
import { socialIdentityRoutes } from "./social-identity.routes.js";

/** What other emulated sections may import: Accounts' token routes end an account's sessions. */
export type { SessionStore } from "./session.store.js";

/**
 * The Authentication API routes an admin tool needs to link and unlink identities
 * (`/identity/v2/auth/socialidentity`, `/identity/v2/auth/access_token/...`): they take the
 * account's access token, which the management API's impersonation issues, and the API key alone.
 */
export const identities = {
  name: "identities",
  createStore: (write: SliceWriter<SessionEntry>, options: SectionOptions) =>
    new SessionStore(() => (options.seed === "none" ? [] : demoSocialLogins()), write),
  routes: () => [...socialIdentityRoutes, ...accessTokenRoutes],
  codes: IDENTITY_CODES,
} as const satisfies EmulatedSection<"identities", SessionStore>;
