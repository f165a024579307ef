/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
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
