import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCodes } from "../errors.js";
import {
  BodyBudgetError,
  BodyTooLargeError,
  createBodyBudget,
  readBody,
} from "../http/read-body.js";
import { sendJson } from "../http/send-json.js";
import type { RateLimitStore, RateRule } from "../ratelimit/store.js";
import {
  countRefused,
  processDelivery,
  type WebhookDeps,
  type WebhookOutcome,
} from "./webhook.delivery.js";
import { SIGNATURE_HEADER } from "./webhook.verify.js";

export const WEBHOOK_PATH = "/webhooks/loginradius";

/** Webhook bodies held at once in this process: 16 MiB, apart from the GraphQL budget. */
const WEBHOOK_BODY_BUDGET_BYTES = 16 * 1_048_576;

export interface WebhookRouteOptions {
  deps: WebhookDeps;
  /** The shared buckets (Redis when REDIS_URL): one budget for every replica. */
  rateStore: RateLimitStore;
  ratePerSecond: number;
  maxBodyBytes: number;
}

export type WebhookRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const answer = (res: ServerResponse, outcome: WebhookOutcome, headers = {}) => {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, String(value));
  if (outcome.code === undefined)
    sendJson(res, outcome.status, { ok: true, verdict: outcome.verdict });
  else
    sendJson(res, outcome.status, {
      errors: [{ message: outcome.message, extensions: { code: outcome.code } }],
    });
};

const refused = (
  options: WebhookRouteOptions,
  verdict: "rate_limited" | "too_large" | "busy",
  status: number,
  code: string,
  message: string,
): WebhookOutcome => {
  countRefused(options.deps, verdict);
  return { verdict, status, code, message };
};

/**
 * `POST /webhooks/loginradius`: no GraphQL token (LoginRadius cannot send one); the signature is
 * the credential. In order, each refusal before the next cost: the Host check (other-routes.ts,
 * as every route), the method, the fleet's rate, the body's size and the process's body budget,
 * then processDelivery (signature, shape, window, ledger, event).
 */
export const createWebhookRoute = (options: WebhookRouteOptions): WebhookRoute => {
  const budget = createBodyBudget(WEBHOOK_BODY_BUDGET_BYTES);
  const rule: RateRule = { perSecond: options.ratePerSecond, burst: options.ratePerSecond };
  return async (req, res) => {
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      sendJson(res, 405, {
        errors: [
          { message: "Webhooks are POSTed.", extensions: { code: ErrorCodes.BAD_USER_INPUT } },
        ],
      });
      req.resume();
      return;
    }
    const rate = await options.rateStore.take("webhooks:loginradius", 1, rule);
    if (!rate.allowed) {
      req.resume();
      const message = "Too many webhook deliveries; retry later.";
      answer(res, refused(options, "rate_limited", 429, ErrorCodes.RATE_LIMITED, message), {
        "retry-after": rate.retryAfterSeconds,
      });
      return;
    }
    let body: string;
    try {
      body = await readBody(req, options.maxBodyBytes, budget);
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return answer(
          res,
          refused(options, "too_large", 413, ErrorCodes.PAYLOAD_TOO_LARGE, error.message),
        );
      if (error instanceof BodyBudgetError)
        return answer(res, refused(options, "busy", 503, ErrorCodes.SERVER_BUSY, error.message), {
          "retry-after": 1,
        });
      throw error;
    }
    answer(res, await processDelivery(options.deps, body, req.headers[SIGNATURE_HEADER]));
  };
};
