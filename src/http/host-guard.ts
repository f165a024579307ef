import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import { ErrorCodes } from "../errors.js";
import type { Metrics } from "../metrics.js";
import { sendJson } from "./send-json.js";

/**
 * DNS rebinding defence: a browser on the machine can be made to send requests to 127.0.0.1 with
 * `Host: attacker.example`. Only hosts listed in ALLOWED_HOSTS are answered. An entry without a
 * port allows any port; `[::1]`-style brackets for IPv6.
 */
export interface HostRule {
  host: string;
  port: string | null;
}

const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/** Parses `name`, `name:port`, `[v6]`, `[v6]:port` (lower-cased), or null when malformed. */
export const parseHostRule = (text: string): HostRule | null => {
  const match = HOST_HEADER.exec(text.trim().toLowerCase());
  if (!match) return null;
  return { host: match[1] as string, port: match[2] ?? null };
};

/** What the bound HOST is reached as: an IPv6 literal gets its brackets. */
const asHostName = (host: string): string =>
  host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;

/** The default: the bound address, localhost, 127.0.0.1 and [::1], each on any port. */
export const defaultHostRules = (boundHost: string): HostRule[] =>
  [asHostName(boundHost), "localhost", "127.0.0.1", "[::1]"].map((host) => ({
    host: host.toLowerCase(),
    port: null,
  }));

export type HostVerdict = { ok: true } | { ok: false; status: 400 | 421; message: string };

export const checkHost = (req: IncomingMessage, rules: readonly HostRule[]): HostVerdict => {
  const header = req.headers.host;
  const given = header === undefined ? null : parseHostRule(header);
  if (given === null)
    return { ok: false, status: 400, message: "The request has no valid Host header." };
  const allowed = rules.some(
    (rule) => rule.host === given.host && (rule.port === null || rule.port === given.port),
  );
  return allowed
    ? { ok: true }
    : {
        ok: false,
        status: 421,
        message: "This service does not answer for that Host; see ALLOWED_HOSTS.",
      };
};

/** `localhost`, 127.0.0.0/8 or ::1 (IPv4-mapped too): an address only this machine reaches. */
export const isLoopbackHost = (host: string): boolean => {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare === "::1") return true;
  const v4 = bare.startsWith("::ffff:") ? bare.slice(7) : bare;
  return isIP(v4) === 4 && v4.startsWith("127.");
};

/**
 * The Host check of the probe and metrics routes. Kubernetes probes and a Prometheus in the
 * cluster reach the pod by IP, a name no configuration can list; an IP literal is no DNS
 * rebinding vector (rebinding needs a name the attacker controls), so it is answered beside the
 * ALLOWED_HOSTS names.
 */
export const checkProbeHost = (req: IncomingMessage, rules: readonly HostRule[]): HostVerdict => {
  const given = req.headers.host === undefined ? null : parseHostRule(req.headers.host);
  if (given !== null && isIP(given.host.replace(/^\[|\]$/g, "")) !== 0) return { ok: true };
  return checkHost(req, rules);
};

/** Probes and Prometheus reach these by pod IP: an IP-literal Host passes (checkProbeHost). */
const PROBE_PATHS = new Set(["/readyz", "/metrics"]);

/**
 * The Host check (DNS rebinding), the only one: src/server.ts runs it on every request before
 * routing, for every route but `/healthz` (it says only `ok`); `/graphql` (CORS, caller) and
 * the other routes come after it. Refused with 421 (400 without a usable Host), counted.
 */
export const hostAllowed = (
  deps: { allowedHosts?: readonly HostRule[]; metrics?: Metrics },
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
): boolean => {
  if (!deps.allowedHosts || url.pathname === "/healthz") return true;
  const host = PROBE_PATHS.has(url.pathname)
    ? checkProbeHost(req, deps.allowedHosts)
    : checkHost(req, deps.allowedHosts);
  if (host.ok) return true;
  deps.metrics?.rejected.inc({ code: ErrorCodes.MISDIRECTED_REQUEST });
  sendJson(res, host.status, {
    errors: [{ message: host.message, extensions: { code: ErrorCodes.MISDIRECTED_REQUEST } }],
  });
  return false;
};
