import type { WebhookFaults } from "../core/section.js";

export const NO_WEBHOOK_FAULTS: WebhookFaults = { drop: 0, duplicate: 0, reorder: 0, delayMs: 0 };

/** EMULATOR_LATENCY_MS's bound: a delayed delivery holds a timer this long at most. */
export const MAX_WEBHOOK_DELAY_MS = 60_000;

const PERCENTS = ["drop", "duplicate", "reorder"] as const;

/**
 * A faults body (`POST /__emulator/webhooks/faults`): any of drop, duplicate, reorder (whole
 * percentages) and delayMs; what is left out keeps its current value. Problems name every bad
 * key, and a bad body changes nothing.
 */
export const checkWebhookFaults = (
  input: unknown,
  current: WebhookFaults,
): { faults?: WebhookFaults; problems: string[] } => {
  if (input === null || typeof input !== "object" || Array.isArray(input))
    return { problems: ["The body must be a JSON object."] };
  const body = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(body))
    if (!(PERCENTS as readonly string[]).includes(key) && key !== "delayMs")
      problems.push(`Unknown key ${JSON.stringify(key)}; use drop, duplicate, reorder, delayMs.`);
  const whole = (key: string, max: number) => {
    const value = body[key];
    if (
      value !== undefined &&
      !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max)
    )
      problems.push(
        `${key} must be a whole number from 0 to ${max}; got ${JSON.stringify(value)}.`,
      );
  };
  for (const key of PERCENTS) whole(key, 100);
  whole("delayMs", MAX_WEBHOOK_DELAY_MS);
  if (problems.length > 0) return { problems };
  return { faults: { ...current, ...(body as Partial<WebhookFaults>) }, problems };
};

/** xorshift32 from a fixed seed: a run with the same faults hits the same deliveries. */
export class Dice {
  private state = 0x2545f491;

  /** True for `percent` out of 100 rolls. */
  hits(percent: number): boolean {
    if (percent <= 0) return false;
    if (percent >= 100) return true;
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x1_0000_0000 < percent / 100;
  }

  reset(): void {
    this.state = 0x2545f491;
  }
}
