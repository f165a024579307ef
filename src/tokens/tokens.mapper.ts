import { toDate } from "../loginradius/wire.js";
import type { EmailTokenTypeName, SmsOtpTypeName } from "./tokens.enums.js";
import type { EmailTokenPayload, SmsOtpPayload, SottPayload } from "./tokens.payload.js";
import type { WireEmailToken, WireSmsOtp, WireSott } from "./tokens.wire.js";

/** Wire -> GraphQL for the tokens section. */

export const toEmailToken = (
  type: EmailTokenTypeName,
  wire: WireEmailToken,
): EmailTokenPayload => ({
  type,
  token: wire.Token,
  expiresAt: toDate(wire.ExpiresIn),
  identityProviders: wire.IdentityProviders ?? [],
});

export const toSmsOtp = (type: SmsOtpTypeName, wire: WireSmsOtp): SmsOtpPayload => ({
  type,
  otp: wire.Token,
  expiresAt: toDate(wire.ExpiresIn),
});

export const toSott = (wire: WireSott): SottPayload => ({
  sott: wire.Sott,
  expiresAt: toDate(wire.ExpiryTime),
});
