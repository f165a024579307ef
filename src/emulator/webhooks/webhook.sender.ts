import { createHmac } from "node:crypto";
import type { WebhookFaults, WebhookSettings } from "../core/section.js";
import type { RaisedEvent } from "./event-map.js";
import { Dice, NO_WEBHOOK_FAULTS } from "./webhook.faults.js";

/** A webhook subscription as the webHookApi shows it. */
export interface Subscription {
  Id: string;
  Name: string;
  Event: string;
  TargetUrl: string;
  CreatedOn: string;
  LastModifiedOn: string;
}

/** One delivery as the control API lists it (never the body: it holds profiles). */
export interface DeliveryRecord {
  hookId: string;
  event: string;
  uid: string | null;
  target: string;
  time: string;
  /** What a fault did: dropped (never sent), duplicated (sent twice), reordered, delayed. */
  fault: "dropped" | "duplicated" | "reordered" | "delayed" | null;
  /** The target's HTTP status per send; an error name when it could not be reached. */
  results: (number | string)[];
}

/** Deliveries the log keeps (the newest); enough for any test, bounded for a long bench. */
const MAX_LOG = 1_000;
/** Sends in flight at once; past it a delivery is dropped and logged (LoginRadius does not retry). */
const MAX_IN_FLIGHT = 1_000;
/** A held (reordered) delivery goes out after the next one, or after this long alone. */
const REORDER_HOLD_MS = 250;
const SEND_TIMEOUT_MS = 5_000;

/** LoginRadius's signature: HMAC-SHA256 of the body keyed with the API secret, upper-case hex. */
export const signWebhook = (secret: string, body: string): string =>
  createHmac("sha256", secret).update(body, "utf8").digest("hex").toUpperCase();

/**
 * Sends events the way LoginRadius does: a POST per subscription, signed, fire and forget (no
 * retry, no order promised), with the configured faults: a percentage dropped, duplicated, or
 * held back behind the next delivery, and a delay for every one.
 */
export class WebhookSender {
  faults: WebhookFaults;
  readonly log: DeliveryRecord[] = [];
  private readonly dice = new Dice();
  private held: (() => void) | null = null;
  private inFlight = 0;

  constructor(private readonly settings: WebhookSettings | undefined) {
    this.faults = { ...(settings?.faults ?? NO_WEBHOOK_FAULTS) };
  }

  send(subscriptions: readonly Subscription[], raised: RaisedEvent, time: Date): void {
    for (const subscription of subscriptions) {
      const body = JSON.stringify({
        HookId: subscription.Id,
        EventName: raised.event,
        Time: time.toISOString(),
        Data: raised.data,
      });
      const record: DeliveryRecord = {
        hookId: subscription.Id,
        event: raised.event,
        uid: typeof raised.data.Uid === "string" ? raised.data.Uid : null,
        target: subscription.TargetUrl,
        time: time.toISOString(),
        fault: this.faults.delayMs > 0 ? "delayed" : null,
        results: [],
      };
      this.remember(record);
      this.dispatch(record, body);
    }
  }

  /** Back to the environment's faults, an empty log, the dice from their seed. */
  clear(): void {
    this.log.length = 0;
    this.held = null;
    this.dice.reset();
    this.faults = { ...(this.settings?.faults ?? NO_WEBHOOK_FAULTS) };
  }

  private dispatch(record: DeliveryRecord, body: string): void {
    if (this.dice.hits(this.faults.drop) || this.inFlight >= MAX_IN_FLIGHT) {
      record.fault = "dropped";
      return;
    }
    const copies = this.dice.hits(this.faults.duplicate) ? 2 : 1;
    if (copies === 2) record.fault = "duplicated";
    const go = () => {
      for (let i = 0; i < copies; i++) void this.post(record, body);
    };
    if (this.held === null && this.dice.hits(this.faults.reorder)) {
      record.fault = "reordered";
      this.held = go;
      setTimeout(() => this.release(go), REORDER_HOLD_MS).unref();
      return;
    }
    const behind = this.held;
    this.held = null;
    this.later(() => {
      go();
      behind?.();
    });
  }

  private release(go: () => void): void {
    if (this.held !== go) return;
    this.held = null;
    this.later(go);
  }

  private later(work: () => void): void {
    if (this.faults.delayMs > 0) setTimeout(work, this.faults.delayMs).unref();
    else setImmediate(work);
  }

  private async post(record: DeliveryRecord, body: string): Promise<void> {
    this.inFlight++;
    try {
      const response = await fetch(record.target, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          signature: signWebhook(this.settings?.secret ?? "", body),
          "user-agent": "LoginRadius-Webhook (account-graph emulator)",
        },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        redirect: "manual",
      });
      await response.body?.cancel();
      record.results.push(response.status);
    } catch (error) {
      record.results.push(error instanceof Error ? error.name : "Error");
    } finally {
      this.inFlight--;
    }
  }

  private remember(record: DeliveryRecord): void {
    this.log.push(record);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }
}
