import type { BoundHttp } from "../loginradius/bound-http.js";
import { endpointsUnder } from "../loginradius/endpoints.js";
import {
  type WireEmailToken,
  type WireEmailTokenBody,
  WireEmailTokenSchema,
  type WireSmsOtp,
  type WireSmsOtpBody,
  WireSmsOtpSchema,
  type WireSott,
  WireSottSchema,
} from "./tokens.wire.js";

/** The Multipurpose Tokens and SOTT endpoints: every one mints a credential. */
export interface TokensClient {
  /** `tokenType` as LoginRadius spells it (`forgotpassword`); sends the email that carries it. */
  emailToken(tokenType: string, body: WireEmailTokenBody): Promise<WireEmailToken>;
  /** `otpType` as LoginRadius spells it (`addphone`); sends the SMS that carries it. */
  smsOtp(otpType: string, body: WireSmsOtpBody): Promise<WireSmsOtp>;
  /** A SOTT valid for this many minutes. */
  sott(minutes: number): Promise<WireSott>;
}

const ACCOUNT = "/identity/v2/manage/account";

const endpoint = endpointsUnder(ACCOUNT);

/**
 * The endpoints. None is retried: each mints a token, and the email and SMS ones send a message,
 * so a repeat after a lost response would send twice and leave two live tokens. The SOTT is a GET
 * and would be retried by default; it is a credential all the same.
 */
export const TOKEN_ENDPOINTS = {
  emailToken: endpoint(
    "POST",
    "/emailtoken/{tokentype}",
    false,
    WireEmailTokenSchema,
    "an email may have been sent; ask its recipient before sending another",
  ),
  smsOtp: endpoint(
    "POST",
    "/smsotp/{smsotptype}",
    false,
    WireSmsOtpSchema,
    "an SMS may have been sent; ask its recipient before sending another",
  ),
  sott: endpoint("GET", "/sott", false, WireSottSchema),
} as const;

const E = TOKEN_ENDPOINTS;

/** The tokens client over the adapter, bound to one request's scope. */
export const createTokensClient = ({ call }: BoundHttp): TokensClient => {
  return {
    emailToken: (tokentype, body) => call(E.emailToken, { params: { tokentype }, body }),
    smsOtp: (smsotptype, body) => call(E.smsOtp, { params: { smsotptype }, body }),
    sott: (minutes) => call(E.sott, { query: { timeDifference: String(minutes) } }),
  };
};
