import type { TokensClient } from "./tokens.client.js";

const unexpected = (name: string) => () =>
  Promise.reject(new Error(`tokensClientDouble: ${name} was called but not given`));

/** A test double of the tokens client: the given methods, every other one failing loudly. */
export const tokensClientDouble = (given: Partial<TokensClient> = {}): TokensClient => ({
  emailToken: given.emailToken ?? unexpected("emailToken"),
  smsOtp: given.smsOtp ?? unexpected("smsOtp"),
  sott: given.sott ?? unexpected("sott"),
});
