/**
 * The webhook events the emulated site offers (`GET /v2/manage/webhooks/events`): the 29 of
 * LoginRadius's webhook overview, plus CreateAccount and UnblockAccount (UNCONFIRMED: the
 * emulator sends them for the Account Create API and for unblocking; see README.md).
 */
export const WEBHOOK_EVENTS = [
  "Login",
  "Register",
  "CreateAccount",
  "UpdateProfile",
  "ResetPassword",
  "ChangePassword",
  "SetPassword",
  "EmailVerification",
  "AddEmail",
  "RemoveEmail",
  "InvalidateEmailVerification",
  "BlockAccount",
  "UnblockAccount",
  "DeleteAccount",
  "SetUsername",
  "AssignRoles",
  "UnassignRoles",
  "RemoveRoleContext",
  "LinkAccount",
  "UnlinkAccount",
  "UpdatePhoneId",
  "VerifyPhoneNumber",
  "InvalidatePhoneVerification",
  "RemovePhoneId",
  "CreateCustomObject",
  "UpdateCustomobject",
  "DeleteCustomObject",
  "ConsentProfileUpdate",
  "SetPIN",
  "ResetPIN",
  "ChangePIN",
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const BY_LOWER = new Map<string, WebhookEvent>(WEBHOOK_EVENTS.map((e) => [e.toLowerCase(), e]));

/** The event as the table spells it, whatever casing was sent; undefined when unknown. */
export const eventNamed = (name: string): WebhookEvent | undefined =>
  BY_LOWER.get(name.toLowerCase());
