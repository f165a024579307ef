import type { RequestContext } from "../graphql/section.js";
import type { TokensClient } from "./tokens.client.js";
import {
  EMAIL_TOKEN_TYPES,
  type EmailTokenTypeName,
  SMS_OTP_TYPES,
  type SmsOtpTypeName,
} from "./tokens.enums.js";
import type {
  WireEmailToken,
  WireEmailTokenBody,
  WireSmsOtp,
  WireSmsOtpBody,
  WireSott,
} from "./tokens.wire.js";

/**
 * The tokens section's door to LoginRadius. Nothing is cached: every call mints a new credential,
 * and none changes what an account read returns (the Accounts cache needs no forgetting).
 */
export class TokenRepository {
  constructor(private readonly client: TokensClient) {}

  emailToken(type: EmailTokenTypeName, body: WireEmailTokenBody): Promise<WireEmailToken> {
    return this.client.emailToken(EMAIL_TOKEN_TYPES[type], body);
  }

  smsOtp(type: SmsOtpTypeName, body: WireSmsOtpBody): Promise<WireSmsOtp> {
    return this.client.smsOtp(SMS_OTP_TYPES[type], body);
  }

  sott(minutes: number): Promise<WireSott> {
    return this.client.sott(minutes);
  }
}

/** The tokens section's slice of the request context. */
export interface TokensSlice {
  tokens: TokenRepository;
}

export type TokensContext = RequestContext & TokensSlice;
