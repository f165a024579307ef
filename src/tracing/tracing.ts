import type { IncomingHttpHeaders } from "node:http";
import {
  type Attributes,
  type Context,
  defaultTextMapGetter,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import type { Sampler } from "@opentelemetry/sdk-trace-base";
import type { TracingConfig } from "./tracing.config.js";

/** What a child span needs: the tracer and the context of its parent. */
export interface TraceScope {
  tracer: Tracer;
  ctx: Context;
}

/** A span with the context that makes it the parent of what starts under it. */
export interface SpanScope extends TraceScope {
  span: Span;
}

/** Spans of this service, exported over OTLP/HTTP; `null` where tracing is off. */
export interface Tracing {
  /** The span of one request to `/graphql`, continuing the caller's W3C `traceparent`. */
  startRequest(headers: IncomingHttpHeaders, method: string): SpanScope;
  /** Everything started and not yet sent goes to the collector now (tests, shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** A child of `parent`, ended by the caller. */
export const startChild = (
  parent: TraceScope,
  name: string,
  attributes: Attributes = {},
  kind: SpanKind = SpanKind.INTERNAL,
): Span => parent.tracer.startSpan(name, { kind, attributes }, parent.ctx);

/** A span's scope: its context, under which its children start. */
export const scopeOf = (tracer: Tracer, span: Span, parent: Context): SpanScope => ({
  tracer,
  span,
  ctx: trace.setSpan(parent, span),
});

/**
 * Runs a synchronous step as a child span of `parent` (no span when untraced); a throw ends it
 * as failed with the thrown error's `extensions.code`.
 */
export const tracedStep = <T>(
  parent: TraceScope | undefined,
  name: string,
  attributes: Attributes,
  step: () => T,
): T => {
  if (!parent) return step();
  const span = startChild(parent, name, attributes);
  try {
    const result = step();
    span.end();
    return result;
  } catch (error) {
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    endFailed(span, typeof code === "string" ? code : "error");
    throw error;
  }
};

/** Ends a span as failed (status ERROR, the code as its message: never an upstream's text). */
export const endFailed = (span: Span, code: string): void => {
  span.setStatus({ code: SpanStatusCode.ERROR, message: code });
  span.end();
};

type Sdk = typeof import("@opentelemetry/sdk-trace-base");

const samplerOf = (sdk: Sdk, config: TracingConfig): Sampler => {
  const ratio = new sdk.TraceIdRatioBasedSampler(config.ratio);
  switch (config.sampler) {
    case "always_on":
      return new sdk.AlwaysOnSampler();
    case "always_off":
      return new sdk.AlwaysOffSampler();
    case "traceidratio":
      return ratio;
    case "parentbased_always_off":
      return new sdk.ParentBasedSampler({ root: new sdk.AlwaysOffSampler() });
    case "parentbased_traceidratio":
      return new sdk.ParentBasedSampler({ root: ratio });
    default:
      return new sdk.ParentBasedSampler({ root: new sdk.AlwaysOnSampler() });
  }
};

/**
 * The OpenTelemetry SDK with an OTLP/HTTP exporter and a batch processor, nothing registered
 * globally and no module patched: spans are started explicitly where the service does its work,
 * with their parents passed along (the request scope), so nothing costs anything when tracing is
 * off. The SDK is loaded only when tracing is on (cold start).
 */
export const createTracing = async (config: TracingConfig): Promise<Tracing> => {
  const [sdk, { OTLPTraceExporter }, { resourceFromAttributes }, { W3CTraceContextPropagator }] =
    await Promise.all([
      import("@opentelemetry/sdk-trace-base"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
      import("@opentelemetry/core"),
    ]);
  const provider = new sdk.BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": config.serviceName }),
    sampler: samplerOf(sdk, config),
    spanProcessors: [
      new sdk.BatchSpanProcessor(
        new OTLPTraceExporter({ url: config.url, headers: config.headers }),
        { scheduledDelayMillis: 1_000, maxQueueSize: 4_096 },
      ),
    ],
  });
  const tracer = provider.getTracer("account-graph");
  const propagator = new W3CTraceContextPropagator();
  return {
    startRequest(headers, method) {
      const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
      const span = tracer.startSpan(
        "graphql",
        {
          kind: SpanKind.SERVER,
          attributes: { "http.request.method": method, "url.path": "/graphql" },
        },
        parent,
      );
      return scopeOf(tracer, span, parent);
    },
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
};
