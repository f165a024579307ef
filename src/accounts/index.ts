import type { Section } from "../graphql/section.js";
import { accountEntity } from "./account.entity.js";
import { ACCOUNT_ERROR_ROWS, ACCOUNT_FIELD_RENAMES } from "./account.errors.js";
import { AccountActionPayloadResolver, AccountFieldResolver } from "./account.field.resolver.js";
import { AccountMutationResolver } from "./account.mutation.resolver.js";
import { AccountQueryResolver } from "./account.query.resolver.js";
import { AccountRepository, type AccountsSlice } from "./account.repository.js";
import { ACCOUNT_SCOPES } from "./account.scopes.js";
import type { AccountsClient } from "./accounts.client.js";
import { ACCOUNT_ENDPOINTS, createAccountsClient } from "./accounts.client.js";

/*
 * Accounts' public surface: what other sections may import (test/section-boundaries.test.ts
 * refuses any other file of this folder). Other sections add fields to `Account`, answer with it
 * or with `AccountActionPayload`, read an account through this section's repository
 * (`AccountsContext`, selected keys by `accountKeys`, mapped by `toAccount`), and list
 * identities (the search section reads profiles and returns accounts); their in-process tests
 * stub this section's client with its double.
 */
export { accountKeys, toAccount } from "./account.fields.js";
export { toIdentity } from "./account.mapper.js";
export { AccountActionPayload } from "./account.payload.js";
export type { AccountsContext } from "./account.repository.js";
export { Account, Identity } from "./account.type.js";
export { accountsClientDouble } from "./accounts.client.double.js";
export {
  type WireIdentity,
  WireIdentitySchema,
  type WireProfile,
  WireProfileSchema,
} from "./accounts.wire.js";

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
  entities: { Account: accountEntity },
} as const satisfies Section<"accounts", AccountsClient, AccountsSlice>;
