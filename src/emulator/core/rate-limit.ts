import type { IncomingHttpHeaders } from "node:http";
import { CORE } from "./errors.js";
import type { Query } from "./request.js";

/** What a refused call is answered with: status, body and headers. */
export interface RateLimited {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

const siteOf = (query: Query, headers: IncomingHttpHeaders): string => {
  const value = query.get("apikey") ?? headers["x-loginradius-apikey"];
  const text = Array.isArray(value) ? value[0] : value;
  return (text ?? "").trim().toLowerCase();
};

/**
 * LoginRadius's per-site requests-per-second limit (acceptable-use policy: 50/s by default in
 * production, 5 in development; past it, 429 "Too many requests" until the window resets).
 * Fixed one-second windows per API key, so a tool meets the limit locally the way it would live.
 * Only the current window is kept: memory stays one counter per key seen this second.
 */
export class SiteRateLimit {
  private window = -1;
  private readonly counts = new Map<string, number>();

  constructor(private readonly perSecond: number) {}

  /** Counts the call; the answer to send instead when it is over the limit. */
  refuse(query: Query, headers: IncomingHttpHeaders, now: Date): RateLimited | undefined {
    const ms = now.getTime();
    const window = Math.floor(ms / 1000);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const site = siteOf(query, headers);
    const count = (this.counts.get(site) ?? 0) + 1;
    this.counts.set(site, count);
    if (count <= this.perSecond) return undefined;
    const error = CORE.fail(429);
    // The window resets within the second: Retry-After is whole seconds, so 1.
    return { status: error.status, body: error.body, headers: { "retry-after": "1" } };
  }
}
