import { touch } from "../core/dates.js";
import { bodyValue } from "../core/request.js";
import {
  ACCOUNT,
  type AccountContext,
  type AccountRoute,
  bodyOf,
  requireAccount,
  save,
} from "./account.context.js";
import { ACCOUNTS } from "./codes.js";
import { renderProfile, type StoredProfile } from "./profile.js";
import { checkEmails, checkUnique, EMAIL_RE, type EmailEntry } from "./profile-patch.js";

/** Same Type replaces that entry, a new Type is appended. */
const upsertEmail = (ctx: AccountContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const incoming = checkEmails(bodyValue(bodyOf(ctx), "Email"));
  const emails: EmailEntry[] = [...(record.Email ?? [])];
  for (const entry of incoming) {
    const at = emails.findIndex((e) => e.Type.toLowerCase() === entry.Type.toLowerCase());
    if (at === -1) emails.push(entry);
    else emails[at] = entry;
  }
  const next = { ...record, Email: checkEmails(emails) };
  checkUnique(ctx.stores.accounts, next, record);
  return save(ctx, touch(next, ctx.now));
};

const removeEmail = (ctx: AccountContext): unknown => {
  const record = requireAccount(ctx.stores.accounts, ctx.params.uid);
  const email = bodyValue(bodyOf(ctx), "email");
  if (typeof email !== "string" || email === "") throw ACCOUNTS.fail(1118);
  const emails = record.Email ?? [];
  const remaining = emails.filter((e) => e.Value.toLowerCase() !== email.toLowerCase());
  if (remaining.length === emails.length) throw ACCOUNTS.fail(1340);
  if (remaining.length === 0) throw ACCOUNTS.fail(1005);
  return save(ctx, touch({ ...record, Email: remaining }, ctx.now));
};

const identitiesByEmail = ({ stores, query }: AccountContext): unknown => {
  const email = query.get("email");
  if (email === undefined) throw ACCOUNTS.fail(1118);
  if (!EMAIL_RE.test(email)) throw ACCOUNTS.fail(990);
  const uids = stores.accounts.uidsByEmail(email);
  if (uids.length === 0) throw ACCOUNTS.fail(938);
  return {
    Data: uids.map((uid) => renderProfile(stores.accounts.get(uid) as StoredProfile)),
  };
};

/** An account's email list, and every account sharing one email. */
export const emailRoutes: AccountRoute[] = [
  { method: "GET", path: `${ACCOUNT}/identities`, project: "data", handle: identitiesByEmail },
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
];
