import { randomBytes } from "node:crypto";
import { isLoopbackHost } from "../../http/host-guard.js";
import { lrDate } from "../core/dates.js";
import { CORE, validationError } from "../core/errors.js";
import { bodyValue, type Route, type RouteContext } from "../core/request.js";
import { eventNamed, WEBHOOK_EVENTS } from "./events.js";
import type { Subscription } from "./webhook.sender.js";
import type { WebhookStore } from "./webhook.store.js";

type WebhookContext = RouteContext<{ webhooks: WebhookStore }>;
type WebhookRoute = Route<{ webhooks: WebhookStore }>;

const BASE = "/v2/manage/webhooks";

/** A subscription's target: http(s), and on this machine (the emulator never calls out). */
const targetProblem = (value: unknown): string | null => {
  if (typeof value !== "string" || value.trim() === "") return "TargetUrl is required.";
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return "TargetUrl must be an absolute http(s) URL.";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "TargetUrl must be http(s).";
  if (!isLoopbackHost(url.hostname))
    return "The emulator sends webhooks to loopback addresses only.";
  return null;
};

/** Name, Event, TargetUrl from a body (any key casing); `partial` for an update. */
const readSubscription = (ctx: WebhookContext, current?: Subscription) => {
  const event = bodyValue(ctx.body, "Event") ?? current?.Event;
  const target = bodyValue(ctx.body, "TargetUrl") ?? current?.TargetUrl;
  const name = bodyValue(ctx.body, "Name") ?? current?.Name ?? event;
  const errors: { field: string; message: string }[] = [];
  if (typeof event !== "string" || !eventNamed(event))
    errors.push({ field: "Event", message: `Event must be one of ${WEBHOOK_EVENTS.join(", ")}.` });
  const problem = targetProblem(target);
  if (problem) errors.push({ field: "TargetUrl", message: problem });
  if (typeof name !== "string" || name.length > 200)
    errors.push({ field: "Name", message: "Name must be text of at most 200 characters." });
  if (errors.length > 0) throw validationError(errors);
  return {
    Name: name as string,
    Event: eventNamed(event as string) as string,
    TargetUrl: (target as string).trim(),
  };
};

const requireHook = (ctx: WebhookContext): Subscription => {
  const hook = ctx.stores.webhooks.get(ctx.params.hookId ?? "");
  // UNCONFIRMED: LoginRadius's code for an unknown hook id is not documented.
  if (!hook)
    throw CORE.fail(971, { status: 404, description: "No webhook subscription has this id." });
  return hook;
};

/** The official SDK's webHookApi (40.1 to 40.6): paths and verbs as the SDK calls them. */
export const webhookRoutes: WebhookRoute[] = [
  {
    method: "GET",
    path: BASE,
    handle: (ctx) => {
      const data = ctx.stores.webhooks.list();
      return { Data: data, Count: data.length };
    },
  },
  {
    method: "POST",
    path: BASE,
    body: true,
    handle: (ctx) => {
      const now = lrDate(ctx.now);
      const hook: Subscription = {
        Id: randomBytes(16).toString("hex"),
        ...readSubscription(ctx),
        CreatedOn: now,
        LastModifiedOn: now,
      };
      ctx.stores.webhooks.put(hook);
      return hook;
    },
  },
  { method: "GET", path: `${BASE}/events`, handle: () => ({ Data: [...WEBHOOK_EVENTS] }) },
  { method: "GET", path: `${BASE}/{hookId}`, handle: requireHook },
  {
    method: "PUT",
    path: `${BASE}/{hookId}`,
    body: true,
    handle: (ctx) => {
      const current = requireHook(ctx);
      const hook = {
        ...current,
        ...readSubscription(ctx, current),
        LastModifiedOn: lrDate(ctx.now),
      };
      ctx.stores.webhooks.put(hook);
      return hook;
    },
  },
  {
    method: "DELETE",
    path: `${BASE}/{hookId}`,
    handle: (ctx) => {
      ctx.stores.webhooks.delete(requireHook(ctx).Id);
      return { IsDeleted: true };
    },
  },
];
