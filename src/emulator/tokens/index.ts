import type { EmulatedSection, SliceWriter } from "../core/section.js";
import { TOKEN_CODES } from "./codes.js";
import { emailTokenRoutes } from "./email-token.routes.js";
import { smsOtpRoutes } from "./sms-otp.routes.js";
import { sottRoutes } from "./sott.routes.js";
import { type TokenEntry, TokenStore } from "./token.store.js";

/**
 * The Multipurpose Tokens section: email tokens and SMS OTPs per documented type, and SOTT
 * (`/identity/v2/manage/account/emailtoken/...`, `/smsotp/...`, `/sott`).
 */
export const tokens = {
  name: "tokens",
  createStore: (write: SliceWriter<TokenEntry>) => new TokenStore(write),
  routes: () => [...emailTokenRoutes, ...smsOtpRoutes, ...sottRoutes],
  codes: TOKEN_CODES,
} as const satisfies EmulatedSection<"tokens", TokenStore>;
