import { createHash } from "node:crypto";
import type { ControlResult } from "../core/control.js";
import type {
  ObservedWrite,
  SliceEntry,
  SliceWriter,
  StoreSlice,
  WebhookSettings,
  WriteOrigin,
} from "../core/section.js";
import { eventsOf } from "./event-map.js";
import { eventNamed, WEBHOOK_EVENTS } from "./events.js";
import { checkWebhookFaults } from "./webhook.faults.js";
import { type Subscription, WebhookSender } from "./webhook.sender.js";

export type WebhookEntry = { t: "hook"; r: Subscription } | { t: "unhook"; id: string };

/** `X-PreventWebhook: true` or `prevent_webhook=true` (the header wins): no event for this call. */
const prevented = (origin: WriteOrigin | null): boolean => {
  if (!origin) return false;
  const header = origin.headers["x-preventwebhook"];
  const text = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  if (text === "true") return true;
  if (text === "false") return false;
  return origin.query.bool("prevent_webhook") === true;
};

const seedId = (target: string, event: string) =>
  createHash("sha256").update(`${target}\n${event}`).digest("hex").slice(0, 32);

/**
 * The site's webhook subscriptions (journaled like any slice) and the sender. Observes every
 * write of every slice: the events a write raises go to the subscriptions of those events.
 */
export class WebhookStore implements StoreSlice<WebhookEntry> {
  private readonly hooks = new Map<string, Subscription>();
  readonly sender: WebhookSender;

  constructor(
    private readonly settings: WebhookSettings | undefined,
    private readonly write: SliceWriter<WebhookEntry>,
  ) {
    this.sender = new WebhookSender(settings);
  }

  list(): Subscription[] {
    return [...this.hooks.values()];
  }

  get(id: string): Subscription | undefined {
    return this.hooks.get(id);
  }

  put(subscription: Subscription): void {
    this.write({ t: "hook", r: subscription });
  }

  delete(id: string): void {
    this.write({ t: "unhook", id });
  }

  /**
   * Subscribes `target` to every event under `name`, replacing what `name` held before: the
   * service subscribes itself to its embedded emulator once it listens (src/main.ts).
   */
  subscribeAll(name: string, target: string, now: Date): void {
    for (const hook of this.list()) if (hook.Name === name) this.delete(hook.Id);
    const at = now.toISOString();
    for (const Event of WEBHOOK_EVENTS) {
      const Id = seedId(`${name}\n${target}`, Event);
      this.put({ Id, Name: name, Event, TargetUrl: target, CreatedOn: at, LastModifiedOn: at });
    }
  }

  observe(write: ObservedWrite): void {
    if (write.section === "webhooks" || this.hooks.size === 0 || prevented(write.origin)) return;
    for (const raised of eventsOf(write)) {
      const subscribed = this.list().filter((s) => eventNamed(s.Event) === raised.event);
      if (subscribed.length > 0)
        this.sender.send(subscribed, raised, write.origin?.now ?? new Date());
    }
  }

  /** `GET /__emulator/webhooks`, `DELETE` it (the log), `POST /__emulator/webhooks/faults`. */
  control(
    method: string,
    path: string,
    _search: URLSearchParams,
    body: unknown,
  ): ControlResult | undefined {
    const route = `${method} ${path}`;
    if (route === "GET /webhooks")
      return {
        status: 200,
        body: {
          faults: this.sender.faults,
          subscriptions: this.hooks.size,
          deliveries: this.sender.log,
        },
      };
    if (route === "DELETE /webhooks") {
      this.sender.log.length = 0;
      return { status: 200, body: { ok: true } };
    }
    if (route === "POST /webhooks/faults") {
      const { faults, problems } = checkWebhookFaults(body, this.sender.faults);
      if (!faults) return { status: 400, body: { error: "bad request", problems } };
      this.sender.faults = faults;
      return { status: 200, body: { faults } };
    }
    return undefined;
  }

  clear(): void {
    this.hooks.clear();
    this.sender.clear();
  }

  apply(entry: SliceEntry): void {
    const e = entry as WebhookEntry;
    if (e.t === "hook") this.hooks.set(e.r.Id, e.r);
    else if (e.t === "unhook") this.hooks.delete(e.id);
  }

  /** EMULATOR_WEBHOOK_URL's targets, each subscribed to every event. */
  *seedEntries(): Iterable<WebhookEntry> {
    const at = new Date(0).toISOString();
    for (const target of this.settings?.targets ?? [])
      for (const event of WEBHOOK_EVENTS) {
        const r = {
          Id: seedId(target, event),
          Name: `emulator ${event}`,
          Event: event,
          TargetUrl: target,
          CreatedOn: at,
          LastModifiedOn: at,
        };
        yield { t: "hook", r };
      }
  }

  *snapshot(): Iterable<WebhookEntry> {
    for (const r of this.hooks.values()) yield { t: "hook", r };
  }

  counts(): Record<string, number> {
    return { webhooks: this.hooks.size };
  }
}
