/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query SecurityOverview($uid: ID!) {\n  accountByUid(uid: $uid) {\n    uid\n    primaryEmail\n    lockState {\n      locked\n      lockedType\n      lockedUntil\n    }\n    passkeys {\n      id\n      createdAt\n    }\n    consentLogs {\n      loggedAt\n      updateType\n      consents {\n        consentId\n        event\n      }\n    }\n  }\n}\n\nmutation UnlockAccount($uid: ID!) {\n  unlockAccount(uid: $uid) {\n    uid\n    lockState {\n      locked\n    }\n  }\n}\n\nmutation RemovePasskey($uid: ID!, $passkeyId: ID!) {\n  removePasskey(uid: $uid, passkeyId: $passkeyId) {\n    uid\n    account {\n      passkeys {\n        id\n      }\n    }\n  }\n}\n\nmutation ResetAuthenticator($uid: ID!, $kind: AuthenticatorKind!) {\n  resetAuthenticator(uid: $uid, kind: $kind) {\n    uid\n  }\n}\n\nmutation ResetBackupCodes($uid: ID!) {\n  resetBackupCodes(uid: $uid) {\n    uid\n    codes\n  }\n}\n\nmutation CheckStepUp($uid: ID!, $kind: ReauthenticationKind!, $token: String!) {\n  validateReauthentication(uid: $uid, kind: $kind, token: $token) {\n    valid\n  }\n}": typeof types.SecurityOverviewDocument,
    "mutation AddAddress($uid: ID!, $address: JSONObject!) {\n  createCustomObjectRecord(uid: $uid, objectName: \"addresses\", data: $address) {\n    id\n    createdAt\n    data\n  }\n}": typeof types.AddAddressDocument,
    "query FirstQuery {\n  accountByEmail(email: \"ada@example.com\") {\n    uid\n    fullName\n    primaryEmail\n    emailVerified\n    phone\n    roles\n    customFields\n    createdAt\n    lastLoginAt\n  }\n  sharing: identitiesByEmail(email: \"shared@example.com\") {\n    uid\n    provider\n    identities {\n      provider\n    }\n  }\n}": typeof types.FirstQueryDocument,
    "mutation GrantRoleUntil($uid: ID!, $context: String!, $role: String!, $until: DateTime!) {\n  upsertAccountRoleContexts(\n    uid: $uid\n    contexts: [{context: $context, roles: [$role], expiresAt: $until}]\n  ) {\n    uid\n    account {\n      roles\n      roleContexts {\n        context\n        roles\n        expiresAt\n      }\n    }\n  }\n}": typeof types.GrantRoleUntilDocument,
    "query RolesInTenant($context: String!) {\n  roles {\n    name\n    permissions\n  }\n  accountsInRoleContext(context: $context) {\n    uid\n    fullName\n    emails\n    roleContext {\n      roles\n      additionalPermissions\n      expiresAt\n      expired\n    }\n  }\n}": typeof types.RolesInTenantDocument,
    "query SavedAddresses($email: String!) {\n  accountByEmail(email: $email) {\n    uid\n    fullName\n    customObjects(objectName: \"addresses\") {\n      id\n      modifiedAt\n      data\n    }\n  }\n}": typeof types.SavedAddressesDocument,
    "mutation SendLoginCode($phone: String!) {\n  generateSmsOtp(type: PASSWORDLESS_LOGIN, phone: $phone) {\n    type\n    expiresAt\n  }\n}\n\nmutation SendPasswordlessLink($email: String!) {\n  generateEmailToken(type: PASSWORDLESS_LOGIN, email: $email) {\n    type\n    expiresAt\n  }\n}\n\nmutation MintSott($minutes: Int!) {\n  generateSott(validFor: $minutes) {\n    sott\n    expiresAt\n  }\n}": typeof types.SendLoginCodeDocument,
    "mutation UpdateAccount($uid: ID!, $input: UpdateAccountInput!, $nullSupport: Boolean) {\n  updateAccount(uid: $uid, input: $input, nullSupport: $nullSupport) {\n    uid\n    firstName\n    lastName\n    customFields\n    modifiedAt\n  }\n}": typeof types.UpdateAccountDocument,
};
const documents: Documents = {
    "query SecurityOverview($uid: ID!) {\n  accountByUid(uid: $uid) {\n    uid\n    primaryEmail\n    lockState {\n      locked\n      lockedType\n      lockedUntil\n    }\n    passkeys {\n      id\n      createdAt\n    }\n    consentLogs {\n      loggedAt\n      updateType\n      consents {\n        consentId\n        event\n      }\n    }\n  }\n}\n\nmutation UnlockAccount($uid: ID!) {\n  unlockAccount(uid: $uid) {\n    uid\n    lockState {\n      locked\n    }\n  }\n}\n\nmutation RemovePasskey($uid: ID!, $passkeyId: ID!) {\n  removePasskey(uid: $uid, passkeyId: $passkeyId) {\n    uid\n    account {\n      passkeys {\n        id\n      }\n    }\n  }\n}\n\nmutation ResetAuthenticator($uid: ID!, $kind: AuthenticatorKind!) {\n  resetAuthenticator(uid: $uid, kind: $kind) {\n    uid\n  }\n}\n\nmutation ResetBackupCodes($uid: ID!) {\n  resetBackupCodes(uid: $uid) {\n    uid\n    codes\n  }\n}\n\nmutation CheckStepUp($uid: ID!, $kind: ReauthenticationKind!, $token: String!) {\n  validateReauthentication(uid: $uid, kind: $kind, token: $token) {\n    valid\n  }\n}": types.SecurityOverviewDocument,
    "mutation AddAddress($uid: ID!, $address: JSONObject!) {\n  createCustomObjectRecord(uid: $uid, objectName: \"addresses\", data: $address) {\n    id\n    createdAt\n    data\n  }\n}": types.AddAddressDocument,
    "query FirstQuery {\n  accountByEmail(email: \"ada@example.com\") {\n    uid\n    fullName\n    primaryEmail\n    emailVerified\n    phone\n    roles\n    customFields\n    createdAt\n    lastLoginAt\n  }\n  sharing: identitiesByEmail(email: \"shared@example.com\") {\n    uid\n    provider\n    identities {\n      provider\n    }\n  }\n}": types.FirstQueryDocument,
    "mutation GrantRoleUntil($uid: ID!, $context: String!, $role: String!, $until: DateTime!) {\n  upsertAccountRoleContexts(\n    uid: $uid\n    contexts: [{context: $context, roles: [$role], expiresAt: $until}]\n  ) {\n    uid\n    account {\n      roles\n      roleContexts {\n        context\n        roles\n        expiresAt\n      }\n    }\n  }\n}": types.GrantRoleUntilDocument,
    "query RolesInTenant($context: String!) {\n  roles {\n    name\n    permissions\n  }\n  accountsInRoleContext(context: $context) {\n    uid\n    fullName\n    emails\n    roleContext {\n      roles\n      additionalPermissions\n      expiresAt\n      expired\n    }\n  }\n}": types.RolesInTenantDocument,
    "query SavedAddresses($email: String!) {\n  accountByEmail(email: $email) {\n    uid\n    fullName\n    customObjects(objectName: \"addresses\") {\n      id\n      modifiedAt\n      data\n    }\n  }\n}": types.SavedAddressesDocument,
    "mutation SendLoginCode($phone: String!) {\n  generateSmsOtp(type: PASSWORDLESS_LOGIN, phone: $phone) {\n    type\n    expiresAt\n  }\n}\n\nmutation SendPasswordlessLink($email: String!) {\n  generateEmailToken(type: PASSWORDLESS_LOGIN, email: $email) {\n    type\n    expiresAt\n  }\n}\n\nmutation MintSott($minutes: Int!) {\n  generateSott(validFor: $minutes) {\n    sott\n    expiresAt\n  }\n}": types.SendLoginCodeDocument,
    "mutation UpdateAccount($uid: ID!, $input: UpdateAccountInput!, $nullSupport: Boolean) {\n  updateAccount(uid: $uid, input: $input, nullSupport: $nullSupport) {\n    uid\n    firstName\n    lastName\n    customFields\n    modifiedAt\n  }\n}": types.UpdateAccountDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SecurityOverview($uid: ID!) {\n  accountByUid(uid: $uid) {\n    uid\n    primaryEmail\n    lockState {\n      locked\n      lockedType\n      lockedUntil\n    }\n    passkeys {\n      id\n      createdAt\n    }\n    consentLogs {\n      loggedAt\n      updateType\n      consents {\n        consentId\n        event\n      }\n    }\n  }\n}\n\nmutation UnlockAccount($uid: ID!) {\n  unlockAccount(uid: $uid) {\n    uid\n    lockState {\n      locked\n    }\n  }\n}\n\nmutation RemovePasskey($uid: ID!, $passkeyId: ID!) {\n  removePasskey(uid: $uid, passkeyId: $passkeyId) {\n    uid\n    account {\n      passkeys {\n        id\n      }\n    }\n  }\n}\n\nmutation ResetAuthenticator($uid: ID!, $kind: AuthenticatorKind!) {\n  resetAuthenticator(uid: $uid, kind: $kind) {\n    uid\n  }\n}\n\nmutation ResetBackupCodes($uid: ID!) {\n  resetBackupCodes(uid: $uid) {\n    uid\n    codes\n  }\n}\n\nmutation CheckStepUp($uid: ID!, $kind: ReauthenticationKind!, $token: String!) {\n  validateReauthentication(uid: $uid, kind: $kind, token: $token) {\n    valid\n  }\n}"): (typeof documents)["query SecurityOverview($uid: ID!) {\n  accountByUid(uid: $uid) {\n    uid\n    primaryEmail\n    lockState {\n      locked\n      lockedType\n      lockedUntil\n    }\n    passkeys {\n      id\n      createdAt\n    }\n    consentLogs {\n      loggedAt\n      updateType\n      consents {\n        consentId\n        event\n      }\n    }\n  }\n}\n\nmutation UnlockAccount($uid: ID!) {\n  unlockAccount(uid: $uid) {\n    uid\n    lockState {\n      locked\n    }\n  }\n}\n\nmutation RemovePasskey($uid: ID!, $passkeyId: ID!) {\n  removePasskey(uid: $uid, passkeyId: $passkeyId) {\n    uid\n    account {\n      passkeys {\n        id\n      }\n    }\n  }\n}\n\nmutation ResetAuthenticator($uid: ID!, $kind: AuthenticatorKind!) {\n  resetAuthenticator(uid: $uid, kind: $kind) {\n    uid\n  }\n}\n\nmutation ResetBackupCodes($uid: ID!) {\n  resetBackupCodes(uid: $uid) {\n    uid\n    codes\n  }\n}\n\nmutation CheckStepUp($uid: ID!, $kind: ReauthenticationKind!, $token: String!) {\n  validateReauthentication(uid: $uid, kind: $kind, token: $token) {\n    valid\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddAddress($uid: ID!, $address: JSONObject!) {\n  createCustomObjectRecord(uid: $uid, objectName: \"addresses\", data: $address) {\n    id\n    createdAt\n    data\n  }\n}"): (typeof documents)["mutation AddAddress($uid: ID!, $address: JSONObject!) {\n  createCustomObjectRecord(uid: $uid, objectName: \"addresses\", data: $address) {\n    id\n    createdAt\n    data\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FirstQuery {\n  accountByEmail(email: \"ada@example.com\") {\n    uid\n    fullName\n    primaryEmail\n    emailVerified\n    phone\n    roles\n    customFields\n    createdAt\n    lastLoginAt\n  }\n  sharing: identitiesByEmail(email: \"shared@example.com\") {\n    uid\n    provider\n    identities {\n      provider\n    }\n  }\n}"): (typeof documents)["query FirstQuery {\n  accountByEmail(email: \"ada@example.com\") {\n    uid\n    fullName\n    primaryEmail\n    emailVerified\n    phone\n    roles\n    customFields\n    createdAt\n    lastLoginAt\n  }\n  sharing: identitiesByEmail(email: \"shared@example.com\") {\n    uid\n    provider\n    identities {\n      provider\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GrantRoleUntil($uid: ID!, $context: String!, $role: String!, $until: DateTime!) {\n  upsertAccountRoleContexts(\n    uid: $uid\n    contexts: [{context: $context, roles: [$role], expiresAt: $until}]\n  ) {\n    uid\n    account {\n      roles\n      roleContexts {\n        context\n        roles\n        expiresAt\n      }\n    }\n  }\n}"): (typeof documents)["mutation GrantRoleUntil($uid: ID!, $context: String!, $role: String!, $until: DateTime!) {\n  upsertAccountRoleContexts(\n    uid: $uid\n    contexts: [{context: $context, roles: [$role], expiresAt: $until}]\n  ) {\n    uid\n    account {\n      roles\n      roleContexts {\n        context\n        roles\n        expiresAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RolesInTenant($context: String!) {\n  roles {\n    name\n    permissions\n  }\n  accountsInRoleContext(context: $context) {\n    uid\n    fullName\n    emails\n    roleContext {\n      roles\n      additionalPermissions\n      expiresAt\n      expired\n    }\n  }\n}"): (typeof documents)["query RolesInTenant($context: String!) {\n  roles {\n    name\n    permissions\n  }\n  accountsInRoleContext(context: $context) {\n    uid\n    fullName\n    emails\n    roleContext {\n      roles\n      additionalPermissions\n      expiresAt\n      expired\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SavedAddresses($email: String!) {\n  accountByEmail(email: $email) {\n    uid\n    fullName\n    customObjects(objectName: \"addresses\") {\n      id\n      modifiedAt\n      data\n    }\n  }\n}"): (typeof documents)["query SavedAddresses($email: String!) {\n  accountByEmail(email: $email) {\n    uid\n    fullName\n    customObjects(objectName: \"addresses\") {\n      id\n      modifiedAt\n      data\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendLoginCode($phone: String!) {\n  generateSmsOtp(type: PASSWORDLESS_LOGIN, phone: $phone) {\n    type\n    expiresAt\n  }\n}\n\nmutation SendPasswordlessLink($email: String!) {\n  generateEmailToken(type: PASSWORDLESS_LOGIN, email: $email) {\n    type\n    expiresAt\n  }\n}\n\nmutation MintSott($minutes: Int!) {\n  generateSott(validFor: $minutes) {\n    sott\n    expiresAt\n  }\n}"): (typeof documents)["mutation SendLoginCode($phone: String!) {\n  generateSmsOtp(type: PASSWORDLESS_LOGIN, phone: $phone) {\n    type\n    expiresAt\n  }\n}\n\nmutation SendPasswordlessLink($email: String!) {\n  generateEmailToken(type: PASSWORDLESS_LOGIN, email: $email) {\n    type\n    expiresAt\n  }\n}\n\nmutation MintSott($minutes: Int!) {\n  generateSott(validFor: $minutes) {\n    sott\n    expiresAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateAccount($uid: ID!, $input: UpdateAccountInput!, $nullSupport: Boolean) {\n  updateAccount(uid: $uid, input: $input, nullSupport: $nullSupport) {\n    uid\n    firstName\n    lastName\n    customFields\n    modifiedAt\n  }\n}"): (typeof documents)["mutation UpdateAccount($uid: ID!, $input: UpdateAccountInput!, $nullSupport: Boolean) {\n  updateAccount(uid: $uid, input: $input, nullSupport: $nullSupport) {\n    uid\n    firstName\n    lastName\n    customFields\n    modifiedAt\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;