import { requireAccount } from "../accounts/index.js";
import { touch } from "../core/dates.js";
import { validationError } from "../core/errors.js";
import { bodyValue } from "../core/request.js";
import { IDENTITIES } from "./codes.js";
import {
  AUTH,
  bearerToken,
  type IdentityContext,
  type IdentityRoute,
  liveAccessToken,
} from "./identity.context.js";
import type { SocialIdentity } from "./session.store.js";

const PATH = `${AUTH}/socialidentity`;

/** A required body string, any key casing (docs `candidatetoken`, SDKs `candidateToken`). */
const required = (ctx: IdentityContext, key: string): string => {
  const value = bodyValue(ctx.body, key);
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  throw validationError([{ field: key, message: `The ${key} field is required.` }]);
};

const identitiesOf = (record: Record<string, unknown>): SocialIdentity[] =>
  Array.isArray(record.Identities) ? (record.Identities as SocialIdentity[]) : [];

const same = (a: SocialIdentity, provider: string, id: string) =>
  a.Provider.toLowerCase() === provider.toLowerCase() && a.ID === id;

/** The account (any) that already holds this provider identity. */
const holderOf = (ctx: IdentityContext, identity: SocialIdentity) => {
  for (const record of ctx.stores.accounts.values())
    if (identitiesOf(record).some((i) => same(i, identity.Provider, identity.ID))) return record;
  return undefined;
};

/**
 * Links the social login the candidate token names to the bearer's account. The candidate must
 * be a live social login (983 otherwise), its identity on no account yet (986); once linked the
 * candidate token is spent. The profile's `Identities` gains the identity.
 */
const link = (ctx: IdentityContext): unknown => {
  const { uid } = liveAccessToken(ctx, bearerToken(ctx));
  const candidate = required(ctx, "candidatetoken");
  const account = requireAccount(ctx.stores.accounts, uid);
  const login = ctx.stores.identities.socialLogin(candidate);
  if (!login) throw IDENTITIES.fail(983);
  if (holderOf(ctx, login.identity)) throw IDENTITIES.fail(986);
  ctx.stores.accounts.put({
    ...touch(account, ctx.now),
    Identities: [...identitiesOf(account), structuredClone(login.identity)],
  });
  ctx.stores.identities.forget(candidate);
  return { IsPosted: true };
};

/** Whether the account could still sign in without this identity: a password or another one. */
const signInLeft = (account: Record<string, unknown>, provider: string, id: string): boolean =>
  (typeof account.Password === "string" && account.Password !== "") ||
  identitiesOf(account).some((i) => !same(i, provider, id));

/**
 * Removes a provider identity from the bearer's account: `Email` is not a social provider (1078),
 * an identity the account does not hold is 989, and the last way to sign in stays (1008).
 */
const unlink = (ctx: IdentityContext): unknown => {
  const { uid } = liveAccessToken(ctx, bearerToken(ctx));
  const provider = required(ctx, "provider");
  const providerId = required(ctx, "providerid");
  const account = requireAccount(ctx.stores.accounts, uid);
  if (provider.toLowerCase() === "email") throw IDENTITIES.fail(1078);
  const held = identitiesOf(account);
  if (!held.some((i) => same(i, provider, providerId))) throw IDENTITIES.fail(989);
  if (!signInLeft(account, provider, providerId)) throw IDENTITIES.fail(1008);
  ctx.stores.accounts.put({
    ...touch(account, ctx.now),
    Identities: held.filter((i) => !same(i, provider, providerId)),
  });
  return { IsDeleted: true };
};

/**
 * Social identity link and unlink. The API reference and the Node, .NET and Java SDKs link with
 * POST; the Go SDK sends PUT: both are served.
 */
export const socialIdentityRoutes: IdentityRoute[] = [
  { method: "POST", path: PATH, body: true, credentials: "key", handle: link },
  { method: "PUT", path: PATH, body: true, credentials: "key", handle: link },
  { method: "DELETE", path: PATH, body: true, credentials: "key", handle: unlink },
];
