import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";

/**
 * LoginRadius signs a webhook with HMAC-SHA256 over the raw body, keyed with the site's API
 * secret, and sends the hex digest in a `signature` header (its Webhook Security page; the
 * sample prints upper-case hex, so either case is accepted). Nothing else is signed: no
 * timestamp header exists, so the time window reads `Time` from the signed body.
 */
export const SIGNATURE_HEADER = "signature";

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** True when `header` is the HMAC of `body` under `secret`; compared in constant time. */
export const signatureMatches = (
  body: string,
  header: string | string[] | undefined,
  secret: string,
): boolean => {
  const given = Array.isArray(header) ? header[0] : header;
  if (given === undefined || !HEX_SHA256.test(given.trim())) return false;
  const expected = createHmac("sha256", secret).update(body, "utf8").digest();
  return timingSafeEqual(expected, Buffer.from(given.trim(), "hex"));
};

/**
 * The payload as we read it (UNCONFIRMED beyond "JSON with the event and the profile in `Data`";
 * docs/webhooks.md): `HookId`, `EventName`, `Time` (ISO-8601, UTC) and `Data`. Only these keys
 * are read; anything else LoginRadius adds is ignored.
 */
const PAYLOAD = z.object({
  HookId: z.string().min(1).max(200),
  EventName: z.string().min(1).max(100),
  Time: z.string().min(1).max(64).optional(),
  Data: z.unknown().optional(),
});

export interface WebhookPayload {
  hookId: string;
  event: string;
  /** Epoch ms of `Time`; null when absent or unreadable. */
  timeMs: number | null;
  data: unknown;
}

/** The payload, or a sentence saying what was expected (for the 400 answer and the log). */
export const parsePayload = (body: string): WebhookPayload | string => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return "The body must be JSON.";
  }
  const parsed = PAYLOAD.safeParse(json);
  if (!parsed.success)
    return "The body must be an object with HookId and EventName strings (and Time, Data).";
  const { HookId, EventName, Time, Data } = parsed.data;
  const time = Time === undefined ? Number.NaN : Date.parse(Time);
  return {
    hookId: HookId,
    event: EventName,
    timeMs: Number.isFinite(time) ? time : null,
    data: Data,
  };
};

/** The headers the route reads, for tests and the emulator's twin. */
export const signatureOf = (headers: IncomingHttpHeaders) => headers[SIGNATURE_HEADER];

/**
 * Whether the delivery is inside the window: `Time` at most `maxAgeMs` in the past (or in the
 * future: clock skew). `maxAgeMs` 0 turns the window off (for a site whose payloads carry no
 * Time; the ledger then stops replays only for as long as it remembers them).
 */
export const insideWindow = (timeMs: number | null, now: number, maxAgeMs: number): boolean =>
  maxAgeMs === 0 || (timeMs !== null && Math.abs(now - timeMs) <= maxAgeMs);
