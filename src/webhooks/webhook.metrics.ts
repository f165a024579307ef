import { Counter, type Registry } from "prom-client";

/**
 * Webhook deliveries by event (one of the 31 names, `unknown`, or `none` before the body was
 * read) and verdict (accepted, duplicate, stale, forged, malformed, unknown, no_account,
 * rate_limited, too_large, busy, failed): bounded label sets, never an id.
 */
export const webhookMetrics = (registers: Registry[]) => ({
  webhookEvents: new Counter({
    name: "account_graph_webhook_events_total",
    help: "LoginRadius webhook deliveries, by event and verdict.",
    labelNames: ["event", "verdict"] as const,
    registers,
  }),
  /** Questions the shared ledger (Redis) could not answer; this process's memory answered. */
  webhookLedgerFailures: new Counter({
    name: "account_graph_webhook_ledger_failures_total",
    help: "Webhook duplicate checks answered from this process because Redis failed.",
    registers,
  }),
});
