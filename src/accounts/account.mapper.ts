import { toDate } from "../loginradius/wire.js";
import type {
  AccessTokenPayload,
  DeleteAccountPayload,
  DeleteAccountsByEmailPayload,
  EmailVerificationTokenPayload,
  ForgotPasswordTokenPayload,
  RevokeRefreshTokensPayload,
} from "./account.payload.js";
import type {
  Email,
  Identity,
  LockState,
  PrivacyPolicyAcceptance,
  PrivacyPolicyHistory,
} from "./account.type.js";
import type {
  WireAccessToken,
  WireDeleted,
  WireEmail,
  WireForgotToken,
  WireIdentity,
  WirePasswordHash,
  WirePrivacyPolicy,
  WirePrivacyPolicyHistory,
  WireProfile,
  WireVerificationToken,
} from "./accounts.wire.js";

/**
 * Every wire -> GraphQL mapping of the Accounts section but the profile's own fields (those are
 * rows of account.fields.ts, which reads its values with the helpers here). Resolvers read no
 * wire key: they hand what the repository returned to one of these.
 */

/**
 * The lock from the profile keys. `LoginLockedType` is "None" when unlocked (and may keep its
 * old value after an unlock), so the type is only reported while locked. When a suspension
 * ends is not on the management profile: `lockedUntil` is always null.
 */
export const toLockState = (
  profile: Pick<WireProfile, "IsLoginLocked" | "LoginLockedType">,
): LockState => {
  const locked = profile.IsLoginLocked ?? false;
  const type = profile.LoginLockedType;
  return { locked, lockedType: locked && type && type !== "None" ? type : null, lockedUntil: null };
};

export const toEmails = (emails: WireEmail[] | null | undefined): Email[] =>
  (emails ?? []).map((e) => ({ type: e.Type, value: e.Value }));

export const toIdentity = (identity: WireIdentity): Identity => ({
  provider: identity.Provider ?? "unknown",
  providerId: identity.ID ?? null,
  fullName: identity.FullName ?? null,
  emails: toEmails(identity.Email),
  imageUrl: identity.ImageUrl ?? null,
});

export const toPrivacyPolicy = (
  policy: WirePrivacyPolicy | null | undefined,
): PrivacyPolicyAcceptance | null =>
  policy
    ? {
        version: policy.Version,
        acceptSource: policy.AcceptSource ?? null,
        acceptedAt: toDate(policy.AcceptDateTime),
      }
    : null;

/** `PreviousUids` is a list in the .NET model but a string in some samples. */
export const toList = (value: string[] | string | null | undefined): string[] =>
  Array.isArray(value) ? value : typeof value === "string" && value !== "" ? [value] : [];

/** No history (no such account) reads as an empty one. */
export const toPrivacyPolicyHistory = (
  wire: WirePrivacyPolicyHistory | null,
): PrivacyPolicyHistory => ({
  current: toPrivacyPolicy(wire?.Current),
  history: (wire?.History ?? []).map((h) => toPrivacyPolicy(h)).filter((h) => h !== null),
});

/** null when the account has no password, or no longer exists. */
export const toPasswordHash = (wire: WirePasswordHash | null): string | null =>
  wire?.PasswordHash ?? null;

export const toAccessToken = (wire: WireAccessToken): AccessTokenPayload => ({
  accessToken: wire.access_token,
  refreshToken: wire.refresh_token ?? null,
  expiresAt: toDate(wire.expires_in) ?? new Date(0),
});

export const toDeleteAccountPayload = (uid: string, wire: WireDeleted): DeleteAccountPayload => ({
  uid,
  deleted: wire.IsDeleted,
});

export const toDeleteByEmailPayload = (
  email: string,
  wire: WireDeleted,
): DeleteAccountsByEmailPayload => ({ email, deletedCount: wire.RecordsDeleted ?? 0 });

export const toForgotPasswordToken = (
  wire: WireForgotToken,
  emailSent: boolean,
): ForgotPasswordTokenPayload => ({
  token: wire.ForgotToken,
  identityProviders: wire.IdentityProviders ?? [],
  emailSent,
});

export const toEmailVerificationToken = (
  wire: WireVerificationToken,
): EmailVerificationTokenPayload => ({
  token: wire.VerificationToken,
  expiresAt: toDate(wire.expires_in),
});

export const toRevoked = (wire: WireDeleted): RevokeRefreshTokensPayload => ({
  revoked: wire.IsDeleted,
});
