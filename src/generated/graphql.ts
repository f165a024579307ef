/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Changes to an account. Absent fields are left alone; `null` clears a field only when the mutation's `nullSupport` is true. Emails and the phone ID have their own mutations. */
export type UpdateAccountInput = {
  /** Birth date, `YYYY-MM-DD` or `MM-DD-YYYY`. */
  birthDate?: string | null | undefined;
  /** City. */
  city?: string | null | undefined;
  /** Company. */
  company?: string | null | undefined;
  /** Custom fields to set (string values); merged key by key. */
  customFields?: Record<string, unknown> | null | undefined;
  /** Mark the email as verified (or not). */
  emailVerified?: boolean | null | undefined;
  /** First name. */
  firstName?: string | null | undefined;
  /** Full name (stored as given). */
  fullName?: string | null | undefined;
  /** Gender. */
  gender?: string | null | undefined;
  /** Deactivate (false) or reactivate (true) the account. */
  isActive?: boolean | null | undefined;
  /** Lock (true) or unlock (false) login. */
  isLoginLocked?: boolean | null | undefined;
  /** Last name. */
  lastName?: string | null | undefined;
  /** Middle name. */
  middleName?: string | null | undefined;
  /** Nickname. */
  nickName?: string | null | undefined;
  /** Mark the phone ID as verified (or not). */
  phoneVerified?: boolean | null | undefined;
  /** Name prefix. */
  prefix?: string | null | undefined;
  /** Record acceptance of this privacy policy version. */
  privacyPolicyVersion?: string | null | undefined;
  /** Name suffix. */
  suffix?: string | null | undefined;
  /** User name; unique across accounts. */
  userName?: string | null | undefined;
};

export type FirstQueryQueryVariables = Exact<{ [key: string]: never; }>;


export type FirstQueryQuery = { accountByEmail: { uid: string, fullName: string | null, primaryEmail: string | null, emailVerified: boolean, phone: string | null, roles: Array<string>, customFields: Record<string, unknown>, createdAt: string | null, lastLoginAt: string | null } | null, sharing: Array<{ uid: string, provider: string | null, identities: Array<{ provider: string }> }> };

export type UpdateAccountMutationVariables = Exact<{
  uid: string;
  input: UpdateAccountInput;
  nullSupport?: boolean | null | undefined;
}>;


export type UpdateAccountMutation = { updateAccount: { uid: string, firstName: string | null, lastName: string | null, customFields: Record<string, unknown>, modifiedAt: string | null } };


export const FirstQueryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FirstQuery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountByEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"StringValue","value":"ada@example.com","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"primaryEmail"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"customFields"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"sharing"},"name":{"kind":"Name","value":"identitiesByEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"StringValue","value":"shared@example.com","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<FirstQueryQuery, FirstQueryQueryVariables>;
export const UpdateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uid"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAccountInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nullSupport"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uid"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"nullSupport"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nullSupport"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uid"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"customFields"}},{"kind":"Field","name":{"kind":"Name","value":"modifiedAt"}}]}}]}}]} as unknown as DocumentNode<UpdateAccountMutation, UpdateAccountMutationVariables>;