import type { CostTable } from "../graphql/limits/cost.js";

/**
 * What each Account Security field costs upstream. The Account fields cost one call per account
 * (their loaders share it within a request); `backupCodes` mints codes the first time it is read,
 * so it counts as a side effect, as does `resetBackupCodes`.
 */
export const SECURITY_COSTS: CostTable = {
  "Account.backupCodes": { perParent: true, sideEffect: "mints backup codes (the first read)" },
  "Account.passkeys": { perParent: true },
  "Account.consentLogs": { perParent: true },
  "Mutation.resetAuthenticator": {},
  "Mutation.resetBackupCodes": { sideEffect: "mints backup codes" },
  "Mutation.removePasskey": {},
  "Mutation.unlockAccount": {},
  "Mutation.validateReauthentication": {},
};
