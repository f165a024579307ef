import { lrDate } from "../core/dates.js";
import {
  AUTH,
  bearerToken,
  type IdentityContext,
  type IdentityRoute,
  liveAccessToken,
} from "./identity.context.js";

/** `{access_token, expires_in}` for a live token (the documented sample). */
const validate = (ctx: IdentityContext): unknown => {
  const token = bearerToken(ctx);
  const record = liveAccessToken(ctx, token);
  return { access_token: token, expires_in: lrDate(new Date(record.expiresAt)) };
};

/**
 * Ends a live token; with `preventRefresh=true` the refresh token issued beside it stops
 * working too. An already invalid token is 905, like any other use of it.
 */
const invalidate = (ctx: IdentityContext): unknown => {
  const token = bearerToken(ctx);
  const record = liveAccessToken(ctx, token);
  ctx.stores.identities.forget(token);
  if (ctx.query.bool("preventRefresh") === true && record.refreshToken !== undefined)
    ctx.stores.accounts.revokeRefreshToken(record.refreshToken);
  return { IsPosted: true };
};

/** Access-token validation and invalidation (the docs spell `Validate`/`InValidate`; any casing). */
export const accessTokenRoutes: IdentityRoute[] = [
  { method: "GET", path: `${AUTH}/access_token/validate`, credentials: "key", handle: validate },
  {
    method: "GET",
    path: `${AUTH}/access_token/invalidate`,
    credentials: "key",
    handle: invalidate,
  },
];
