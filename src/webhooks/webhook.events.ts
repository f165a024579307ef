import type { CachePart } from "../cache/invalidation.js";

/**
 * What one LoginRadius webhook event changes in our cache. `parts` are dropped for the account
 * the event names; `prime: true` means `Data` carries the account's profile (with its secrets
 * taken out first, see webhook.prime.ts), so the newest such event refreshes the cached profile
 * instead of dropping it. Names are matched in any casing: LoginRadius's own pages spell
 * `emailVerification` and `UpdateCustomobject`.
 */
export interface WebhookEventRule {
  readonly parts: readonly CachePart[];
  readonly prime: boolean;
}

const rule = (parts: readonly CachePart[], prime = false): WebhookEventRule => ({ parts, prime });

const PROFILE = rule(["profile"], true);
const PASSWORD = rule(["profile", "security"], true);

/**
 * The 31 events (docs/webhooks.md says where each comes from). 29 are listed by LoginRadius's
 * webhook overview; `CreateAccount` and `UnblockAccount` are UNCONFIRMED (the Account Create
 * and unblock APIs exist; no page names their event), mapped so that a site that sends them is
 * served, and harmless when it never does.
 */
export const WEBHOOK_EVENTS: Readonly<Record<string, WebhookEventRule>> = {
  Login: PROFILE,
  Register: rule(["all"], true),
  CreateAccount: rule(["all"], true),
  UpdateProfile: PROFILE,
  ResetPassword: PASSWORD,
  ChangePassword: PASSWORD,
  SetPassword: PASSWORD,
  EmailVerification: PROFILE,
  AddEmail: PROFILE,
  RemoveEmail: PROFILE,
  InvalidateEmailVerification: PROFILE,
  BlockAccount: PROFILE,
  UnblockAccount: PROFILE,
  DeleteAccount: rule(["all"]),
  SetUsername: PROFILE,
  AssignRoles: rule(["roles", "profile"]),
  UnassignRoles: rule(["roles", "profile"]),
  RemoveRoleContext: rule(["roles"]),
  LinkAccount: rule(["identities", "profile"]),
  UnlinkAccount: rule(["identities", "profile"]),
  UpdatePhoneId: PROFILE,
  VerifyPhoneNumber: PROFILE,
  InvalidatePhoneVerification: PROFILE,
  RemovePhoneId: PROFILE,
  CreateCustomObject: rule(["customObjects"]),
  UpdateCustomobject: rule(["customObjects"]),
  DeleteCustomObject: rule(["customObjects"]),
  ConsentProfileUpdate: rule(["security", "profile"]),
  // A PIN is a secret: these never prime, whatever Data holds.
  SetPIN: rule(["security"]),
  ResetPIN: rule(["security"]),
  ChangePIN: rule(["security"]),
};

/** Every event name as LoginRadius spells it in our table. */
export const WEBHOOK_EVENT_NAMES: readonly string[] = Object.keys(WEBHOOK_EVENTS);

const BY_LOWER = new Map(WEBHOOK_EVENT_NAMES.map((name) => [name.toLowerCase(), name]));

/** The event's name as our table spells it (a bounded metric label), or null when unknown. */
export const knownEventName = (name: string): string | null =>
  BY_LOWER.get(name.toLowerCase()) ?? null;
