import { z } from "zod";

/**
 * The JSON the Multipurpose Tokens and SOTT endpoints send (docs/loginradius-tokens.md).
 * `ExpiresIn` and `ExpiryTime` are ISO date-times, not durations.
 */

export const WireEmailTokenSchema = z.object({
  Token: z.string().min(1),
  ExpiresIn: z.string().nullish(),
  IdentityProviders: z.array(z.string()).nullish(),
});
export type WireEmailToken = z.infer<typeof WireEmailTokenSchema>;

export const WireSmsOtpSchema = z.object({
  Token: z.string().min(1),
  ExpiresIn: z.string().nullish(),
});
export type WireSmsOtp = z.infer<typeof WireSmsOtpSchema>;

export const WireSottSchema = z.object({
  Sott: z.string().min(1),
  ExpiryTime: z.string().nullish(),
});
export type WireSott = z.infer<typeof WireSottSchema>;

/** The body of an email token request: only the keys the token type uses. */
export interface WireEmailTokenBody {
  Email?: string;
  Username?: string;
  Uid?: string;
  Type?: string;
  ClientGuid?: string;
  Name?: string;
}

/** The body of an SMS OTP request. */
export interface WireSmsOtpBody {
  Phone: string;
  Uid?: string;
  Name?: string;
}
