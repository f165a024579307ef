import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { ErrorCodes } from "../errors.js";
import {
  BodyBudgetError,
  BodyTooLargeError,
  GRAPHQL_BODY_BUDGET,
  GRAPHQL_BODY_BUFFERS,
  type HeldBody,
  MAX_BODY_BYTES,
  readBodyBytes,
} from "../http/read-body.js";
import { sendJson } from "../http/send-json.js";
import {
  endFailed,
  type SpanScope,
  startChild,
  type Tracing,
  withRequestSpan,
} from "../tracing/tracing.js";
import type { Admit } from "./admit.js";
import type { Caller } from "./caller.js";
import type { Refusal } from "./limits/index.js";
import { applyTrustedDocuments, type TrustedDocuments } from "./trusted-documents.js";

/** A caller's X-Request-Id is recorded (as `clientRequestId`) only if it is plainly an ID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const badRequest = (res: ServerResponse, status: number, message: string) =>
  sendJson(res, status, { errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });

/** The ids of one request: the service's own, and the caller's when it sent one. */
export interface RequestIds {
  requestId: string;
  clientRequestId?: string;
  /** `Cache-Control: no-cache` (or `Pragma: no-cache`): upstream reads skip the read cache. */
  fresh?: boolean;
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
  const fresh = /no-cache/i.test(`${req.headers["cache-control"]} ${req.headers.pragma}`);
  const ids =
    typeof given === "string" && REQUEST_ID.test(given)
      ? { requestId, clientRequestId: given }
      : { requestId };
  return fresh ? { ...ids, fresh } : ids;
};

/**
 * The body as Apollo takes it: JSON parsed when the content type says JSON, text otherwise,
 * undefined when empty. `{ answered: true }` when it refused the body (too large, bad JSON, a
 * query over MAX_QUERY_BYTES seen in its bytes, or the process's budget of bodies held at once
 * spent: 503 SERVER_BUSY).
 */
const readGraphQLBody = async (
  req: IncomingMessage,
  res: ServerResponse,
  prescan: (body: Uint8Array) => Refusal | null,
  onRefused?: (code: string) => void,
): Promise<{ answered: true } | { answered: false; body: unknown }> => {
  let held: HeldBody;
  try {
    held = await readBodyBytes(req, MAX_BODY_BYTES, GRAPHQL_BODY_BUDGET, GRAPHQL_BODY_BUFFERS);
  } catch (error) {
    if (error instanceof BodyBudgetError) {
      const body = {
        errors: [{ message: error.message, extensions: { code: ErrorCodes.SERVER_BUSY } }],
      };
      sendJson(res, 503, body, { "retry-after": "1" });
      return { answered: true };
    }
    if (!(error instanceof BodyTooLargeError)) throw error;
    badRequest(res, 413, error.message);
    return { answered: true };
  }
  try {
    return bodyOf(req, res, held.bytes, prescan, onRefused);
  } finally {
    held.release(); // bodyOf keeps no view of the bytes: strings and parsed values are copies
  }
};

/** The read body's bytes as Apollo takes them (see readGraphQLBody). */
const bodyOf = (
  req: IncomingMessage,
  res: ServerResponse,
  bytes: Buffer,
  prescan: (body: Uint8Array) => Refusal | null,
  onRefused?: (code: string) => void,
): { answered: true } | { answered: false; body: unknown } => {
  if (bytes.length === 0) return { answered: false, body: undefined };
  const type = String(req.headers["content-type"] ?? "");
  if (!type.toLowerCase().startsWith("application/json"))
    return { answered: false, body: bytes.toString("utf8") };
  // A GET's query is in its URL (Apollo ignores a GET body), checked after parsing as before.
  const refused = req.method === "POST" ? prescan(bytes) : null;
  if (refused) {
    onRefused?.(refused.body.errors[0]?.extensions.code ?? "BAD_REQUEST");
    sendJson(res, refused.status, refused.body);
    return { answered: true };
  }
  try {
    return { answered: false, body: JSON.parse(bytes.toString("utf8")) };
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
  /** Whether automatic persisted queries are on (LIMITS), for the trusted-documents stage. */
  apq: boolean;
  /** The limits' checks before parsing (query size and nesting, malformed APQ). */
  precheck(method: string, body: unknown, search: URLSearchParams): Refusal | null;
  /** The query-size check on a JSON body's bytes, before they become a string. */
  prescan(body: Uint8Array): Refusal | null;
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

/** Caller authentication, as a child span of the request's when traced. */
const admitTraced = async (
  admit: Admit,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  requestId: string,
  op: SpanScope | undefined,
) => {
  const span = op && startChild(op, "auth");
  const caller = await admit(req, res, url, requestId);
  if (span) {
    span.setAttribute("account_graph.caller.kind", caller?.kind ?? "refused");
    if (caller) span.end();
    else endFailed(span, String(res.statusCode));
  }
  return caller;
};

/** One admitted request as Apollo runs it: a fresh context, the answer streamed back. */
interface Admitted {
  ids: RequestIds;
  caller: Caller;
  op: SpanScope | undefined;
  method: string;
  body: unknown;
  search: string;
}

const runApollo = async <Context extends object>(
  options: GraphQLHandlerOptions<Context>,
  req: IncomingMessage,
  res: ServerResponse,
  run: Admitted,
): Promise<void> => {
  let made: Context | undefined;
  try {
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: run.method,
        headers: headerMapOf(req),
        search: run.search,
        body: run.body,
      },
      context: async () => {
        made = await options.context(run.ids, run.caller, run.op);
        return made;
      },
    });
    await sendApolloResponse(res, response, options.pageHeaders);
  } finally {
    if (made) options.ended?.(made);
  }
};

/**
 * `/graphql` over node:http, in stages (its Host already checked before routing, see
 * src/http/host-guard.ts): request id, admission (CORS, caller), body,
 * trusted documents, the pre-parse checks (query size, nesting, persisted query), then Apollo
 * with a fresh context, its answer streamed back. Each stage that refuses answers the request
 * itself.
 */
export const createGraphQLHandler = <Context extends object>(
  options: GraphQLHandlerOptions<Context>,
) =>
  withRequestSpan(options.tracing, async (req, res, url, op) => {
    const ids = requestIdsOf(req, res);
    const caller = await admitTraced(options.admit, req, res, url, ids.requestId, op);
    if (caller === null) return;
    const read = await readGraphQLBody(req, res, options.prescan, options.onRefused);
    if (read.answered) return;
    const method = (req.method ?? "GET").toUpperCase();
    const request = applyTrustedDocuments(options.trusted ?? null, caller, {
      method,
      body: read.body,
      search: url.searchParams,
      rawSearch: url.search,
      apq: options.apq,
    });
    if (!request.ok) {
      options.onRefused?.(request.refusal.body.errors[0]?.extensions.code ?? "BAD_REQUEST");
      return sendJson(res, request.refusal.status, request.refusal.body);
    }
    const refused = options.precheck(method, request.body, request.params);
    if (refused) {
      options.onRefused?.(refused.body.errors[0]?.extensions.code ?? "BAD_REQUEST");
      return sendJson(res, refused.status, refused.body);
    }
    await runApollo(options, req, res, {
      ids,
      caller,
      op,
      method,
      body: request.body,
      search: request.search,
    });
  });
