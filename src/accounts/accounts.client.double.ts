import type { AccountsClient } from "./accounts.client.js";

const unexpected = (name: string) => () =>
  Promise.reject(new Error(`accountsClientDouble: ${name} was called but not given`));

/**
 * A test double of the Accounts client: the methods a test gives, and for every other one a
 * method that fails loudly, so a test states exactly which endpoints it expects and needs no cast.
 */
export const accountsClientDouble = (given: Partial<AccountsClient> = {}): AccountsClient => ({
  getByEmail: given.getByEmail ?? unexpected("getByEmail"),
  getByUserName: given.getByUserName ?? unexpected("getByUserName"),
  getByPhone: given.getByPhone ?? unexpected("getByPhone"),
  getByUid: given.getByUid ?? unexpected("getByUid"),
  identitiesByEmail: given.identitiesByEmail ?? unexpected("identitiesByEmail"),
  getPasswordHash: given.getPasswordHash ?? unexpected("getPasswordHash"),
  privacyPolicyHistory: given.privacyPolicyHistory ?? unexpected("privacyPolicyHistory"),
  createAccount: given.createAccount ?? unexpected("createAccount"),
  updateAccount: given.updateAccount ?? unexpected("updateAccount"),
  updatePhoneId: given.updatePhoneId ?? unexpected("updatePhoneId"),
  upsertEmail: given.upsertEmail ?? unexpected("upsertEmail"),
  removeEmail: given.removeEmail ?? unexpected("removeEmail"),
  updateUid: given.updateUid ?? unexpected("updateUid"),
  deleteByUid: given.deleteByUid ?? unexpected("deleteByUid"),
  deleteByEmail: given.deleteByEmail ?? unexpected("deleteByEmail"),
  invalidateEmailVerification:
    given.invalidateEmailVerification ?? unexpected("invalidateEmailVerification"),
  resetPhoneIdVerification:
    given.resetPhoneIdVerification ?? unexpected("resetPhoneIdVerification"),
  setPassword: given.setPassword ?? unexpected("setPassword"),
  forgotPasswordToken: given.forgotPasswordToken ?? unexpected("forgotPasswordToken"),
  emailVerificationToken: given.emailVerificationToken ?? unexpected("emailVerificationToken"),
  accessTokenByUid: given.accessTokenByUid ?? unexpected("accessTokenByUid"),
  refreshAccessToken: given.refreshAccessToken ?? unexpected("refreshAccessToken"),
  revokeRefreshToken: given.revokeRefreshToken ?? unexpected("revokeRefreshToken"),
  revokeAllRefreshTokens: given.revokeAllRefreshTokens ?? unexpected("revokeAllRefreshTokens"),
});
