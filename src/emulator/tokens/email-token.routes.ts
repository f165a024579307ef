import type { StoredProfile } from "../accounts/index.js";
import { ACCOUNT, accountByEmail, accountByUserName } from "../accounts/index.js";
import { validationError } from "../core/errors.js";
import { TOKENS } from "./codes.js";
import { bodyString, mint, type TokenContext, type TokenRoute } from "./token.context.js";

/** The documented `tokentype` values of the multipurpose email token. */
export const EMAIL_TOKEN_TYPES = [
  "emailverification",
  "addemail",
  "forgotpassword",
  "deleteuser",
  "passwordlesslogin",
  "forgotpin",
  "onetouchlogin",
  "autologin",
] as const;
export type EmailTokenType = (typeof EMAIL_TOKEN_TYPES)[number];

const required = (field: string): never => {
  throw validationError([{ field, message: `The ${field} field is required.` }]);
};

const primaryEmail = (record: StoredProfile): string | undefined =>
  (record.Email?.find((e) => e.Type.toLowerCase() === "primary") ?? record.Email?.[0])?.Value;

/** The account a token is for, and where its email goes, per the type's documented body. */
interface Target {
  account: StoredProfile | undefined;
  to: string;
}

/** `{email}` or `{username}`: the account must exist (938). */
const byEmailOrUserName = (ctx: TokenContext): Target => {
  const email = bodyString(ctx, "Email");
  const userName = bodyString(ctx, "Username");
  if (email === undefined && userName === undefined) return required("Email");
  const account =
    email !== undefined
      ? accountByEmail(ctx.stores.accounts, email)
      : accountByUserName(ctx.stores.accounts, userName as string);
  const to = email ?? (account ? primaryEmail(account) : undefined);
  if (!account || to === undefined) throw TOKENS.fail(938);
  return { account, to };
};

const byUid = (ctx: TokenContext): StoredProfile => {
  const uid = bodyString(ctx, "Uid") ?? required("Uid");
  const account = ctx.stores.accounts.get(uid);
  if (!account) throw TOKENS.fail(938);
  return account;
};

const emailVerification = (ctx: TokenContext): Target => {
  const email = bodyString(ctx, "Email") ?? required("Email");
  const account = accountByEmail(ctx.stores.accounts, email);
  if (!account) throw TOKENS.fail(938);
  if (account.EmailVerified === true) throw TOKENS.fail(1126);
  return { account, to: email };
};

/** A new address for an existing account: it must not be registered already (936). */
const addEmail = (ctx: TokenContext): Target => {
  const email = bodyString(ctx, "Email") ?? required("Email");
  if (bodyString(ctx, "Type") === undefined) required("Type");
  const account = byUid(ctx);
  if (ctx.stores.accounts.uidsByEmail(email).length > 0) throw TOKENS.fail(936);
  return { account, to: email };
};

const deleteUser = (ctx: TokenContext): Target => {
  const account = byUid(ctx);
  const to = primaryEmail(account);
  if (to === undefined) throw TOKENS.fail(938);
  return { account, to };
};

/** One-touch login also registers new users: the email need not belong to an account. */
const oneTouch = (ctx: TokenContext): Target => {
  const to = bodyString(ctx, "Email") ?? required("Email");
  return { account: accountByEmail(ctx.stores.accounts, to), to };
};

const byEmail = (ctx: TokenContext): Target => {
  const to = bodyString(ctx, "Email") ?? required("Email");
  const account = accountByEmail(ctx.stores.accounts, to);
  if (!account) throw TOKENS.fail(938);
  return { account, to };
};

const TARGETS: Record<EmailTokenType, (ctx: TokenContext) => Target> = {
  emailverification: emailVerification,
  addemail: addEmail,
  forgotpassword: byEmailOrUserName,
  deleteuser: deleteUser,
  passwordlesslogin: byEmailOrUserName,
  forgotpin: byEmail,
  onetouchlogin: oneTouch,
  autologin: byEmailOrUserName,
};

/** Social providers of the accounts sharing the address (a forgot-password token names them). */
const identityProviders = (ctx: TokenContext, type: EmailTokenType, to: string) => {
  if (type !== "forgotpassword") return null;
  return ctx.stores.accounts
    .uidsByEmail(to)
    .map((uid) => ctx.stores.accounts.get(uid)?.Provider)
    .filter((p): p is string => typeof p === "string" && p !== "Email");
};

/** Mints the token and "sends" the email that carries it (the outbox records no token). */
const emailToken = (ctx: TokenContext): unknown => {
  const type = (ctx.params.tokentype as string).toLowerCase() as EmailTokenType;
  if (!EMAIL_TOKEN_TYPES.includes(type)) throw TOKENS.fail(1181);
  const { account, to } = TARGETS[type](ctx);
  const uid = account?.Uid ?? null;
  const { token, expires } = mint(ctx, "email", type, uid);
  ctx.outbox.send({ channel: "email", kind: type, to, uid, template: null }, ctx.now);
  return { Token: token, ExpiresIn: expires, IdentityProviders: identityProviders(ctx, type, to) };
};

/** Multipurpose email token generation, one route for every documented token type. */
export const emailTokenRoutes: TokenRoute[] = [
  { method: "POST", path: `${ACCOUNT}/emailtoken/{tokentype}`, body: true, handle: emailToken },
];
