import { registerEnumType } from "type-graphql";
import type { AuthenticatorKind as Kind, ReauthKind } from "./security.client.js";

/** The second factors `resetAuthenticator` can remove (one LoginRadius endpoint each). */
export const AuthenticatorKind = {
  SMS_OTP: "SMS_OTP",
  AUTHENTICATOR_APP: "AUTHENTICATOR_APP",
  EMAIL_OTP: "EMAIL_OTP",
  SECURITY_QUESTION: "SECURITY_QUESTION",
  DUO: "DUO",
  PUSH: "PUSH",
  PASSKEY: "PASSKEY",
} as const satisfies Record<Kind, Kind>;

registerEnumType(AuthenticatorKind, {
  name: "AuthenticatorKind",
  description: "A second factor an administrator can reset.",
  valuesConfig: {
    SMS_OTP: { description: "One-time codes by SMS (the OTP phone)." },
    AUTHENTICATOR_APP: { description: "An authenticator app (TOTP, e.g. Google Authenticator)." },
    EMAIL_OTP: { description: "One-time codes by email." },
    SECURITY_QUESTION: { description: "Security questions and their answers." },
    DUO: { description: "Duo Security." },
    PUSH: { description: "Push notifications to the LoginRadius authenticator app." },
    PASSKEY: {
      description:
        "A passkey used as the second factor (sign-in passkeys are removed with `removePasskey`).",
    },
  },
});

/** The step-up ("re-authentication") checks. */
export const ReauthenticationKind = {
  TWO_FACTOR: "TWO_FACTOR",
  PASSWORD: "PASSWORD",
  PIN: "PIN",
} as const satisfies Record<ReauthKind, ReauthKind>;

registerEnumType(ReauthenticationKind, {
  name: "ReauthenticationKind",
  description: "How the user re-authenticated (stepped up) before a sensitive action.",
  valuesConfig: {
    TWO_FACTOR: { description: "With a second factor." },
    PASSWORD: { description: "With the password." },
    PIN: { description: "With the PIN." },
  },
});
