import type { CacheInvalidator, CachePart } from "../cache/invalidation.js";
import { ErrorCodes } from "../errors.js";
import { describeError, type Logger } from "../log.js";
import type { Metrics } from "../metrics.js";
import { knownEventName, WEBHOOK_EVENTS, type WebhookEventRule } from "./webhook.events.js";
import type { DeliveryLedger } from "./webhook.ledger.js";
import { profileToPrime, uidOf } from "./webhook.prime.js";
import {
  insideWindow,
  parsePayload,
  signatureMatches,
  type WebhookPayload,
} from "./webhook.verify.js";

export type WebhookVerdict =
  | "accepted"
  | "duplicate"
  | "stale"
  | "forged"
  | "malformed"
  | "unknown"
  | "no_account"
  | "rate_limited"
  | "too_large"
  | "busy"
  | "failed";

/** What the route answers: the verdict, the HTTP status, and for refusals a code and message. */
export interface WebhookOutcome {
  verdict: WebhookVerdict;
  status: number;
  code?: string;
  message?: string;
}

export interface WebhookDeps {
  /** The LoginRadius API secret: the key of every webhook's signature. */
  secret: string;
  invalidator: CacheInvalidator;
  ledger: DeliveryLedger;
  /** WEBHOOK_MAX_AGE_MS: how far `Time` may be from now; 0: no window. */
  maxAgeMs: number;
  logger: Logger;
  metrics?: Pick<Metrics, "webhookEvents">;
  now?: () => number;
}

/** How long a delivery is remembered: past the window both ways, so a replay meets one or the other. */
const rememberMs = (maxAgeMs: number) => (maxAgeMs > 0 ? 2 * maxAgeMs : 3_600_000);

const refuse = (verdict: WebhookVerdict, status: number, code: string, message: string) => ({
  verdict,
  status,
  code,
  message,
});

/**
 * The newest profile-carrying event of an account refreshes the cached profile; the other parts
 * it names are dropped. An older event arriving late (LoginRadius does not order deliveries)
 * only drops: never a stale profile primed over a newer one.
 */
const apply = async (
  deps: WebhookDeps,
  rule: WebhookEventRule,
  uid: string,
  payload: WebhookPayload,
): Promise<void> => {
  const profile = rule.prime && deps.invalidator.prime ? profileToPrime(payload.data, uid) : null;
  const primeable =
    profile !== null &&
    payload.timeMs !== null &&
    (await deps.ledger.newest(uid, payload.timeMs, rememberMs(deps.maxAgeMs)));
  if (!primeable || !profile || !deps.invalidator.prime) {
    await deps.invalidator.invalidate([uid], rule.parts, "webhook");
    return;
  }
  const others: CachePart[] = rule.parts.filter((part) => part !== "profile");
  if (others.length > 0) await deps.invalidator.invalidate([uid], others, "webhook");
  await deps.invalidator.prime(uid, profile);
};

/** An event not in our table: logged and counted; its account (if named) loses every entry. */
const applyUnknown = async (deps: WebhookDeps, payload: WebhookPayload, uid: string | null) => {
  deps.logger.warn(
    { event: payload.event.slice(0, 100), hasAccount: uid !== null },
    "webhook: an event this service does not know; its account's cache entries are dropped",
  );
  if (uid !== null) await deps.invalidator.invalidate([uid], ["all"], "webhook");
};

/** Checks in order: signature, shape, window, ledger; then the event's rule. */
const judge = async (deps: WebhookDeps, body: string, signature: string | string[] | undefined) => {
  if (!signatureMatches(body, signature, deps.secret))
    return {
      event: "none",
      outcome: refuse(
        "forged",
        401,
        ErrorCodes.UNAUTHENTICATED,
        "The webhook signature does not match.",
      ),
    };
  const payload = parsePayload(body);
  if (typeof payload === "string")
    return { event: "none", outcome: refuse("malformed", 400, ErrorCodes.BAD_USER_INPUT, payload) };
  const known = knownEventName(payload.event);
  const event = known ?? "unknown";
  const now = (deps.now ?? Date.now)();
  if (!insideWindow(payload.timeMs, now, deps.maxAgeMs))
    return {
      event,
      outcome: refuse(
        "stale",
        400,
        ErrorCodes.BAD_USER_INPUT,
        `The webhook's Time must be within ${deps.maxAgeMs} ms of now; it is missing or outside.`,
      ),
    };
  const key = signatureKey(signature);
  if (!(await deps.ledger.first(key, rememberMs(deps.maxAgeMs))))
    return { event, outcome: { verdict: "duplicate" as const, status: 200 } };
  const uid = uidOf(payload.data);
  if (known === null) {
    await applyUnknown(deps, payload, uid);
    return { event, outcome: { verdict: "unknown" as const, status: 200 } };
  }
  if (uid === null) return { event, outcome: { verdict: "no_account" as const, status: 200 } };
  await apply(deps, WEBHOOK_EVENTS[known] as WebhookEventRule, uid, payload);
  return { event, outcome: { verdict: "accepted" as const, status: 200 } };
};

/**
 * A delivery is known by its signature: the HMAC of the whole signed body (HookId, event, Time
 * and Data), so a byte-identical delivery is a duplicate on any replica, and nobody without the
 * secret can make a new one. (Not HookId alone: the SDK's webHookApi uses `hookId` for the
 * subscription's id, which may repeat across events: UNCONFIRMED, docs/webhooks.md.)
 */
const signatureKey = (signature: string | string[] | undefined): string =>
  String(Array.isArray(signature) ? signature[0] : signature)
    .trim()
    .toLowerCase();

/** Verifies and applies one delivery; never throws (a failing invalidator is `failed`, 500). */
export const processDelivery = async (
  deps: WebhookDeps,
  body: string,
  signature: string | string[] | undefined,
): Promise<WebhookOutcome> => {
  let event = "none";
  let outcome: WebhookOutcome;
  try {
    ({ event, outcome } = await judge(deps, body, signature));
  } catch (error) {
    deps.logger.error(describeError(error), "webhook: applying the event failed");
    outcome = refuse("failed", 500, ErrorCodes.INTERNAL_SERVER_ERROR, "Internal server error.");
  }
  deps.metrics?.webhookEvents.inc({ event, verdict: outcome.verdict });
  return outcome;
};

/** Counts a delivery refused before its body was read (rate, size, budget). */
export const countRefused = (deps: Pick<WebhookDeps, "metrics">, verdict: WebhookVerdict) =>
  deps.metrics?.webhookEvents.inc({ event: "none", verdict });
