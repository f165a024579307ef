import type { EnvReader } from "../env.js";

/** The OpenTelemetry sampler names of the `OTEL_TRACES_SAMPLER` specification that we honour. */
export const SAMPLERS = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
] as const;

export type SamplerName = (typeof SAMPLERS)[number];

/** Where spans go and which are kept: null when tracing is off (no endpoint set). */
export interface TracingConfig {
  /** The OTLP/HTTP traces URL (`.../v1/traces`). */
  url: string;
  /** Headers for the collector (OTEL_EXPORTER_OTLP_[TRACES_]HEADERS); may hold a key: never logged. */
  headers: Record<string, string>;
  serviceName: string;
  sampler: SamplerName;
  /** The ratio of `traceidratio` samplers, 0 to 1. */
  ratio: number;
}

/** `k=v,k2=v2`, values percent-decoded, as the OTLP exporter specification writes them. */
const parseHeaders = (read: EnvReader, name: string): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const pair of (read.string(name) ?? "").split(",")) {
    if (pair.trim() === "") continue;
    const at = pair.indexOf("=");
    const key = pair.slice(0, at).trim();
    read.check(at > 0 && /^[A-Za-z0-9-]+$/.test(key), `${name}: each item must be key=value.`);
    if (at > 0) headers[key.toLowerCase()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
};

const tracesUrl = (read: EnvReader): string | undefined => {
  const traces = read.string("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  if (traces !== undefined) return traces;
  const base = read.string("OTEL_EXPORTER_OTLP_ENDPOINT");
  return base === undefined ? undefined : `${base.replace(/\/+$/, "")}/v1/traces`;
};

/**
 * The standard OTEL_* variables: tracing is on when an OTLP endpoint is set, unless
 * OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none. Only OTLP over HTTP is exported.
 */
export const readTracingConfig = (read: EnvReader): TracingConfig | null => {
  const url = tracesUrl(read);
  const disabled = read.oneOf("OTEL_SDK_DISABLED", ["true", "false"] as const, "false") === "true";
  const exporter = read.oneOf("OTEL_TRACES_EXPORTER", ["otlp", "none"] as const, "otlp");
  const sampler = read.oneOf("OTEL_TRACES_SAMPLER", SAMPLERS, "parentbased_always_on");
  const ratioText = read.string("OTEL_TRACES_SAMPLER_ARG");
  const ratio = ratioText === undefined ? 1 : Number(ratioText);
  read.check(
    Number.isFinite(ratio) && ratio >= 0 && ratio <= 1,
    "OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1.",
  );
  const headers = {
    ...parseHeaders(read, "OTEL_EXPORTER_OTLP_HEADERS"),
    ...parseHeaders(read, "OTEL_EXPORTER_OTLP_TRACES_HEADERS"),
  };
  if (url === undefined || disabled || exporter === "none") return null;
  let valid = false;
  try {
    const parsed = new URL(url);
    valid = (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.username === "";
  } catch {
    valid = false;
  }
  read.check(
    valid,
    "OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT must be an http(s) URL without credentials.",
  );
  return {
    url,
    headers,
    serviceName: read.string("OTEL_SERVICE_NAME") ?? "account-graph",
    sampler,
    ratio: Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 1,
  };
};
