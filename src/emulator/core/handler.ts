import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { readBody } from "../../http/read-body.js";
import { answer } from "./answer.js";
import type { CallLog, CallRecord } from "./call-log.js";
import type { ControlState } from "./control.js";
import { checkCredentials } from "./credentials.js";
import { CORE, LrError } from "./errors.js";
import type { FaultAction } from "./faults.js";
import type { SiteRateLimit } from "./rate-limit.js";
import { Query, type Route } from "./request.js";
import { createRouter, routeName } from "./router.js";
import type { SigningPolicy } from "./signature.js";
import {
  applyFields,
  dispatchControl,
  isControlPath,
  noRoute,
  parseBody,
  spoil,
} from "./stages.js";

export interface HandlerState extends ControlState {
  routes: Route[];
  stores: Record<string, unknown>;
  credentials: { apiKey: string; apiSecret: string };
  now: () => Date;
  /** Added to every API call before it is routed (EMULATOR_LATENCY_MS): a stand-in for the network. */
  latencyMs: number;
  /** EMULATOR_RATE_LIMIT_PER_SECOND: absent = no limit (the default). */
  rateLimit?: SiteRateLimit;
  /** How request signatures are checked (EMULATOR_REQUIRE_SIGNING, EMULATOR_SIGNATURE_SKEW_SECONDS). */
  signing: SigningPolicy;
}

interface Found {
  route: Route;
  params: Record<string, string>;
}

/** Credentials, body, handler, `fields`: an LrError (or anything else, as 950) becomes its body. */
const execute = (
  state: HandlerState,
  found: Found,
  req: IncomingMessage,
  query: Query,
  text: string,
): { status: number; body: unknown } => {
  try {
    const now = state.now();
    // The URL the client signed: ours as it reached us (the Host it called, the path and query).
    const url = `http://${req.headers.host ?? ""}${req.url ?? "/"}`;
    checkCredentials(
      query,
      req.headers,
      state.credentials,
      { url, body: text, policy: state.signing, now },
      found.route.credentials === "key",
    );
    const body = parseBody(found.route, req, text);
    const origin = { headers: req.headers, route: routeName(found.route), query, now };
    const result = state.storage.during(origin, () =>
      found.route.handle({
        stores: state.stores,
        outbox: state.outbox,
        params: found.params,
        query,
        body,
        headers: req.headers,
        now,
      }),
    );
    return { status: 200, body: applyFields(found.route, query, result) };
  } catch (error) {
    if (!(error instanceof LrError)) console.error("emulator: unexpected error in handler", error);
    const lr = error instanceof LrError ? error : CORE.fail(950);
    return { status: lr.status, body: lr.body };
  }
};

/** Runs the route under its fault, if one applies: before the work, or after it (`after: true`). */
const runWithFault = async (
  state: HandlerState,
  found: Found,
  call: CallRecord,
  req: IncomingMessage,
  res: ServerResponse,
  query: Query,
  text: string,
): Promise<void> => {
  const fault: FaultAction | undefined = state.faults.take(routeName(found.route), call.path);
  if (fault) {
    call.fault = fault.kind === "respond" ? String(fault.status) : fault.kind;
    if (fault.delayMs > 0) await sleep(fault.delayMs);
  }
  const spoiled = (after: boolean) => {
    if (!fault || fault.after !== after || !spoil(fault, res, call)) return false;
    call.status = res.statusCode;
    return true;
  };
  if (spoiled(false)) return;
  const { status, body } = execute(state, found, req, query, text);
  if (spoiled(true)) return;
  call.status = status;
  answer(res, status, body, {}, call);
};

const startCall = (
  calls: CallLog,
  method: string,
  url: URL,
  query: Query,
  route: Route | null,
  now: Date,
) =>
  calls.start(
    {
      method,
      path: url.pathname,
      route: route ? routeName(route) : null,
      query: query.names,
      fields: query.get("fields") ?? null,
    },
    now,
  );

/**
 * The emulator's request pipeline: read the body, dispatch controls, match the route, log the
 * call, apply a fault, execute. Knows no section: routes and stores come in `state`.
 */
export const createHandler = (state: HandlerState): RequestListener => {
  const match = createRouter(state.routes);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const method = (req.method ?? "GET").toUpperCase();
    let text: string;
    try {
      text = await readBody(req);
    } catch {
      const lr = CORE.fail(958);
      answer(res, lr.status, lr.body);
      return;
    }
    if (isControlPath(url.pathname)) {
      dispatchControl(state, method, url, text, res);
      return;
    }
    const query = new Query(url.searchParams);
    const found = match(method, url.pathname);
    const route = found.kind === "found" ? found.route : null;
    const call = startCall(state.calls, method, url, query, route, state.now());
    // 'close' fires once whether the response finished or the socket was dropped.
    res.once("close", () => state.calls.end());
    if (state.latencyMs > 0) await sleep(state.latencyMs);
    const limited = state.rateLimit?.refuse(query, req.headers, state.now());
    if (limited) {
      call.status = limited.status;
      answer(res, limited.status, limited.body, limited.headers, call);
      return;
    }
    if (found.kind !== "found") {
      const allowed = found.kind === "wrong-method" ? found.allowed : undefined;
      const unrouted = noRoute(allowed);
      call.status = unrouted.status;
      answer(res, unrouted.status, unrouted.body, unrouted.headers, call);
      return;
    }
    await runWithFault(state, found, call, req, res, query, text);
  };

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const lr = error instanceof LrError ? error : CORE.fail(950);
      if (!res.headersSent) answer(res, lr.status, lr.body);
    });
  };
};
