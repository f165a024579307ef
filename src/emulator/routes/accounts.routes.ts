import { randomBytes, randomUUID } from "node:crypto";
import { LrError } from "../errors.js";
import { hashPassword, passwordWeakness } from "../password.js";
import { lrDate, renderProfile, type StoredProfile } from "../profile.js";
import {
  applyProfilePatch,
  bodyValue,
  checkEmails,
  checkPhone,
  checkUnique,
  EMAIL_RE,
  type EmailEntry,
  UID_RE,
} from "../profile-patch.js";
import type { Route, RouteContext } from "../request.js";
import type { AccountStore } from "../store.js";

const ACCOUNT = "/identity/v2/manage/account";

const newUid = (): string => randomBytes(16).toString("hex");

const requireAccount = (store: AccountStore, uid: string | undefined): StoredProfile => {
  const record = uid === undefined ? undefined : store.get(uid);
  if (!record) throw new LrError(938);
  return record;
};

/** Of the accounts sharing an email, the traditional (Email provider) one answers first. */
const accountByEmail = (store: AccountStore, email: string): StoredProfile | undefined => {
  const records = store.uidsByEmail(email).map((uid) => store.get(uid) as StoredProfile);
  return records.find((r) => r.Provider === "Email") ?? records[0];
};

const touch = (record: StoredProfile, now: Date): StoredProfile => ({
  ...record,
  ModifiedDate: lrDate(now),
  ProfileModifiedDate: lrDate(now),
});

const save = (ctx: RouteContext, record: StoredProfile): Record<string, unknown> => {
  ctx.store.put(record);
  return renderProfile(record);
};

const bodyOf = (ctx: RouteContext): Record<string, unknown> => ctx.body ?? {};

const checkPassword = (password: unknown): string => {
  if (typeof password !== "string" || password === "") throw new LrError(1089);
  const weakness = passwordWeakness(password);
  if (weakness) throw new LrError(1216, { description: weakness });
  return password;
};

const primaryEmail = (record: StoredProfile): string | undefined =>
  (record.Email?.find((e) => e.Type.toLowerCase() === "primary") ?? record.Email?.[0])?.Value;

const createAccount = (ctx: RouteContext): unknown => {
  const body = bodyOf(ctx);
  const password = checkPassword(bodyValue(body, "Password"));
  checkEmails(bodyValue(body, "Email"));
  const customUid = bodyValue(body, "Uid");
  if (customUid !== undefined && customUid !== null) {
    if (typeof customUid !== "string" || !UID_RE.test(customUid)) throw new LrError(1200);
    if (ctx.store.get(customUid)) throw new LrError(1044);
  }
  const uid = typeof customUid === "string" ? customUid : newUid();
  const now = lrDate(ctx.now);
  const referer = ctx.headers.referer;
  const start: StoredProfile = {
    Uid: uid,
    ID: newUid(),
    Provider: "Email",
    RegistrationProvider: "Email",
    RegistrationSource: typeof referer === "string" && referer !== "" ? referer : "API",
    IsCustomUid: typeof customUid === "string",
    Password: hashPassword(password),
    LastPasswordChangeDate: now,
    CreatedDate: now,
    SignupDate: now,
    ModifiedDate: now,
    ProfileModifiedDate: now,
    NoOfLogins: 0,
  };
  const record = applyProfilePatch(start, body, { nullSupport: false, now: ctx.now });
  checkUnique(ctx.store, record);
  return save(ctx, record);
};

const profileByQuery = (ctx: RouteContext): unknown => {
  const { store, query } = ctx;
  const email = query.get("email");
  const userName = query.get("userName");
  const phone = query.get("phone");
  let record: StoredProfile | undefined;
  if (email !== undefined) {
    if (!EMAIL_RE.test(email)) throw new LrError(990);
    record = accountByEmail(store, email);
  } else if (userName !== undefined) {
    const uid = store.uidByUserName(userName);
    record = uid === undefined ? undefined : store.get(uid);
  } else if (phone !== undefined) {
    const uid = store.uidByPhone(phone);
    record = uid === undefined ? undefined : store.get(uid);
  } else throw new LrError(1118);
  if (!record) throw new LrError(938);
  return renderProfile(record);
};

const identitiesByEmail = ({ store, query }: RouteContext): unknown => {
  const email = query.get("email");
  if (email === undefined) throw new LrError(1118);
  if (!EMAIL_RE.test(email)) throw new LrError(990);
  const uids = store.uidsByEmail(email);
  if (uids.length === 0) throw new LrError(938);
  return { Data: uids.map((uid) => renderProfile(store.get(uid) as StoredProfile)) };
};

const updateAccount = (ctx: RouteContext): unknown => {
  const record = requireAccount(ctx.store, ctx.params.uid);
  const body = bodyOf(ctx);
  const nullSupport = ctx.query.bool("nullSupport") ?? false;
  let next = applyProfilePatch(record, body, { nullSupport, now: ctx.now });
  const answers = bodyValue(body, "SecurityQuestionAnswer");
  if (answers !== undefined && answers !== null) next = withSecurityAnswers(next, answers);
  checkUnique(ctx.store, next, record.Uid);
  return save(ctx, touch(next, ctx.now));
};

/** Security answers are kept hashed, like passwords. */
const withSecurityAnswers = (record: StoredProfile, answers: unknown): StoredProfile => {
  if (typeof answers !== "object" || answers === null || Array.isArray(answers))
    throw new LrError(1134, {
      errors: [{ FieldName: "SecurityQuestionAnswer", ErrorMessage: "Must be an object." }],
    });
  const hashed = { ...((record._SecurityQuestionAnswer as Record<string, string>) ?? {}) };
  for (const [question, answer] of Object.entries(answers))
    hashed[question] = hashPassword(String(answer));
  return { ...record, _SecurityQuestionAnswer: hashed };
};

const updatePhoneId = (ctx: RouteContext): unknown => {
  const record = requireAccount(ctx.store, ctx.params.uid);
  const phone = checkPhone(bodyValue(bodyOf(ctx), "Phone"));
  if (phone === record.PhoneId) return renderProfile(record);
  const next = { ...record, PhoneId: phone, PhoneIdVerified: false };
  checkUnique(ctx.store, next, record.Uid);
  return save(ctx, touch(next, ctx.now));
};

const getPasswordHash = ({ store, params }: RouteContext): unknown => ({
  PasswordHash: requireAccount(store, params.uid).Password ?? null,
});

const setPassword = (ctx: RouteContext): unknown => {
  const record = requireAccount(ctx.store, ctx.params.uid);
  const hash = hashPassword(checkPassword(bodyValue(bodyOf(ctx), "Password")));
  ctx.store.put({
    ...touch(record, ctx.now),
    Password: hash,
    LastPasswordChangeDate: lrDate(ctx.now),
    LastPasswordChangeToken: randomUUID(),
  });
  return { PasswordHash: hash };
};

const deleteByUid = ({ store, params }: RouteContext): unknown => {
  requireAccount(store, params.uid);
  store.delete(params.uid as string);
  return { IsDeleted: true };
};

const deleteByEmail = ({ store, query }: RouteContext): unknown => {
  const email = query.get("email");
  if (email === undefined) throw new LrError(1118);
  const uids = store.uidsByEmail(email);
  if (uids.length === 0) throw new LrError(938);
  for (const uid of uids) store.delete(uid);
  return { IsDeleted: true, RecordsDeleted: uids.length };
};

const invalidateEmail = (ctx: RouteContext): unknown => {
  const record = requireAccount(ctx.store, ctx.params.uid);
  const email = primaryEmail(record);
  if (email === undefined) throw new LrError(1113);
  ctx.store.put({ ...touch(record, ctx.now), EmailVerified: false });
  ctx.outbox.send(
    {
      channel: "email",
      kind: "emailverification",
      to: email,
      uid: record.Uid,
      template: ctx.query.get("emailTemplate") ?? null,
    },
    ctx.now,
  );
  return { IsPosted: true };
};

const invalidatePhone = (ctx: RouteContext): unknown => {
  const record = requireAccount(ctx.store, ctx.params.uid);
  if (typeof record.PhoneId !== "string") throw new LrError(1147);
  if (record.PhoneIdVerified !== true) throw new LrError(1161);
  ctx.store.put({ ...touch(record, ctx.now), PhoneIdVerified: false });
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

const forgotPasswordToken = (ctx: RouteContext): unknown => {
  const body = bodyOf(ctx);
  const email = bodyValue(body, "email");
  const userName = bodyValue(body, "username");
  let record: StoredProfile | undefined;
  if (typeof email === "string" && email !== "") record = accountByEmail(ctx.store, email);
  else if (typeof userName === "string" && userName !== "") {
    const uid = ctx.store.uidByUserName(userName);
    record = uid === undefined ? undefined : ctx.store.get(uid);
  } else throw new LrError(1118);
  if (!record) throw new LrError(938);
  const to = typeof email === "string" && email !== "" ? email : primaryEmail(record);
  const providers = ctx.store
    .uidsByEmail(to ?? "")
    .map((uid) => ctx.store.get(uid)?.Provider)
    .filter((p): p is string => typeof p === "string" && p !== "Email");
  if (ctx.query.bool("sendEmail") === true && to !== undefined)
    ctx.outbox.send(
      {
        channel: "email",
        kind: "forgotpassword",
        to,
        uid: record.Uid,
        template: ctx.query.get("emailTemplate") ?? null,
      },
      ctx.now,
    );
  return { ForgotToken: randomBytes(16).toString("hex"), IdentityProviders: providers };
};

const emailVerificationToken = (ctx: RouteContext): unknown => {
  const email = bodyValue(bodyOf(ctx), "email");
  if (typeof email !== "string" || email === "") throw new LrError(1118);
  const record = accountByEmail(ctx.store, email);
  if (!record) throw new LrError(938);
  if (record.EmailVerified === true) throw new LrError(1126);
  return {
    VerificationToken: randomBytes(16).toString("hex"),
    expires_in: lrDate(new Date(ctx.now.getTime() + 24 * 3_600_000)),
  };
};

/** Access tokens live 15 minutes (UNCONFIRMED: per-site configuration upstream). */
const ACCESS_TOKEN_TTL_MS = 15 * 60_000;

const tokenPair = (ctx: RouteContext, refreshToken: string): unknown => ({
  access_token: randomUUID(),
  refresh_token: refreshToken,
  expires_in: lrDate(new Date(ctx.now.getTime() + ACCESS_TOKEN_TTL_MS)),
});

const accessTokenByUid = (ctx: RouteContext): unknown => {
  const uid = ctx.query.get("uid");
  if (uid === undefined) throw new LrError(1118);
  requireAccount(ctx.store, uid);
  const refreshToken = randomUUID();
  ctx.store.addRefreshToken(refreshToken, uid);
  return tokenPair(ctx, refreshToken);
};

const refreshAccessToken = (ctx: RouteContext): unknown => {
  const token = ctx.query.get("refresh_token");
  if (token === undefined || ctx.store.refreshTokenOwner(token) === undefined)
    throw new LrError(1217);
  return tokenPair(ctx, token);
};

const revokeRefreshToken = ({ store, query }: RouteContext): unknown => {
  const token = query.get("refresh_token");
  if (token === undefined || !store.revokeRefreshToken(token)) throw new LrError(1217);
  return { IsDeleted: true };
};

const revokeAllRefreshTokens = ({ store, params }: RouteContext): unknown => {
  requireAccount(store, params.uid);
  store.revokeAllRefreshTokens(params.uid as string);
  return { IsDeleted: true };
};

/** Same Type replaces that entry, a new Type is appended. */
const upsertEmail = (ctx: RouteContext): unknown => {
  const record = requireAccount(ctx.store, ctx.params.uid);
  const incoming = checkEmails(bodyValue(bodyOf(ctx), "Email"));
  const emails: EmailEntry[] = [...(record.Email ?? [])];
  for (const entry of incoming) {
    const at = emails.findIndex((e) => e.Type.toLowerCase() === entry.Type.toLowerCase());
    if (at === -1) emails.push(entry);
    else emails[at] = entry;
  }
  const next = { ...record, Email: checkEmails(emails) };
  checkUnique(ctx.store, next, record.Uid);
  return save(ctx, touch(next, ctx.now));
};

const removeEmail = (ctx: RouteContext): unknown => {
  const record = requireAccount(ctx.store, ctx.params.uid);
  const email = bodyValue(bodyOf(ctx), "email");
  if (typeof email !== "string" || email === "") throw new LrError(1118);
  const emails = record.Email ?? [];
  const remaining = emails.filter((e) => e.Value.toLowerCase() !== email.toLowerCase());
  if (remaining.length === emails.length) throw new LrError(1340);
  if (remaining.length === 0) throw new LrError(1005);
  return save(ctx, touch({ ...record, Email: remaining }, ctx.now));
};

const updateUid = (ctx: RouteContext): unknown => {
  const record = requireAccount(ctx.store, ctx.query.get("uid"));
  const newUidValue = bodyValue(bodyOf(ctx), "NewUid");
  if (typeof newUidValue !== "string" || !UID_RE.test(newUidValue)) throw new LrError(1200);
  if (newUidValue === record.Uid) return { IsPosted: true };
  if (ctx.store.get(newUidValue)) throw new LrError(1044);
  const previous = Array.isArray(record.PreviousUids) ? record.PreviousUids : [];
  ctx.store.rename(record.Uid, {
    ...touch(record, ctx.now),
    Uid: newUidValue,
    IsCustomUid: true,
    PreviousUids: [...previous, record.Uid],
  });
  return { IsPosted: true };
};

const privacyPolicyHistory = ({ store, params }: RouteContext): unknown => {
  const record = requireAccount(store, params.uid);
  return {
    Uid: record.Uid,
    Current: record.PrivacyPolicy ?? null,
    History: (record._PrivacyPolicyHistory as unknown[]) ?? [],
  };
};

/** Literal paths come before `{uid}` paths: `/account/identities` is not an account. */
export const accountRoutes: Route[] = [
  { method: "POST", path: ACCOUNT, body: true, project: "profile", handle: createAccount },
  { method: "GET", path: ACCOUNT, project: "profile", handle: profileByQuery },
  { method: "DELETE", path: ACCOUNT, handle: deleteByEmail },
  { method: "GET", path: `${ACCOUNT}/identities`, project: "data", handle: identitiesByEmail },
  { method: "GET", path: `${ACCOUNT}/access_token`, handle: accessTokenByUid },
  { method: "GET", path: `${ACCOUNT}/access_token/refresh`, handle: refreshAccessToken },
  { method: "GET", path: `${ACCOUNT}/access_token/refresh/revoke`, handle: revokeRefreshToken },
  { method: "POST", path: `${ACCOUNT}/forgot/token`, body: true, handle: forgotPasswordToken },
  { method: "POST", path: `${ACCOUNT}/verify/token`, body: true, handle: emailVerificationToken },
  { method: "PUT", path: `${ACCOUNT}/uid`, body: true, handle: updateUid },
  {
    method: "GET",
    path: `${ACCOUNT}/{uid}`,
    project: "profile",
    handle: ({ store, params }) => renderProfile(requireAccount(store, params.uid)),
  },
  {
    method: "PUT",
    path: `${ACCOUNT}/{uid}`,
    body: true,
    project: "profile",
    handle: updateAccount,
  },
  { method: "DELETE", path: `${ACCOUNT}/{uid}`, handle: deleteByUid },
  {
    method: "PUT",
    path: `${ACCOUNT}/{uid}/phoneid`,
    body: true,
    project: "profile",
    handle: updatePhoneId,
  },
  { method: "GET", path: `${ACCOUNT}/{uid}/password`, handle: getPasswordHash },
  { method: "PUT", path: `${ACCOUNT}/{uid}/password`, body: true, handle: setPassword },
  { method: "PUT", path: `${ACCOUNT}/{uid}/invalidateemail`, handle: invalidateEmail },
  { method: "PUT", path: `${ACCOUNT}/{uid}/invalidatephone`, handle: invalidatePhone },
  {
    method: "DELETE",
    path: `${ACCOUNT}/{uid}/access_token/refresh/revoke`,
    handle: revokeAllRefreshTokens,
  },
  {
    method: "PUT",
    path: `${ACCOUNT}/{uid}/email`,
    body: true,
    project: "profile",
    handle: upsertEmail,
  },
  {
    method: "DELETE",
    path: `${ACCOUNT}/{uid}/email`,
    body: true,
    project: "profile",
    handle: removeEmail,
  },
  { method: "GET", path: `${ACCOUNT}/{uid}/privacypolicy/history`, handle: privacyPolicyHistory },
];
