import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../log.js";
import type { UpstreamHealth } from "../loginradius/health.js";
import type { Metrics } from "../metrics.js";
import { isLoopbackHost } from "./host-guard.js";
import { sendJson } from "./send-json.js";

export interface HealthRoutesOptions {
  health: UpstreamHealth;
  metrics: Metrics;
  /** A good upstream answer this recent makes the service ready without a probe. */
  readyMaxAgeMs: number;
  /**
   * Things an operator should see on `/readyz` that do not make the service unready (e.g. caller
   * auth disabled). Read on every request, so a flag set later shows at once.
   */
  warnings?: () => string[];
  /** The bearer token `/metrics` asks for (METRICS_TOKEN); null: loopback peers only. */
  metricsToken?: string | null;
  /** Where readiness changes are logged (once per change, not per probe); absent: nowhere. */
  logger?: Logger;
  now?: () => number;
}

/** How long one probe result answers `/readyz`: a load balancer polling every second must not
 * turn into one LoginRadius call per second. */
export const PROBE_CACHE_MS = 5_000;

export interface HealthRoutes {
  /** Serves `/healthz`, `/readyz` and `/metrics`; false for any other path. */
  handle(pathname: string, res: ServerResponse, req: IncomingMessage): Promise<boolean>;
  /** From now on `/readyz` answers 503: the process is shutting down. Cannot be undone. */
  drain(): void;
}

interface ReadyBody {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail: string }>;
  warnings: string[];
}

/** One line per change of state, not per probe: unready with the failed checks, and back. */
const readinessChanges = (logger: HealthRoutesOptions["logger"]) => {
  let wasReady = true;
  return (body: ReadyBody) => {
    if (body.ready === wasReady) return;
    wasReady = body.ready;
    if (body.ready) logger?.info("ready again: every readiness check passes");
    else
      logger?.warn(
        {
          failed: Object.fromEntries(
            Object.entries(body.checks)
              .filter(([, check]) => !check.ok)
              .map(([name, check]) => [name, check.detail]),
          ),
        },
        "not ready: /readyz answers 503",
      );
  };
};

/**
 * Liveness, readiness and metrics: the non-GraphQL endpoints an orchestrator and Prometheus read.
 * `/healthz` is 200 while the process runs (restart it only when it stops answering);
 * `/readyz` is 503 while draining, while the breaker is open, or when LoginRadius has not given
 * a good answer within `readyMaxAgeMs` and a probe now fails.
 */
export const createHealthRoutes = (options: HealthRoutesOptions): HealthRoutes => {
  const now = options.now ?? Date.now;
  let draining = false;
  let probed: { at: number; ok: Promise<boolean> } | undefined;
  const logChange = readinessChanges(options.logger);

  /** One probe at a time, its result reused for PROBE_CACHE_MS; a probe that throws is a failure. */
  const probe = (): Promise<boolean> => {
    if (probed && now() - probed.at < PROBE_CACHE_MS) return probed.ok;
    const ok = options.health.probe().catch(() => false);
    probed = { at: now(), ok };
    return ok;
  };

  const upstreamCheck = async (): Promise<{ ok: boolean; detail: string }> => {
    const last = options.health.lastOkAt();
    if (last !== null && now() - last <= options.readyMaxAgeMs)
      return { ok: true, detail: `good answer ${Math.round((now() - last) / 1000)} s ago` };
    return (await probe())
      ? { ok: true, detail: "probe answered" }
      : { ok: false, detail: probeFailureDetail(options.health) };
  };

  const readiness = async (): Promise<ReadyBody> => {
    const breaker = options.health.breakerState();
    const checks: ReadyBody["checks"] = {
      draining: { ok: !draining, detail: draining ? "shutting down" : "serving" },
      breaker: { ok: breaker !== "open", detail: breaker },
    };
    // A probe is pointless while draining or with the breaker open: the answer is already no.
    if (!draining && breaker !== "open") checks.upstream = await upstreamCheck();
    const body = {
      ready: Object.values(checks).every((c) => c.ok),
      checks,
      warnings: options.warnings?.() ?? [],
    };
    logChange(body);
    return body;
  };

  const metricsAllowed = metricsGate(options.metricsToken ?? null);
  return {
    handle: async (pathname, res, req) => {
      if (pathname === "/metrics" && !metricsAllowed(req, res)) return true;
      return serveRoute(pathname, res, readiness, options.metrics);
    },
    drain() {
      draining = true;
    },
  };
};

/** `/healthz`, `/readyz` or `/metrics`; false for any other path. */
const serveRoute = async (
  pathname: string,
  res: ServerResponse,
  readiness: () => Promise<ReadyBody>,
  metrics: Metrics,
): Promise<boolean> => {
  if (pathname === "/healthz") {
    sendJson(res, 200, { ok: true });
    return true;
  }
  if (pathname === "/readyz") {
    const body = await readiness();
    sendJson(res, body.ready ? 200 : 503, body);
    return true;
  }
  if (pathname === "/metrics") {
    const text = await metrics.registry.metrics();
    res.writeHead(200, { "content-type": metrics.registry.contentType });
    res.end(text);
    return true;
  }
  return false;
};

const probeFailureDetail = (health: UpstreamHealth): string => {
  const why = health.lastProbeFailure?.();
  return why ? `LoginRadius did not answer a probe (${why})` : "LoginRadius did not answer a probe";
};

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Who may read `/metrics` (operation names, error counts, upstream latency: reconnaissance for an
 * attacker). With a token: `Authorization: Bearer <token>`, compared in constant time (over
 * digests, so not even the length leaks). Without: loopback peers only. Answers the refusal
 * itself; true when the request may be served.
 */
const metricsGate = (token: string | null) => {
  const expected = token === null ? null : digest(token);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (expected === null) {
      if (isLoopbackHost(req.socket.remoteAddress ?? "")) return true;
      sendJson(res, 403, {
        error: "/metrics answers loopback only; set METRICS_TOKEN to scrape it from elsewhere.",
      });
      return false;
    }
    const given = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return true;
    sendJson(
      res,
      401,
      { error: "/metrics needs the METRICS_TOKEN as a bearer token." },
      { "www-authenticate": 'Bearer realm="metrics"' },
    );
    return false;
  };
};
