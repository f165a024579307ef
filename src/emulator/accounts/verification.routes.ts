import { randomBytes } from "node:crypto";
import { lrDate, touch } from "../core/dates.js";
import { bodyValue } from "../core/request.js";
import {
  ACCOUNT,
  type AccountContext,
  type AccountRoute,
  accountByEmail,
  accountByUserName,
  bodyOf,
  primaryEmail,
  requireAccount,
} from "./account.context.js";
import { ACCOUNTS } from "./codes.js";
import type { StoredProfile } from "./profile.js";

const invalidateEmail = (ctx: AccountContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const email = primaryEmail(record);
  if (email === undefined) throw ACCOUNTS.fail(1113);
  ctx.stores.accounts.put({ ...touch(record, ctx.now), EmailVerified: false });
  const template = ctx.query.get("emailTemplate") ?? null;
  ctx.outbox.send(
    { channel: "email", kind: "emailverification", to: email, uid: record.Uid, template },
    ctx.now,
  );
  return { IsPosted: true };
};

const invalidatePhone = (ctx: AccountContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  if (typeof record.PhoneId !== "string") throw ACCOUNTS.fail(1147);
  if (record.PhoneIdVerified !== true) throw ACCOUNTS.fail(1161);
  ctx.stores.accounts.put({ ...touch(record, ctx.now), PhoneIdVerified: false });
  ctx.outbox.send(
    {
      channel: "sms",
      kind: ctx.query.bool("isVoiceOtp") ? "phoneidverification-voice" : "phoneidverification",
      to: record.PhoneId,
      uid: record.Uid,
      template: ctx.query.get("smsTemplate") ?? null,
    },
    ctx.now,
  );
  return { IsPosted: true };
};

const forgotPasswordToken = (ctx: AccountContext): unknown => {
  const store = ctx.stores.accounts;
  const body = bodyOf(ctx);
  const email = bodyValue(body, "email");
  const userName = bodyValue(body, "username");
  let record: StoredProfile | undefined;
  if (typeof email === "string" && email !== "") record = accountByEmail(store, email);
  else if (typeof userName === "string" && userName !== "")
    record = accountByUserName(store, userName);
  else throw ACCOUNTS.fail(1118);
  if (!record) throw ACCOUNTS.fail(938);
  const to = typeof email === "string" && email !== "" ? email : primaryEmail(record);
  const providers = store
    .uidsByEmail(to ?? "")
    .map((uid) => store.get(uid)?.Provider)
    .filter((p): p is string => typeof p === "string" && p !== "Email");
  if (ctx.query.bool("sendEmail") === true && to !== undefined) {
    const template = ctx.query.get("emailTemplate") ?? null;
    ctx.outbox.send(
      { channel: "email", kind: "forgotpassword", to, uid: record.Uid, template },
      ctx.now,
    );
  }
  return { ForgotToken: randomBytes(16).toString("hex"), IdentityProviders: providers };
};

const emailVerificationToken = (ctx: AccountContext): unknown => {
  const email = bodyValue(bodyOf(ctx), "email");
  if (typeof email !== "string" || email === "") throw ACCOUNTS.fail(1118);
  const record = accountByEmail(ctx.stores.accounts, email);
  if (!record) throw ACCOUNTS.fail(938);
  if (record.EmailVerified === true) throw ACCOUNTS.fail(1126);
  return {
    VerificationToken: randomBytes(16).toString("hex"),
    expires_in: lrDate(new Date(ctx.now.getTime() + 24 * 3_600_000)),
  };
};

/** Verification resets and the tokens that start a reset or a verification (outbox, not mail). */
export const verificationRoutes: AccountRoute[] = [
  { method: "POST", path: `${ACCOUNT}/forgot/token`, body: true, handle: forgotPasswordToken },
  { method: "POST", path: `${ACCOUNT}/verify/token`, body: true, handle: emailVerificationToken },
  { method: "PUT", path: `${ACCOUNT}/{uid}/invalidateemail`, handle: invalidateEmail },
  { method: "PUT", path: `${ACCOUNT}/{uid}/invalidatephone`, handle: invalidatePhone },
];
