import { endpointsUnder } from "../loginradius/endpoints.js";
import {
  WireDeletedSchema,
  type WireEmail,
  WireIdentitiesSchema,
  WirePostedSchema,
  WirePrivacyPolicyHistorySchema,
  type WireProfileBody,
  WireProfileSchema,
} from "./accounts.wire.js";

/** A `fields` projection as LoginRadius takes it (`Uid,Email`); undefined = everything. */
export type Fields = string | undefined;

export const { call } = endpointsUnder("/identity/v2/manage/account");
export const uid = (value: string) => ({ uid: value });
const profile = (value: string, fields: Fields) => ({ params: uid(value), query: { fields } });

/**
 * The Accounts endpoints that read, create, change or delete a profile, one row per client
 * method (accounts.client.ts joins them with the credential rows). Never retried: a create, a
 * delete, or a change a repeat would answer with an error.
 */
export const PROFILE_ENDPOINTS = {
  createAccount: call("POST", "", {
    retry: false,
    answer: WireProfileSchema,
    input: (body: WireProfileBody, fields?: Fields) => ({ query: { fields }, body }),
    checkFirst: "look the account up by its email (accountByEmail) before creating it again",
    covers: {
      sdk: "accountApi.createAccount",
      reference: "account/account-create",
      graph: ["Mutation.createAccount"],
    },
  }),
  getByEmail: call("GET", "", {
    retry: true,
    cache: "profile",
    answer: WireProfileSchema,
    input: (email: string, fields?: Fields) => ({ query: { email, fields } }),
    covers: {
      toldApartBy: "`?email=`",
      sdk: "accountApi.getAccountProfileByEmail",
      reference: "account/account-profiles-by-email",
      graph: ["Query.accountByEmail"],
    },
  }),
  getByUserName: call("GET", "", {
    retry: true,
    cache: "profile",
    answer: WireProfileSchema,
    input: (userName: string, fields?: Fields) => ({ query: { userName, fields } }),
    covers: {
      toldApartBy: "`?userName=`",
      sdk: "accountApi.getAccountProfileByUserName",
      reference: "account/account-profiles-by-user-name",
      graph: ["Query.accountByUserName"],
    },
  }),
  getByPhone: call("GET", "", {
    retry: true,
    cache: "profile",
    answer: WireProfileSchema,
    input: (phone: string, fields?: Fields) => ({ query: { phone, fields } }),
    covers: {
      toldApartBy: "`?phone=`",
      sdk: "accountApi.getAccountProfileByPhone",
      reference: "account/account-profiles-by-phone-id",
      graph: ["Query.accountByPhone"],
    },
  }),
  getByUid: call("GET", "/{uid}", {
    retry: true,
    cache: "profile",
    answer: WireProfileSchema,
    input: (id: string, fields?: Fields) => profile(id, fields),
    covers: {
      sdk: "accountApi.getAccountProfileByUid",
      reference: "account/account-profiles-by-uid",
      graph: ["Query.accountByUid", "Query.accountsByUids", "Query._entities"],
    },
  }),
  // Same body, same result: safe to repeat. Its answer is what getByUid reads: it primes the
  // cache (`cache` on a write, src/cache/read-cache.ts).
  updateAccount: call("PUT", "/{uid}", {
    retry: true,
    cache: "profile",
    answer: WireProfileSchema,
    input: (id: string, body: WireProfileBody, nullSupport: boolean, fields?: Fields) => ({
      params: uid(id),
      query: { fields, nullSupport },
      body,
    }),
    covers: [
      {
        toldApartBy: "profile fields",
        sdk: "accountApi.updateAccountByUid",
        reference: "account/account-update",
        graph: ["Mutation.updateAccount"],
      },
      {
        toldApartBy: "`{securityquestionanswer}`",
        sdk: "– (use updateAccountByUid)",
        reference: "account/account-update-security-question",
        graph: [],
        graphNote: "not exposed: security answers are set by the user",
      },
      {
        section: "Account Security",
        toldApartBy: "`{IsLoginLocked: false}` (unlock)",
        sdk: "accountApi.updateAccountByUid",
        reference: "account/account-update",
        graph: ["Mutation.unlockAccount"],
        graphNote: "(read: `Account.lockState`)",
      },
      {
        toldApartBy: "`{PhoneId: null}`, `nullSupport=true`",
        sdk: "accountApi.updateAccountByUid",
        reference: "account/account-update",
        note: "(no management call removes a phone ID: UNCONFIRMED choice)",
        graph: ["Mutation.removeAccountPhoneId"],
      },
    ],
  }),
  updatePhoneId: call("PUT", "/{uid}/phoneid", {
    retry: true,
    answer: WireProfileSchema,
    input: (id: string, phone: string, fields?: Fields) => ({
      ...profile(id, fields),
      body: { Phone: phone },
    }),
    covers: {
      sdk: "accountApi.updatePhoneIDByUid",
      reference: "account/update-phoneid-by-uid",
      graph: ["Mutation.updateAccountPhoneId"],
    },
  }),
  // A repeated delete would answer 938 for a delete that succeeded.
  deleteByUid: call("DELETE", "/{uid}", {
    retry: false,
    answer: WireDeletedSchema,
    input: (id: string) => ({ params: uid(id) }),
    covers: {
      sdk: "accountApi.deleteAccountByUid",
      reference: "account/account-delete",
      graph: ["Mutation.deleteAccount"],
    },
  }),
  deleteByEmail: call("DELETE", "", {
    retry: false,
    answer: WireDeletedSchema,
    input: (email: string) => ({ query: { email } }),
    covers: {
      toldApartBy: "`?email=`",
      sdk: "accountApi.accountDeleteByEmail",
      reference: "account/account-delete-by-email",
      graph: ["Mutation.deleteAccountsByEmail"],
    },
  }),
  // A repeat after success answers 938 (old UID gone).
  updateUid: call("PUT", "/uid", {
    retry: false,
    answer: WirePostedSchema,
    input: (id: string, newUid: string) => ({ query: { uid: id }, body: { NewUid: newUid } }),
    covers: {
      toldApartBy: "`?uid=` + `{NewUid}`",
      sdk: "accountApi.accountUpdateUid",
      reference: "– (SDK and docs site only)",
      graph: ["Mutation.updateAccountUid"],
    },
  }),
  privacyPolicyHistory: call("GET", "/{uid}/privacypolicy/history", {
    retry: true,
    answer: WirePrivacyPolicyHistorySchema,
    input: (id: string) => ({ params: uid(id) }),
    covers: {
      sdk: "accountApi.getPrivacyPolicyHistoryByUid",
      reference: "account/privacy-policy-history-by-uid",
      graph: ["Account.privacyPolicyHistory"],
    },
  }),
  upsertEmail: call("PUT", "/{uid}/email", {
    retry: true,
    answer: WireProfileSchema,
    input: (id: string, emails: WireEmail[], fields?: Fields) => ({
      ...profile(id, fields),
      body: { Email: emails },
    }),
    covers: {
      sdk: "accountApi.upsertEmail",
      reference: "account/upsert-email",
      graph: ["Mutation.upsertAccountEmail"],
    },
  }),
  // A repeat after success answers 1340 (not in profile).
  removeEmail: call("DELETE", "/{uid}/email", {
    retry: false,
    answer: WireProfileSchema,
    input: (id: string, email: string, fields?: Fields) => ({
      ...profile(id, fields),
      body: { email },
    }),
    covers: {
      sdk: "accountApi.removeEmail",
      reference: "account/account-email-delete",
      graph: ["Mutation.removeAccountEmail"],
    },
  }),
  identitiesByEmail: call("GET", "/identities", {
    retry: true,
    cache: "identities",
    answer: WireIdentitiesSchema,
    input: (email: string, fields?: Fields) => ({ query: { email, fields } }),
    covers: {
      toldApartBy: "`?email=`",
      sdk: "accountApi.getAccountIdentitiesByEmail",
      reference: "account/account-identities-by-email",
      graph: ["Query.identitiesByEmail"],
    },
  }),
};
