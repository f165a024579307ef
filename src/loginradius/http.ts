import ky, { HTTPError, type KyInstance } from "ky";
import pLimit from "p-limit";
import { errorInBody, toUpstreamError, UpstreamError } from "./upstream-error.js";

/** Where LoginRadius is and who we are to it. */
export interface UpstreamTarget {
  /** Base URL, e.g. `https://api.loginradius.com` or the emulator's. */
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
}

/** How we call it. */
export interface UpstreamTuning {
  /** Per attempt. */
  timeoutMs: number;
  /** In-flight HTTP requests per process; more wait their turn. */
  maxConcurrency: number;
  /** Extra attempts for calls that are safe to repeat. */
  retryLimit: number;
  /** First retry delay; doubles each time, full jitter, capped at 2 s. */
  retryBaseDelayMs: number;
  /** A 429 asking us to wait longer than this is not retried but reported. */
  maxRetryAfterSeconds: number;
}

export type UpstreamOptions = UpstreamTarget & UpstreamTuning;

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface CallSpec {
  method: HttpMethod;
  /** The documented path with `{name}` placeholders; also the endpoint's name in errors. */
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string | boolean | undefined>;
  body?: unknown;
  /**
   * Whether a repeat is harmless. Never for POSTs, for calls that send an email or SMS, or for
   * calls that mint a token: a retry after a lost response would do the thing twice.
   */
  retry: boolean;
}

export interface LoginRadiusHttp {
  call<T>(spec: CallSpec): Promise<T>;
}

/** Path parameters must stay inside their one segment: no `/`, no `.`/`..`, nothing empty. */
const SAFE_SEGMENT = /^[A-Za-z0-9_@+\-.]{1,256}$/;

export const buildPath = (
  endpoint: string,
  template: string,
  params: Record<string, string> = {},
): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || !SAFE_SEGMENT.test(value) || /^\.+$/.test(value))
      throw new UpstreamError(
        "invalid_request",
        endpoint,
        null,
        null,
        `Invalid path parameter ${name}.`,
      );
    return encodeURIComponent(value);
  });

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];

/**
 * The one ky instance that talks to LoginRadius: the key in the query (as the SDKs send it), the
 * secret in the `X-LoginRadius-ApiSecret` header only, a timeout per attempt, retries with
 * exponential backoff and full jitter for calls marked safe, `Retry-After` honoured on 429/503,
 * and a cap on concurrent requests.
 */
export const createLoginRadiusHttp = (options: UpstreamOptions): LoginRadiusHttp => {
  const limit = pLimit(options.maxConcurrency);
  const base = options.apiUrl.replace(/\/+$/, "");
  const client: KyInstance = ky.create({
    timeout: options.timeoutMs,
    throwHttpErrors: true,
    headers: {
      "X-LoginRadius-ApiSecret": options.apiSecret,
      Accept: "application/json",
    },
  });

  return {
    async call<T>(spec: CallSpec): Promise<T> {
      const endpoint = `${spec.method} ${spec.path}`;
      const searchParams = new URLSearchParams({ apiKey: options.apiKey });
      for (const [name, value] of Object.entries(spec.query ?? {}))
        if (value !== undefined) searchParams.set(name, String(value));
      try {
        const url = `${base}${buildPath(endpoint, spec.path, spec.params)}`;
        // The cap covers the whole call, retries included: the per-attempt timeout then measures
        // LoginRadius alone, not time spent queued, and a struggling upstream gets fewer requests.
        const response = await limit(async () => {
          const res = await client(url, {
            method: spec.method,
            searchParams,
            ...(spec.body === undefined ? {} : { json: spec.body }),
            retry: spec.retry
              ? {
                  limit: options.retryLimit,
                  methods: [spec.method.toLowerCase()],
                  statusCodes: RETRY_STATUS,
                  afterStatusCodes: [429, 503],
                  maxRetryAfter: options.maxRetryAfterSeconds * 1000,
                  backoffLimit: 2000,
                  delay: (attempt) => options.retryBaseDelayMs * 2 ** (attempt - 1),
                  jitter: true,
                  retryOnTimeout: true,
                  shouldRetry: ({ error }) => {
                    if (!(error instanceof HTTPError) || error.response.status !== 429)
                      return undefined;
                    const after = Number(error.response.headers.get("retry-after"));
                    return Number.isFinite(after) && after > options.maxRetryAfterSeconds
                      ? false
                      : undefined;
                  },
                }
              : { limit: 0 },
          });
          return { status: res.status, text: await res.text() };
        });
        const { text } = response;
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new UpstreamError("bad_response", endpoint, response.status);
        }
        const inBody = errorInBody(endpoint, response.status, body);
        if (inBody) throw inBody;
        if (body === null || typeof body !== "object")
          throw new UpstreamError("bad_response", endpoint, response.status);
        return body as T;
      } catch (error) {
        throw await toUpstreamError(endpoint, error);
      }
    },
  };
};
