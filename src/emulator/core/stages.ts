import type { IncomingMessage, ServerResponse } from "node:http";
import { answer } from "./answer.js";
import type { CallRecord } from "./call-log.js";
import { CONTROL_PREFIX, type ControlState, handleControl } from "./control.js";
import { CORE } from "./errors.js";
import type { FaultAction } from "./faults.js";
import { parseFields, project } from "./fields.js";
import type { Query, Route } from "./request.js";

const MISSING_BODY = { POST: 958, PUT: 1079, DELETE: 1081, GET: 971 } as const;

const FORM = "application/x-www-form-urlencoded";

/**
 * A form-encoded body as an object of strings: 1083's own text names
 * `application/x-www-form-urlencoded` beside JSON as accepted. A repeated name keeps its last value.
 */
const parseForm = (text: string): Record<string, unknown> =>
  Object.fromEntries(new URLSearchParams(text));

/**
 * Parses the body, JSON or form-encoded: another Content-Type 1083, malformed JSON 965, missing
 * where required 958/1079/1081.
 */
export const parseBody = (
  route: Route,
  req: IncomingMessage,
  text: string,
): Record<string, unknown> | undefined => {
  if (text.trim() === "") {
    if (route.body) throw CORE.fail(MISSING_BODY[route.method]);
    return undefined;
  }
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith(FORM)) return parseForm(text);
  if (!type.startsWith("application/json")) throw CORE.fail(1083);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw CORE.fail(965);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    if (route.body) throw CORE.fail(MISSING_BODY[route.method]);
    return undefined;
  }
  return parsed as Record<string, unknown>;
};

/** The `fields` projection, where the route allows it: the whole response or each item of `Data`. */
export const applyFields = (route: Route, query: Query, result: unknown): unknown => {
  const selection = route.project ? parseFields(query.get("fields")) : undefined;
  if (!selection) return result;
  if (route.project === "data" && result && typeof result === "object" && "Data" in result)
    return { ...result, Data: project((result as { Data: unknown }).Data, selection) };
  return project(result, selection);
};

/**
 * Carries out a fault that spoils the response (noting the bytes sent in the call record);
 * returns false when the call should go on.
 */
export const spoil = (action: FaultAction, res: ServerResponse, call: CallRecord): boolean => {
  switch (action.kind) {
    case "delay":
      return false;
    case "drop":
      res.socket?.destroy();
      return true;
    case "malformed": {
      const text = '{"Uid":"0a9d5c1e4b7f4e2a8c3d6b5a7e9f1c20","Email":[{"Type":"Prim';
      call.bytes = Buffer.byteLength(text);
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(text);
      return true;
    }
    case "respond":
      answer(res, action.status, action.body, action.headers, call);
      return true;
  }
};

/** Control requests (`/__emulator/...`): plain JSON, no credentials, no call log. */
export const dispatchControl = (
  state: ControlState,
  method: string,
  url: URL,
  text: string,
  res: ServerResponse,
): void => {
  let body: unknown;
  try {
    body = text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    answer(res, 400, { error: "bad request", problems: ["The body is not valid JSON."] });
    return;
  }
  const result = handleControl(state, method, url.pathname, url.searchParams, body);
  answer(res, result.status, result.body);
};

export const isControlPath = (pathname: string): boolean =>
  pathname.toLowerCase().startsWith(`${CONTROL_PREFIX}/`);

/**
 * An unknown path is 971 with its documented status (400, "Invalid request"); a known path with
 * another method 405 with `Allow` (the HTTP table's "wrong method"), also 971.
 */
export const noRoute = (allowed: string[] | undefined) => {
  const error = CORE.fail(971, allowed ? { status: 405 } : {});
  return {
    status: error.status,
    body: error.body,
    headers: allowed ? { allow: allowed.join(", ") } : ({} as Record<string, string>),
  };
};
