import type { BoundHttp } from "../loginradius/bound-http.js";
import { clientOver } from "../loginradius/endpoint-client.js";
import { type ClientOf, endpointsUnder, endpointTable } from "../loginradius/endpoints.js";
import {
  type WireEmailTokenBody,
  WireEmailTokenSchema,
  type WireSmsOtpBody,
  WireSmsOtpSchema,
  WireSottSchema,
} from "./tokens.wire.js";

const { call } = endpointsUnder("/identity/v2/manage/account");

const TOKEN_DOCS = "account/multipurpose-token-and-sms-otp-generation-api";

/**
 * The Multipurpose Tokens and SOTT endpoints, one row per client method: every one mints a
 * credential. None is retried: the email and SMS ones send a message, so a repeat after a lost
 * response would send twice and leave two live tokens. The SOTT is a GET and would be retried by
 * default; it is a credential all the same.
 */
export const TOKEN_ENDPOINTS = endpointTable("Multipurpose Tokens", {
  /** `tokentype` as LoginRadius spells it (`forgotpassword`); sends the email that carries it. */
  emailToken: call("POST", "/emailtoken/{tokentype}", {
    retry: false,
    answer: WireEmailTokenSchema,
    input: (tokentype: string, body: WireEmailTokenBody) => ({ params: { tokentype }, body }),
    checkFirst: "an email may have been sent; ask its recipient before sending another",
    covers: {
      toldApartBy: "8 documented types",
      sdk: "accountApi.multipurposeEmailTokenGeneration",
      reference: `${TOKEN_DOCS}/multipurpose-email-token-generation`,
      graph: ["Mutation.generateEmailToken"],
    },
  }),
  /** `smsotptype` as LoginRadius spells it (`addphone`); sends the SMS that carries it. */
  smsOtp: call("POST", "/smsotp/{smsotptype}", {
    retry: false,
    answer: WireSmsOtpSchema,
    input: (smsotptype: string, body: WireSmsOtpBody) => ({ params: { smsotptype }, body }),
    checkFirst: "an SMS may have been sent; ask its recipient before sending another",
    covers: {
      toldApartBy: "7 documented types",
      sdk: "accountApi.multipurposeSMSOTPGeneration",
      reference: `${TOKEN_DOCS}/multipurpose-sms-otp-generation`,
      graph: ["Mutation.generateSmsOtp"],
    },
  }),
  /** A SOTT valid for this many minutes. */
  sott: call("GET", "/sott", {
    retry: false,
    answer: WireSottSchema,
    input: (minutes: number) => ({ query: { timeDifference: String(minutes) } }),
    covers: {
      toldApartBy: "`?timeDifference=`",
      sdk: "sottApi.generateSott",
      reference: "session/generate-sott-token",
      graph: ["Mutation.generateSott"],
    },
  }),
});

/** The Multipurpose Tokens and SOTT section, as the repository sees it. */
export type TokensClient = ClientOf<typeof TOKEN_ENDPOINTS>;

/** The tokens client over the adapter, as bound to one request (its id, deadline and call count go with every call). */
export const createTokensClient = (http: BoundHttp): TokensClient =>
  clientOver(TOKEN_ENDPOINTS, http);
