// The bench's OpenTelemetry collector: the least an OTLP/HTTP receiver can do. It answers 200 `{}`
// to every POST /v1/traces and counts the spans by name (GET /spans), so `npm run bench` can
// measure the service with tracing on against a sink that costs the machine almost nothing, and
// check that spans really left the service. Run as its own process (`node bench/otlp-sink.mjs`,
// OTLP_SINK_PORT), like the reference proxy, so its CPU is not the service's.
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

/** The spans of one OTLP/JSON export request, by name (`resourceSpans[].scopeSpans[].spans[]`). */
export const spansByName = (body) => {
  const names = {};
  for (const resource of body?.resourceSpans ?? [])
    for (const scope of resource.scopeSpans ?? [])
      for (const span of scope.spans ?? []) names[span.name] = (names[span.name] ?? 0) + 1;
  return names;
};

/** The sink: POST /v1/traces counted and answered `{}`, GET /spans the counts so far. */
export const createOtlpSink = () => {
  const counts = { spans: 0, exports: 0, unreadable: 0, names: {} };
  return createServer((req, res) => {
    if (req.method === "GET" && req.url === "/spans") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(counts));
      return;
    }
    if (req.method !== "POST" || req.url !== "/v1/traces") {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      counts.exports++;
      try {
        const raw = Buffer.concat(chunks);
        const text = req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        for (const [name, n] of Object.entries(spansByName(JSON.parse(text.toString())))) {
          counts.names[name] = (counts.names[name] ?? 0) + n;
          counts.spans += n;
        }
      } catch {
        // not OTLP/JSON (protobuf, or cut short): counted, so the bench can say so
        counts.unreadable++;
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const sink = createOtlpSink();
  sink.listen(Number(process.env.OTLP_SINK_PORT ?? 4318), "127.0.0.1");
  // The exporter keeps its connection alive: closing would wait for it.
  process.on("SIGTERM", () => process.exit(0));
}
