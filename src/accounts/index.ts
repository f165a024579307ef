import type { Section } from "../graphql/section.js";
import { ACCOUNT_COSTS } from "./account.costs.js";
import { accountEntity } from "./account.entity.js";
import { ACCOUNT_ERROR_ROWS, ACCOUNT_FIELD_RENAMES } from "./account.errors.js";
import { AccountActionPayloadResolver, AccountFieldResolver } from "./account.field.resolver.js";
import { AccountMutationResolver } from "./account.mutation.resolver.js";
import { AccountQueryResolver } from "./account.query.resolver.js";
import { AccountRepository, type AccountsSlice } from "./account.repository.js";
import { ACCOUNT_SCOPES } from "./account.scopes.js";
import type { AccountsClient } from "./accounts.client.js";
import { ACCOUNT_ENDPOINTS, createAccountsClient } from "./accounts.client.js";

/** The Accounts section: what src/sections.ts lists. */
export const accounts = {
  name: "accounts",
  resolvers: [
    AccountQueryResolver,
    AccountFieldResolver,
    AccountMutationResolver,
    AccountActionPayloadResolver,
  ],
  endpoints: ACCOUNT_ENDPOINTS,
  createClient: createAccountsClient,
  createSlice: (client: AccountsClient, batchSizes, profiles, links) => {
    const accounts = new AccountRepository(client, batchSizes, links, profiles);
    profiles?.onChange((uid) => accounts.forget(uid));
    return { accounts };
  },
  errorRows: ACCOUNT_ERROR_ROWS,
  fieldRenames: ACCOUNT_FIELD_RENAMES,
  scopes: ACCOUNT_SCOPES,
  costs: ACCOUNT_COSTS,
  auditedReads: ["Account.passwordHash"],
  entities: { Account: accountEntity },
} as const satisfies Section<"accounts", AccountsClient, AccountsSlice>;

// What other sections may use of Accounts (the search section reads and returns accounts).
export { accountKeys, toAccount } from "./account.fields.js";
export { Account } from "./account.type.js";
export { type WireProfile, WireProfileSchema } from "./accounts.wire.js";
