import type { EmulatedSection, SectionOptions, SliceWriter } from "../core/section.js";
import { SECURITY_CODES } from "./codes.js";
import { consentRoutes } from "./consent.routes.js";
import { mfaRoutes } from "./mfa.routes.js";
import { passkeyRoutes } from "./passkey.routes.js";
import { reauthRoutes } from "./reauth.routes.js";
import { type SecurityEntry, SecurityStore } from "./security.store.js";
import { demoSecurity } from "./seed.js";

/** What other emulated sections may import: its store and journal entries, for observers of writes. */
export type { SecurityEntry, SecurityStore } from "./security.store.js";

/**
 * The Account Security section: MFA resets and backup codes by UID, step-up validation, consent
 * logs and passkeys (`/identity/v2/manage/account/2fa/...`, `/{uid}/reauth/...`, ...).
 */
export const security = {
  name: "security",
  createStore: (write: SliceWriter<SecurityEntry>, options: SectionOptions) =>
    new SecurityStore(() => demoSecurity(options), write),
  routes: () => [...mfaRoutes, ...reauthRoutes, ...consentRoutes, ...passkeyRoutes],
  codes: SECURITY_CODES,
} as const satisfies EmulatedSection<"security", SecurityStore>;
