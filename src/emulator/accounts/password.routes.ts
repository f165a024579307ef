import { randomUUID } from "node:crypto";
import { lrDate, touch } from "../core/dates.js";
import { validationError } from "../core/errors.js";
import {
  hashPassword,
  isWellKnownPassword,
  type PasswordPolicy,
  passwordRuleFailure,
} from "../core/password.js";
import { bodyValue } from "../core/request.js";
import type { SectionOptions } from "../core/section.js";
import {
  ACCOUNT,
  type AccountContext,
  type AccountRoute,
  bodyOf,
  requireAccount,
} from "./account.context.js";
import { ACCOUNTS } from "./codes.js";

/**
 * A new password against the site's policy: length rules answer 1134 with `Errors[]` naming the
 * body key (`Password` on create, `password` on set password), a well-known password 1216.
 */
export const checkNewPassword = (
  password: string,
  field: string,
  policy: PasswordPolicy,
): string => {
  const failure = passwordRuleFailure(password, policy, field);
  if (failure) throw validationError([{ field, message: failure }]);
  if (isWellKnownPassword(password)) throw ACCOUNTS.fail(1216);
  return password;
};

/** Create: a missing password is 1089, as documented for Account Create. */
export const createPassword = (value: unknown, policy: PasswordPolicy): string => {
  if (typeof value !== "string" || value === "") throw ACCOUNTS.fail(1089);
  return checkNewPassword(value, "Password", policy);
};

const getPasswordHash = ({ stores, params }: AccountContext): unknown => ({
  PasswordHash: requireAccount(stores.accounts, params.uid).Password ?? null,
});

/**
 * Set password, with the codes its reference lists: an account without an email profile (or no
 * account at all) 1039, a missing password 1134, a password that is not a string 1015.
 */
const setPassword = (ctx: AccountContext, policy: PasswordPolicy): unknown => {
  const record = ctx.params.uid === undefined ? undefined : ctx.stores.accounts.get(ctx.params.uid);
  if (!record?.Email || record.Email.length === 0) throw ACCOUNTS.fail(1039);
  const value = bodyValue(bodyOf(ctx), "password");
  if (value === undefined || value === null || value === "")
    throw validationError([{ field: "password", message: "The password field is required." }]);
  if (typeof value !== "string") throw ACCOUNTS.fail(1015);
  const hash = hashPassword(checkNewPassword(value, "password", policy));
  ctx.stores.accounts.put({
    ...touch(record, ctx.now),
    Password: hash,
    LastPasswordChangeDate: lrDate(ctx.now),
    LastPasswordChangeToken: randomUUID(),
  });
  return { PasswordHash: hash };
};

export const passwordRoutes = ({ password }: SectionOptions): AccountRoute[] => [
  { method: "GET", path: `${ACCOUNT}/{uid}/password`, handle: getPasswordHash },
  {
    method: "PUT",
    path: `${ACCOUNT}/{uid}/password`,
    body: true,
    handle: (ctx) => setPassword(ctx, password),
  },
];
