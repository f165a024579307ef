import type { SecurityClient } from "./security.client.js";

const unexpected = (name: string) => () =>
  Promise.reject(new Error(`securityClientDouble: ${name} was called but not given`));

/** A test double of the Account Security client: the given methods, every other one failing loudly. */
export const securityClientDouble = (given: Partial<SecurityClient> = {}): SecurityClient => ({
  backupCodes: given.backupCodes ?? unexpected("backupCodes"),
  passkeys: given.passkeys ?? unexpected("passkeys"),
  consentLogs: given.consentLogs ?? unexpected("consentLogs"),
  validateReauth: given.validateReauth ?? unexpected("validateReauth"),
  resetAuthenticator: given.resetAuthenticator ?? unexpected("resetAuthenticator"),
  resetBackupCodes: given.resetBackupCodes ?? unexpected("resetBackupCodes"),
  removePasskey: given.removePasskey ?? unexpected("removePasskey"),
});
