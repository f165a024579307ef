import type { AccountStore } from "../accounts/index.js";
import { renderProfile } from "../accounts/index.js";
import { parseFields, project } from "../core/fields.js";
import { SiteRateLimit } from "../core/rate-limit.js";
import type { Route, RouteContext } from "../core/request.js";
import { SEARCH } from "./codes.js";
import { parseQuery } from "./query.js";
import { CURSOR_TTL_MS, type SearchCursor, type SearchStore } from "./search.store.js";
import { dayRange, instantOf } from "./text.js";

type SearchStores = { accounts: AccountStore; search: SearchStore };
type SearchContext = RouteContext<SearchStores>;

/** Documented: `size` 1..1000, default 20. */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 20;

const badParameter = (description: string) => SEARCH.fail(908, { description });

/** `from` and `to` (mandatory, `yyyy-mm-dd`) bound `CreatedDate`, both days included. */
const createdWithin = (body: Record<string, unknown>) => {
  const from = typeof body.from === "string" ? dayRange(body.from) : undefined;
  const to = typeof body.to === "string" ? dayRange(body.to) : undefined;
  if (!from || !to) throw badParameter("from and to are required dates (yyyy-mm-dd).");
  return (created: unknown) => {
    const at = instantOf(created);
    return !Number.isNaN(at) && at >= from[0] && at <= to[1];
  };
};

const sizeOf = (value: unknown): number => {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE)
    throw badParameter(`size must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  return value;
};

/** One page from `after` on; a `next` cursor when more may follow. */
const page = (ctx: SearchContext, cursor: Omit<SearchCursor, "expiresAt">) => {
  const now = ctx.now.getTime();
  const all = ctx.stores.search.view(ctx.stores.accounts.values(), now).filter(cursor.matches);
  const start = cursor.after === "" ? 0 : all.findIndex((p) => p.Uid > cursor.after);
  const rows = start < 0 ? [] : all.slice(start, start + cursor.size);
  const last = rows.at(-1);
  const more = start >= 0 && start + cursor.size < all.length && last !== undefined;
  const selection = parseFields(cursor.fields);
  const data = rows.map((row) => {
    const profile = renderProfile(row);
    return selection ? project(profile, selection) : profile;
  });
  const next = more
    ? ctx.stores.search.keep({ ...cursor, after: last.Uid, expiresAt: now + CURSOR_TTL_MS })
    : undefined;
  return { total: all.length, data, ...(next ? { next } : {}) };
};

/** Cloud Directory's own per-second limit (10/s by default, apart from the core API's 50/s). */
const limited = (limit: SiteRateLimit | undefined, ctx: SearchContext): void => {
  if (limit?.refuse(ctx.query, ctx.headers, ctx.now)) throw SEARCH.fail(429);
};

/**
 * `POST /identity` (a search: `{from, to, q, size}` -> `{total, data, next?}`) and
 * `GET /identity?next=` (the following page: `{data, next?}`), on the Cloud Directory's own base
 * URL (the service's LOGINRADIUS_SEARCH_URL; here the emulator's root). Results come in UID
 * order (UNCONFIRMED: LoginRadius states none) so paging is stable.
 */
export const searchRoutes = (perSecond: number): Route<SearchStores>[] => {
  const limit = perSecond > 0 ? new SiteRateLimit(perSecond) : undefined;
  return [
    {
      method: "POST",
      path: "/identity",
      body: true,
      handle: (ctx) => {
        limited(limit, ctx);
        const body = ctx.body ?? {};
        const inRange = createdWithin(body);
        const matches = parseQuery(body.q);
        return page(ctx, {
          matches: (p) => inRange(p.CreatedDate) && matches(p),
          size: sizeOf(body.size),
          after: "",
          fields: ctx.query.get("fields"),
        });
      },
    },
    {
      method: "GET",
      path: "/identity",
      handle: (ctx) => {
        limited(limit, ctx);
        const id = ctx.query.get("next");
        const cursor = id ? ctx.stores.search.take(id, ctx.now.getTime()) : undefined;
        if (!cursor) throw badParameter("next is not a cursor of a live search.");
        const fields = ctx.query.get("fields") ?? cursor.fields;
        const { total: _total, ...rest } = page(ctx, { ...cursor, fields });
        return rest;
      },
    },
  ];
};
