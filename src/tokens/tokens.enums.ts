import { registerEnumType } from "type-graphql";

/** The documented email token types -> LoginRadius's `tokentype` path segment. */
export const EMAIL_TOKEN_TYPES = {
  EMAIL_VERIFICATION: "emailverification",
  ADD_EMAIL: "addemail",
  FORGOT_PASSWORD: "forgotpassword",
  DELETE_USER: "deleteuser",
  PASSWORDLESS_LOGIN: "passwordlesslogin",
  FORGOT_PIN: "forgotpin",
  ONE_TOUCH_LOGIN: "onetouchlogin",
  AUTO_LOGIN: "autologin",
} as const;

export type EmailTokenTypeName = keyof typeof EMAIL_TOKEN_TYPES;

/** GraphQL enum values are their own names; the table above gives the wire spelling. */
export const EmailTokenType = Object.fromEntries(
  Object.keys(EMAIL_TOKEN_TYPES).map((k) => [k, k]),
) as { [K in EmailTokenTypeName]: K };

registerEnumType(EmailTokenType, {
  name: "EmailTokenType",
  description: "What a multipurpose email token is for (LoginRadius `tokentype`).",
  valuesConfig: {
    EMAIL_VERIFICATION: { description: "Verify an existing, unverified email. Needs `email`." },
    ADD_EMAIL: { description: "Add and verify a new email. Needs `email`, `emailType`, `uid`." },
    FORGOT_PASSWORD: { description: "Reset the password. Needs `email` or `userName`." },
    DELETE_USER: { description: "Confirm deleting the account. Needs `uid`." },
    PASSWORDLESS_LOGIN: { description: "A passwordless login link. Needs `email` or `userName`." },
    FORGOT_PIN: { description: "Reset the PIN. Needs `email`." },
    ONE_TOUCH_LOGIN: {
      description: "One-touch login (registers new users too). Needs `email`, `clientGuid`.",
    },
    AUTO_LOGIN: {
      description:
        "Log in automatically after another flow. Needs `email` or `userName`, and `clientGuid`.",
    },
  },
});

/** The documented SMS OTP types -> LoginRadius's `smsotptype` path segment. */
export const SMS_OTP_TYPES = {
  ADD_PHONE: "addphone",
  PHONE_ID_VERIFICATION: "phoneidverification",
  FORGOT_PASSWORD: "forgotpassword",
  FORGOT_PIN: "forgotpin",
  ONE_TOUCH_LOGIN: "onetouchlogin",
  SMART_LOGIN: "smartlogin",
  PASSWORDLESS_LOGIN: "passwordlesslogin",
} as const;

export type SmsOtpTypeName = keyof typeof SMS_OTP_TYPES;

export const SmsOtpType = Object.fromEntries(Object.keys(SMS_OTP_TYPES).map((k) => [k, k])) as {
  [K in SmsOtpTypeName]: K;
};

registerEnumType(SmsOtpType, {
  name: "SmsOtpType",
  description: "What a multipurpose SMS OTP is for (LoginRadius `smsotptype`).",
  valuesConfig: {
    ADD_PHONE: { description: "Add and verify a new phone. Needs `phone` and `uid`." },
    PHONE_ID_VERIFICATION: { description: "Verify the account's phone. Needs `phone`." },
    FORGOT_PASSWORD: { description: "Reset the password by phone. Needs `phone`." },
    FORGOT_PIN: { description: "Reset the PIN by phone. Needs `phone`." },
    ONE_TOUCH_LOGIN: { description: "One-touch login (registers new users too). Needs `phone`." },
    SMART_LOGIN: { description: "Smart login. Needs `phone`." },
    PASSWORDLESS_LOGIN: { description: "Passwordless login. Needs `phone`." },
  },
});
