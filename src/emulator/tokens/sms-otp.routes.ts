import type { StoredProfile } from "../accounts/index.js";
import { ACCOUNT } from "../accounts/index.js";
import { validationError } from "../core/errors.js";
import { TOKENS } from "./codes.js";
import { bodyString, mint, type TokenContext, type TokenRoute } from "./token.context.js";

/** The documented `smsotptype` values of the multipurpose SMS OTP. */
export const SMS_OTP_TYPES = [
  "addphone",
  "phoneidverification",
  "forgotpassword",
  "forgotpin",
  "onetouchlogin",
  "smartlogin",
  "passwordlesslogin",
] as const;
export type SmsOtpType = (typeof SMS_OTP_TYPES)[number];

/** E.164-ish: an optional `+` and 7 to 15 digits (spaces and dashes ignored). */
const PHONE_RE = /^\+?\d{7,15}$/;

const phoneOf = (ctx: TokenContext): string => {
  const phone = bodyString(ctx, "Phone");
  if (phone === undefined)
    throw validationError([{ field: "Phone", message: "The Phone field is required." }]);
  if (!PHONE_RE.test(phone.replace(/[\s-]/g, ""))) throw TOKENS.fail(1096);
  return phone;
};

const accountByPhone = (ctx: TokenContext, phone: string): StoredProfile | undefined => {
  const uid = ctx.stores.accounts.uidByPhone(phone);
  return uid === undefined ? undefined : ctx.stores.accounts.get(uid);
};

/** Which account the OTP is for; each type's documented rule. */
const target = (ctx: TokenContext, type: SmsOtpType, phone: string): StoredProfile | undefined => {
  const owner = accountByPhone(ctx, phone);
  switch (type) {
    case "addphone": {
      const uid = bodyString(ctx, "Uid");
      if (uid === undefined)
        throw validationError([{ field: "Uid", message: "The Uid field is required." }]);
      const account = ctx.stores.accounts.get(uid);
      if (!account) throw TOKENS.fail(938);
      if (owner && owner.Uid !== uid) throw TOKENS.fail(1058);
      return account;
    }
    case "onetouchlogin":
      // One-touch login registers new users too: the phone need not belong to an account.
      return owner;
    default:
      if (!owner) throw TOKENS.fail(1043);
      if (type === "phoneidverification" && owner.PhoneIdVerified === true) throw TOKENS.fail(1073);
      return owner;
  }
};

/** Mints the OTP's token and "sends" the SMS that carries the code (the outbox records no code). */
const smsOtp = (ctx: TokenContext): unknown => {
  const type = (ctx.params.smsotptype as string).toLowerCase() as SmsOtpType;
  if (!SMS_OTP_TYPES.includes(type)) throw TOKENS.fail(1182);
  const phone = phoneOf(ctx);
  const uid = target(ctx, type, phone)?.Uid ?? null;
  const { token, expires } = mint(ctx, "sms", type, uid);
  ctx.outbox.send({ channel: "sms", kind: type, to: phone, uid, template: null }, ctx.now);
  return { Token: token, ExpiresIn: expires };
};

/** Multipurpose SMS OTP generation, one route for every documented OTP type. */
export const smsOtpRoutes: TokenRoute[] = [
  { method: "POST", path: `${ACCOUNT}/smsotp/{smsotptype}`, body: true, handle: smsOtp },
];
