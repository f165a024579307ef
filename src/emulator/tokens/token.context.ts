import { randomBytes } from "node:crypto";
import type { AccountStore } from "../accounts/index.js";
import { lrDate } from "../core/dates.js";
import { bodyValue, type Route, type RouteContext } from "../core/request.js";
import { type IssuedToken, sha256, type TokenStore } from "./token.store.js";

/** The slices the token routes read: their own, and the accounts a token is for. */
export type TokenStores = { tokens: TokenStore; accounts: AccountStore };
export type TokenContext = RouteContext<TokenStores>;
export type TokenRoute = Route<TokenStores>;

/** Multipurpose tokens and OTPs live 15 minutes (UNCONFIRMED: a per-site setting upstream). */
export const TOKEN_TTL_MS = 15 * 60_000;

/** A body key in any casing (the docs write `email`, the SDK models `Email`). */
export const bodyString = (ctx: TokenContext, key: string): string | undefined => {
  const value = bodyValue(ctx.body, key);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
};

/** Mints an opaque token, records only its hash, and answers its expiry. */
export const mint = (
  ctx: TokenContext,
  kind: IssuedToken["kind"],
  type: string,
  uid: string | null,
  ttlMs = TOKEN_TTL_MS,
): { token: string; expires: string } => {
  const token = randomBytes(16).toString("hex");
  const expires = lrDate(new Date(ctx.now.getTime() + ttlMs));
  ctx.stores.tokens.issue({ kind, type, uid, hash: sha256(token), expires });
  return { token, expires };
};
