import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { readBody } from "../http/read-body.js";
import { sendJson } from "../http/send-json.js";
import { CallLog } from "./call-log.js";
import { CONTROL_PREFIX, handleControl } from "./control.js";
import { checkCredentials } from "./credentials.js";
import { LR_CODES, LrError } from "./errors.js";
import { type FaultAction, FaultTable } from "./faults.js";
import { parseFields, project } from "./fields.js";
import { openJournal } from "./journal.js";
import { Outbox } from "./outbox.js";
import { Query, type Route } from "./request.js";
import { createRouter, routeName } from "./router.js";
import { accountRoutes } from "./routes/accounts.routes.js";
import { DEFAULT_SEED_COUNT, demoAccounts } from "./seed.js";
import { AccountStore } from "./store.js";

/** The documented demo credentials (GUIDs, as LoginRadius keys are). */
export const DEMO_API_KEY = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
export const DEMO_API_SECRET = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";

export interface EmulatorOptions {
  apiKey?: string;
  apiSecret?: string;
  /** `demo` (default) seeds the demo accounts; `none` starts empty. */
  seed?: "demo" | "none";
  /** How many demo accounts to seed (default 60). */
  seedCount?: number;
  /** A JSON-lines journal that makes every write survive a restart. */
  dataFile?: string;
  /** The clock, for tests. */
  now?: () => Date;
}

export interface Emulator {
  handler: RequestListener;
  store: AccountStore;
  calls: CallLog;
  faults: FaultTable;
  outbox: Outbox;
  apiKey: string;
  apiSecret: string;
}

const MISSING_BODY = { POST: 958, PUT: 1079, DELETE: 1081, GET: 971 } as const;

/** Parses the JSON body: wrong Content-Type 1083, malformed JSON 965, missing where required 958/1079/1081. */
const parseBody = (
  route: Route,
  req: IncomingMessage,
  text: string,
): Record<string, unknown> | undefined => {
  if (text.trim() === "") {
    if (route.body) throw new LrError(MISSING_BODY[route.method]);
    return undefined;
  }
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("application/json")) throw new LrError(1083);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new LrError(965);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    if (route.body) throw new LrError(MISSING_BODY[route.method]);
    return undefined;
  }
  return parsed as Record<string, unknown>;
};

const applyFields = (route: Route, query: Query, result: unknown): unknown => {
  const selection = route.project ? parseFields(query.get("fields")) : undefined;
  if (!selection) return result;
  if (route.project === "data" && result && typeof result === "object" && "Data" in result)
    return { ...result, Data: project((result as { Data: unknown }).Data, selection) };
  return project(result, selection);
};

/** Carries out a fault that spoils the response; returns false when the call should go on. */
const spoil = (action: FaultAction, res: ServerResponse): boolean => {
  switch (action.kind) {
    case "delay":
      return false;
    case "drop":
      res.socket?.destroy();
      return true;
    case "malformed":
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end('{"Uid":"0a9d5c1e4b7f4e2a8c3d6b5a7e9f1c20","Email":[{"Type":"Prim');
      return true;
    case "respond":
      sendJson(res, action.status, action.body, action.headers);
      return true;
  }
};

/**
 * The LoginRadius Account API twin: the documented paths, query names, bodies and error codes.
 * Returns a request listener and its state; it does not listen (see src/http/listen.ts).
 */
export const createEmulator = (options: EmulatorOptions = {}): Emulator => {
  const apiKey = options.apiKey ?? DEMO_API_KEY;
  const apiSecret = options.apiSecret ?? DEMO_API_SECRET;
  const now = options.now ?? (() => new Date());
  const seedCount = options.seedCount ?? DEFAULT_SEED_COUNT;
  const seed = options.seed === "none" ? () => [] : () => demoAccounts(seedCount);
  const store = new AccountStore(
    seed,
    options.dataFile ? openJournal(options.dataFile) : undefined,
  );
  const calls = new CallLog();
  const faults = new FaultTable();
  const outbox = new Outbox();
  const match = createRouter(accountRoutes);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const method = (req.method ?? "GET").toUpperCase();
    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      const lr = new LrError(958, {
        description: error instanceof Error ? error.message : "Unreadable body.",
      });
      sendJson(res, lr.status, lr.body);
      return;
    }

    if (url.pathname.toLowerCase().startsWith(`${CONTROL_PREFIX}/`)) {
      let body: unknown;
      try {
        body = text.trim() === "" ? undefined : JSON.parse(text);
      } catch {
        sendJson(res, 400, { error: "bad request", problems: ["The body is not valid JSON."] });
        return;
      }
      const result = handleControl(
        { store, calls, faults, outbox },
        method,
        url.pathname,
        url.searchParams,
        body,
      );
      sendJson(res, result.status, result.body);
      return;
    }

    const query = new Query(url.searchParams);
    const found = match(method, url.pathname);
    const call = calls.start(
      {
        method,
        path: url.pathname,
        route: found.kind === "found" ? routeName(found.route) : null,
        query: query.names,
        fields: query.get("fields") ?? null,
      },
      now(),
    );
    // 'close' fires once whether the response finished or the socket was dropped.
    res.once("close", () => calls.end());
    const send = (status: number, body: unknown, headers?: Record<string, string>) => {
      call.status = status;
      sendJson(res, status, body, headers);
    };

    if (found.kind !== "found") {
      const wrongMethod = found.kind === "wrong-method";
      const error = new LrError(971, {
        status: wrongMethod ? 405 : 404,
        description: wrongMethod
          ? `${method} is not allowed on ${url.pathname}; use ${found.allowed.join(" or ")}.`
          : `No LoginRadius API endpoint matches ${method} ${url.pathname}.`,
      });
      send(error.status, error.body, wrongMethod ? { allow: found.allowed.join(", ") } : {});
      return;
    }

    const fault = faults.take(routeName(found.route), url.pathname);
    if (fault) {
      call.fault = fault.kind === "respond" ? String(fault.status) : fault.kind;
      if (fault.delayMs > 0) await sleep(fault.delayMs);
      if (!fault.after && spoil(fault, res)) {
        call.status = res.statusCode;
        return;
      }
    }

    let status = 200;
    let body: unknown;
    try {
      checkCredentials(query, req.headers, { apiKey, apiSecret });
      const parsed = parseBody(found.route, req, text);
      const result = found.route.handle({
        store,
        outbox,
        params: found.params,
        query,
        body: parsed,
        headers: req.headers,
        now: now(),
      });
      body = applyFields(found.route, query, result);
    } catch (error) {
      const lr =
        error instanceof LrError ? error : new LrError(950, { status: LR_CODES[950].status });
      if (!(error instanceof LrError))
        console.error("emulator: unexpected error in handler", error);
      status = lr.status;
      body = lr.body;
    }
    if (fault?.after && spoil(fault, res)) {
      call.status = res.statusCode;
      return;
    }
    send(status, body);
  };

  const handler: RequestListener = (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const lr = error instanceof LrError ? error : new LrError(950);
      if (!res.headersSent) sendJson(res, lr.status, lr.body);
    });
  };

  return { handler, store, calls, faults, outbox, apiKey, apiSecret };
};
