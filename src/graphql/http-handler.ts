import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { BodyTooLargeError, readBody } from "../http/read-body.js";
import { sendJson } from "../http/send-json.js";
import { endFailed, type SpanScope, startChild, type Tracing } from "../tracing/tracing.js";
import type { Admit } from "./admit.js";
import type { Caller } from "./caller.js";
import { persistedQueryRefusal } from "./limits/index.js";
import { applyTrustedDocuments, type TrustedDocuments } from "./trusted-documents.js";

/** A caller's X-Request-Id is recorded (as `clientRequestId`) only if it is plainly an ID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const badRequest = (res: ServerResponse, status: number, message: string) =>
  sendJson(res, status, { errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });

/** The ids of one request: the service's own, and the caller's when it sent one. */
export interface RequestIds {
  requestId: string;
  clientRequestId?: string;
}

/**
 * A new id of our own for every request, answered in `X-Request-Id`: logs, the audit trail and
 * LoginRadius key on it, so no caller can choose the id its acts are filed under (or reuse
 * another's). The caller's own id, if plainly one, is kept beside it as `clientRequestId`.
 */
const requestIdsOf = (req: IncomingMessage, res: ServerResponse): RequestIds => {
  const given = req.headers["x-request-id"];
  const requestId = randomUUID();
  res.setHeader("x-request-id", requestId);
  return typeof given === "string" && REQUEST_ID.test(given)
    ? { requestId, clientRequestId: given }
    : { requestId };
};

/**
 * The body as Apollo takes it: JSON parsed when the content type says JSON, text otherwise,
 * undefined when empty. `{ answered: true }` when it refused the body (too large, bad JSON).
 */
const readGraphQLBody = async (
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ answered: true } | { answered: false; body: unknown }> => {
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    badRequest(res, 413, error.message);
    return { answered: true };
  }
  if (text === "") return { answered: false, body: undefined };
  const type = String(req.headers["content-type"] ?? "");
  if (!type.toLowerCase().startsWith("application/json")) return { answered: false, body: text };
  try {
    return { answered: false, body: JSON.parse(text) };
  } catch {
    badRequest(res, 400, "The request body is not valid JSON.");
    return { answered: true };
  }
};

const headerMapOf = (req: IncomingMessage): HeaderMap => {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  return headers;
};

/** Apollo's answer onto the node response, streamed when Apollo streams it. */
const sendApolloResponse = async (
  res: ServerResponse,
  response: HTTPGraphQLResponse,
  pageHeaders?: () => Readonly<Record<string, string>>,
) => {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  // Apollo answers HTML only with its landing page, and has no option for its headers.
  if (pageHeaders && response.headers.get("content-type")?.startsWith("text/html"))
    for (const [key, value] of Object.entries(pageHeaders())) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
};

export interface GraphQLHandlerOptions<Context extends object> {
  apollo: ApolloServer<Context>;
  admit: Admit;
  /** Whether automatic persisted queries are on (LIMITS), for the pre-check. */
  apq: boolean;
  /** Registered operations (TRUSTED_DOCUMENTS_FILE); null: none, every caller sends text. */
  trusted?: TrustedDocuments | null;
  /** Counts each refusal by code. */
  onRefused?(code: string): void;
  /** OpenTelemetry (OTEL_*): a span per request, continuing the caller's traceparent. */
  tracing?: Tracing | null;
  /** The context of one admitted request (with its span when traced). */
  context(ids: RequestIds, caller: Caller, trace?: SpanScope): Promise<Context>;
  /** Called once the response made with `context` is sent (or failed). */
  ended?(context: Context): void;
  /** Headers of Apollo's HTML answer, the landing page (its CSP, no framing). */
  pageHeaders?(): Readonly<Record<string, string>>;
}

/**
 * `/graphql` over node:http, in stages: request id, admission (Host, CORS, caller), body,
 * the persisted-query pre-check, then Apollo with a fresh context, its answer streamed back.
 * Each stage that refuses answers the request itself.
 */
export const createGraphQLHandler = <Context extends object>(
  options: GraphQLHandlerOptions<Context>,
) => {
  /** Caller authentication, as a child span of the request's when traced. */
  const admit = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
    op: SpanScope | undefined,
  ) => {
    const span = op && startChild(op, "auth");
    const caller = await options.admit(req, res, url, requestId);
    if (span) {
      span.setAttribute("account_graph.caller.kind", caller?.kind ?? "refused");
      if (caller) span.end();
      else endFailed(span, String(res.statusCode));
    }
    return caller;
  };
  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    op: SpanScope | undefined,
  ): Promise<void> => {
    const ids = requestIdsOf(req, res);
    const caller = await admit(req, res, url, ids.requestId, op);
    if (caller === null) return;
    const read = await readGraphQLBody(req, res);
    if (read.answered) return;
    const method = (req.method ?? "GET").toUpperCase();
    const request = applyTrustedDocuments(options.trusted ?? null, caller, {
      method,
      body: read.body,
      search: url.searchParams,
      apq: options.apq,
    });
    if (!request.ok) {
      options.onRefused?.(request.refusal.body.errors[0]?.extensions.code ?? "BAD_REQUEST");
      return sendJson(res, request.refusal.status, request.refusal.body);
    }
    const search = new URLSearchParams(request.search);
    const apq = persistedQueryRefusal(options.apq, method, request.body, search);
    if (apq) return sendJson(res, apq.status, apq.body);
    let made: Context | undefined;
    try {
      const response = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method,
          headers: headerMapOf(req),
          search: request.search,
          body: request.body,
        },
        context: async () => {
          made = await options.context(ids, caller, op);
          return made;
        },
      });
      await sendApolloResponse(res, response, options.pageHeaders);
    } finally {
      if (made) options.ended?.(made);
    }
  };
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const op = options.tracing?.startRequest(req.headers, (req.method ?? "GET").toUpperCase());
    try {
      await handle(req, res, url, op);
    } finally {
      if (op) {
        op.span.setAttribute("http.response.status_code", res.statusCode);
        op.span.end();
      }
    }
  };
};
