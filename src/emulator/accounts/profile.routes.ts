import { lrDate, touch } from "../core/dates.js";
import { validationError } from "../core/errors.js";
import type { PasswordPolicy } from "../core/password.js";
import { hashPassword } from "../core/password.js";
import { bodyValue } from "../core/request.js";
import type { SectionOptions } from "../core/section.js";
import {
  ACCOUNT,
  type AccountContext,
  type AccountRoute,
  accountByEmail,
  accountByUserName,
  bodyOf,
  newUid,
  requireAccount,
  save,
} from "./account.context.js";
import { ACCOUNTS } from "./codes.js";
import { createPassword } from "./password.routes.js";
import { renderProfile, type StoredProfile } from "./profile.js";
import {
  applyProfilePatch,
  checkEmails,
  checkPhone,
  checkUnique,
  EMAIL_RE,
  UID_RE,
} from "./profile-patch.js";

/** The keys a new account starts with before the body is applied. */
const newAccount = (
  ctx: AccountContext,
  uid: string,
  custom: boolean,
  hash: string,
): StoredProfile => {
  const now = lrDate(ctx.now);
  const referer = ctx.headers.referer;
  return {
    Uid: uid,
    ID: newUid(),
    Provider: "Email",
    RegistrationProvider: "Email",
    // AccountCreateModel (.NET/Java): "EmailVerified ... default is true" on the management create.
    EmailVerified: true,
    RegistrationSource: typeof referer === "string" && referer !== "" ? referer : "API",
    IsCustomUid: custom,
    Password: hash,
    LastPasswordChangeDate: now,
    CreatedDate: now,
    SignupDate: now,
    ModifiedDate: now,
    ProfileModifiedDate: now,
    NoOfLogins: 0,
  };
};

const createAccount = (ctx: AccountContext, policy: PasswordPolicy): unknown => {
  const body = bodyOf(ctx);
  const password = createPassword(bodyValue(body, "Password"), policy);
  checkEmails(bodyValue(body, "Email"));
  const customUid = bodyValue(body, "Uid");
  if (customUid !== undefined && customUid !== null) {
    if (typeof customUid !== "string" || !UID_RE.test(customUid)) throw ACCOUNTS.fail(1200);
    if (ctx.stores.accounts.get(customUid)) throw ACCOUNTS.fail(1044);
  }
  const custom = typeof customUid === "string";
  const start = newAccount(ctx, custom ? customUid : newUid(), custom, hashPassword(password));
  const record = applyProfilePatch(start, body, { nullSupport: false, now: ctx.now });
  checkUnique(ctx.stores.accounts, record);
  return save(ctx, record);
};

/** `?email=`, `?userName=` or `?phone=` (a phone with or without its `+`). */
const profileByQuery = ({ stores, query }: AccountContext): unknown => {
  const store = stores.accounts;
  const email = query.get("email");
  const userName = query.get("userName");
  const phone = query.get("phone");
  let record: StoredProfile | undefined;
  if (email !== undefined) {
    if (!EMAIL_RE.test(email)) throw ACCOUNTS.fail(990);
    record = accountByEmail(store, email);
  } else if (userName !== undefined) record = accountByUserName(store, userName);
  else if (phone !== undefined) {
    const uid = store.uidByPhone(phone);
    record = uid === undefined ? undefined : store.get(uid);
  } else throw ACCOUNTS.fail(1118);
  if (!record) throw ACCOUNTS.fail(938);
  return renderProfile(record);
};

/** Security answers are kept hashed, like passwords. */
const withSecurityAnswers = (record: StoredProfile, answers: unknown): StoredProfile => {
  if (typeof answers !== "object" || answers === null || Array.isArray(answers))
    throw validationError([{ field: "SecurityQuestionAnswer", message: "Must be an object." }]);
  const hashed = { ...((record._SecurityQuestionAnswer as Record<string, string>) ?? {}) };
  for (const [question, answer] of Object.entries(answers))
    hashed[question] = hashPassword(String(answer));
  return { ...record, _SecurityQuestionAnswer: hashed };
};

const updateAccount = (ctx: AccountContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const body = bodyOf(ctx);
  const nullSupport = ctx.query.bool("nullSupport") ?? false;
  let next = applyProfilePatch(record, body, { nullSupport, now: ctx.now });
  const answers = bodyValue(body, "SecurityQuestionAnswer");
  if (answers !== undefined && answers !== null) next = withSecurityAnswers(next, answers);
  checkUnique(ctx.stores.accounts, next, record);
  return save(ctx, touch(next, ctx.now));
};

const updatePhoneId = (ctx: AccountContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const phone = checkPhone(bodyValue(bodyOf(ctx), "Phone"));
  if (phone === record.PhoneId) return renderProfile(record);
  const next = { ...record, PhoneId: phone, PhoneIdVerified: false };
  checkUnique(ctx.stores.accounts, next, record);
  return save(ctx, touch(next, ctx.now));
};

/** Create, read, update: the profile itself. */
export const profileRoutes = ({ password }: SectionOptions): AccountRoute[] => [
  {
    method: "POST",
    path: ACCOUNT,
    body: true,
    project: "profile",
    handle: (ctx) => createAccount(ctx, password),
  },
  { method: "GET", path: ACCOUNT, project: "profile", handle: profileByQuery },
  {
    method: "GET",
    path: `${ACCOUNT}/{uid}`,
    project: "profile",
    handle: ({ stores, params }) => renderProfile(requireAccount(stores.accounts, params.uid)),
  },
  {
    method: "PUT",
    path: `${ACCOUNT}/{uid}`,
    body: true,
    project: "profile",
    handle: updateAccount,
  },
  {
    method: "PUT",
    path: `${ACCOUNT}/{uid}/phoneid`,
    body: true,
    project: "profile",
    handle: updatePhoneId,
  },
];
