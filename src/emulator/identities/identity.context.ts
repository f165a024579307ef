import type { AccountStore } from "../accounts/index.js";
import type { Route, RouteContext } from "../core/request.js";
import { IDENTITIES } from "./codes.js";
import type { SessionStore } from "./session.store.js";

/** The slices the Authentication API routes read: their own, and the accounts they change. */
export type IdentityStores = { identities: SessionStore; accounts: AccountStore };
export type IdentityContext = RouteContext<IdentityStores>;
export type IdentityRoute = Route<IdentityStores>;

export const AUTH = "/identity/v2/auth";

/**
 * The caller's access token: `Authorization: Bearer <token>` as the docs say, else the
 * `access_token` query parameter (older SDKs; the Node SDK sends both). Missing: 1060.
 */
export const bearerToken = (ctx: IdentityContext): string => {
  const header = ctx.headers.authorization;
  const value = (Array.isArray(header) ? header[0] : header)?.trim() ?? "";
  const match = /^bearer\s+(\S+)$/i.exec(value);
  const token = match?.[1] ?? ctx.query.get("access_token");
  if (token === undefined) throw IDENTITIES.fail(1060);
  return token;
};

/** The live access token's record: unknown or invalidated 905, past its expiry 906. */
export const liveAccessToken = (ctx: IdentityContext, token: string) => {
  const record = ctx.stores.identities.accessToken(token);
  if (!record) throw IDENTITIES.fail(905);
  if (record.expiresAt <= ctx.now.getTime()) throw IDENTITIES.fail(906);
  return record;
};
