import type { CostTable, FieldArgs } from "../graphql/limits/cost.js";

/** Loader keys, namespaced by the loader that would share them within a request. */
const keys =
  (loader: string, arg: string) =>
  (args: FieldArgs): string[] => {
    const value = args[arg];
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return list.map((v) => `${loader}:${String(v)}`);
  };

const EMAIL = "sends an email";
const TOKEN = "mints a token";

/**
 * What each Accounts field costs upstream (see src/graphql/limits/cost.ts), and which fields send
 * an email or SMS or mint a token. Every root field has a row (test/limits-schema.test.ts checks);
 * so does every field resolver that calls LoginRadius (`passwordHash`, `privacyPolicyHistory`,
 * `AccountActionPayload.account`). Reads share the request's DataLoaders, so a UID read twice
 * costs one call; every mutation costs one call each time it runs.
 */
export const ACCOUNT_COSTS: CostTable = {
  "Query.accountByUid": { loaderKeys: keys("byUid", "uid") },
  "Query.accountByEmail": { loaderKeys: keys("byEmail", "email") },
  "Query.accountByPhone": { loaderKeys: keys("byPhone", "phone") },
  "Query.accountByUserName": { loaderKeys: keys("byUserName", "userName") },
  // One call answers with every identity; what lies below is costed for a few of them.
  "Query.identitiesByEmail": { loaderKeys: keys("identitiesByEmail", "email"), assumedItems: 5 },
  "Query.accountsByUids": { loaderKeys: keys("byUid", "uids") },
  "Account.passwordHash": { perParent: true },
  "Account.privacyPolicyHistory": { perParent: true },
  "AccountActionPayload.account": {},
  "Mutation.createAccount": {},
  "Mutation.updateAccount": {},
  "Mutation.updateAccountPhoneId": {},
  "Mutation.removeAccountPhoneId": {},
  "Mutation.upsertAccountEmail": {},
  "Mutation.removeAccountEmail": {},
  "Mutation.setAccountPassword": {},
  "Mutation.updateAccountUid": {},
  "Mutation.invalidateEmailVerification": { sideEffect: EMAIL },
  "Mutation.resetPhoneIdVerification": { sideEffect: "sends an SMS or a voice call" },
  "Mutation.deleteAccount": {},
  "Mutation.deleteAccountsByEmail": {},
  // A reset token is a credential whether or not LoginRadius emails it.
  "Mutation.generateForgotPasswordToken": { sideEffect: `${TOKEN}; ${EMAIL} when sendEmail` },
  "Mutation.generateEmailVerificationToken": { sideEffect: TOKEN },
  "Mutation.issueAccessToken": { sideEffect: TOKEN },
  "Mutation.refreshAccessToken": { sideEffect: TOKEN },
  "Mutation.revokeRefreshToken": {},
  "Mutation.revokeAllRefreshTokens": {},
};
