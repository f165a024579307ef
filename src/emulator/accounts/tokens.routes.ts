import { randomUUID } from "node:crypto";
import { lrDate } from "../core/dates.js";
import type { Route, RouteContext } from "../core/request.js";
import type { SessionStore } from "../identities/index.js";
import { ACCOUNT, type AccountStores, requireAccount } from "./account.context.js";
import { ACCOUNTS } from "./codes.js";

/** Access tokens live 15 minutes (UNCONFIRMED: per-site configuration upstream). */
const ACCESS_TOKEN_TTL_MS = 15 * 60_000;

/** Token routes also record each access token with the Authentication API's slice. */
type TokenStores = AccountStores & { identities: SessionStore };
type AccountContext = RouteContext<TokenStores>;

/** A new access token beside this refresh token, recorded so the Authentication API knows it. */
const tokenPair = (ctx: AccountContext, refreshToken: string): unknown => {
  const accessToken = randomUUID();
  const uid = ctx.stores.accounts.refreshTokenOwner(refreshToken) as string;
  const expiresAt = ctx.now.getTime() + ACCESS_TOKEN_TTL_MS;
  ctx.stores.identities.issueAccessToken(
    accessToken,
    uid,
    expiresAt,
    refreshToken,
    ctx.now.getTime(),
  );
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    expires_in: lrDate(new Date(expiresAt)),
  };
};

const accessTokenByUid = (ctx: AccountContext): unknown => {
  const uid = ctx.query.get("uid");
  if (uid === undefined) throw ACCOUNTS.fail(1118);
  requireAccount(ctx.stores.accounts, uid);
  const refreshToken = randomUUID();
  ctx.stores.accounts.addRefreshToken(refreshToken, uid);
  return tokenPair(ctx, refreshToken);
};

/**
 * Rotation, as LoginRadius documents the answer (a new `refresh_token` beside the new access
 * token): the used refresh token is revoked, so a client that keeps the first one meets 1217
 * here as it would live.
 */
const refreshAccessToken = (ctx: AccountContext): unknown => {
  const token = ctx.query.get("refresh_token");
  const owner = token === undefined ? undefined : ctx.stores.accounts.refreshTokenOwner(token);
  if (token === undefined || owner === undefined) throw ACCOUNTS.fail(1217);
  ctx.stores.accounts.revokeRefreshToken(token);
  const next = randomUUID();
  ctx.stores.accounts.addRefreshToken(next, owner);
  return tokenPair(ctx, next);
};

const revokeRefreshToken = ({ stores, query }: AccountContext): unknown => {
  const token = query.get("refresh_token");
  if (token === undefined || !stores.accounts.revokeRefreshToken(token)) throw ACCOUNTS.fail(1217);
  return { IsDeleted: true };
};

const revokeAllRefreshTokens = ({ stores, params }: AccountContext): unknown => {
  requireAccount(stores.accounts, params.uid);
  stores.accounts.revokeAllRefreshTokens(params.uid as string);
  return { IsDeleted: true };
};

/**
 * Impersonation tokens and refresh tokens (opaque GUIDs); the Authentication API (identities/)
 * validates and invalidates the access tokens.
 */
export const tokenRoutes: Route<TokenStores>[] = [
  { method: "GET", path: `${ACCOUNT}/access_token`, handle: accessTokenByUid },
  { method: "GET", path: `${ACCOUNT}/access_token/refresh`, handle: refreshAccessToken },
  { method: "GET", path: `${ACCOUNT}/access_token/refresh/revoke`, handle: revokeRefreshToken },
  {
    method: "DELETE",
    path: `${ACCOUNT}/{uid}/access_token/refresh/revoke`,
    handle: revokeAllRefreshTokens,
  },
];
