import { customErrorBody, type LrErrorBody } from "./errors.js";

/**
 * Fault injection for resilience tests and benchmarks (POST /__emulator/faults). A fault applies
 * to the next `count` matching calls, or to a `rate` fraction of them (decided by a seeded PRNG, so
 * a run is repeatable), optionally only on one route. `after: true` lets the call do its work first
 * and then spoils the response: the case where a write happened but the caller never heard.
 */
export type FaultKind = "delay" | "error" | "rateLimit" | "drop" | "malformed";

export interface FaultSpec {
  kind: FaultKind;
  /** A route name as the call log shows it (`PUT /identity/v2/manage/account/{uid}`); all when absent. */
  route?: string;
  /** One exact path (`/identity/v2/manage/account/grace-hopper`), any casing; all when absent. */
  path?: string;
  count?: number;
  rate?: number;
  delayMs?: number;
  status?: number;
  errorCode?: number;
  description?: string;
  retryAfter?: number;
  after?: boolean;
}

export interface Fault extends FaultSpec {
  id: number;
  remaining: number | null;
  hits: number;
}

/** What the app does to a call a fault picked. */
export type FaultAction =
  | { kind: "delay"; delayMs: number; after: boolean }
  | {
      kind: "respond";
      status: number;
      body: LrErrorBody;
      headers: Record<string, string>;
      delayMs: number;
      after: boolean;
    }
  | { kind: "drop"; delayMs: number; after: boolean }
  | { kind: "malformed"; delayMs: number; after: boolean };

const KINDS: FaultKind[] = ["delay", "error", "rateLimit", "drop", "malformed"];

/**
 * The longest injected wait, as EMULATOR_LATENCY_MS's bound: a fault holds a socket and a timer
 * for its delay, so an unbounded one (or 10^15 ms, which Node turns into 1 ms) is refused.
 */
export const MAX_FAULT_DELAY_MS = 60_000;
/** Faults held at once: each is checked on every API call. */
export const MAX_FAULTS = 1_000;

/** Checks a fault request body; returns the problems, so a bad request changes nothing. */
export const checkFaultSpec = (input: unknown): { spec?: FaultSpec; problems: string[] } => {
  const problems: string[] = [];
  if (input === null || typeof input !== "object" || Array.isArray(input))
    return { problems: ["The body must be a JSON object."] };
  const spec = input as Record<string, unknown>;
  if (!KINDS.includes(spec.kind as FaultKind))
    problems.push(`kind must be one of ${KINDS.join(", ")}; got ${JSON.stringify(spec.kind)}.`);
  const nonNegativeInt = (name: string) => {
    const v = spec[name];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0))
      problems.push(`${name} must be a whole number >= 0; got ${JSON.stringify(v)}.`);
  };
  for (const name of ["count", "delayMs", "errorCode", "retryAfter"]) nonNegativeInt(name);
  if (typeof spec.delayMs === "number" && spec.delayMs > MAX_FAULT_DELAY_MS)
    problems.push(`delayMs must be at most ${MAX_FAULT_DELAY_MS}; got ${spec.delayMs}.`);
  if (
    spec.status !== undefined &&
    !(
      Number.isInteger(spec.status) &&
      (spec.status as number) >= 400 &&
      (spec.status as number) <= 599
    )
  )
    problems.push(
      `status must be an HTTP error status (400-599); got ${JSON.stringify(spec.status)}.`,
    );
  if (
    spec.rate !== undefined &&
    !(typeof spec.rate === "number" && spec.rate >= 0 && spec.rate <= 1)
  )
    problems.push(`rate must be a number from 0 to 1; got ${JSON.stringify(spec.rate)}.`);
  if (spec.path !== undefined && typeof spec.path !== "string")
    problems.push("path must be a string such as '/identity/v2/manage/account/grace-hopper'.");
  if (spec.route !== undefined && typeof spec.route !== "string")
    problems.push("route must be a string such as 'GET /identity/v2/manage/account/{uid}'.");
  if (spec.after !== undefined && typeof spec.after !== "boolean")
    problems.push("after must be true or false.");
  return problems.length > 0 ? { problems } : { spec: spec as unknown as FaultSpec, problems };
};

export class FaultTable {
  private faults: Fault[] = [];
  private nextId = 1;
  private state = 0x9e3779b9;

  list(): Fault[] {
    return this.faults;
  }

  add(spec: FaultSpec): Fault {
    const remaining = spec.count ?? (spec.rate === undefined ? 1 : null);
    const fault: Fault = { ...spec, id: this.nextId++, remaining, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
    this.state = 0x9e3779b9;
  }

  /** Picks the first active fault for this route and uses up one of its calls. */
  take(routeName: string, path: string): FaultAction | undefined {
    for (const fault of this.faults) {
      if (fault.remaining === 0) continue;
      if (fault.route !== undefined && fault.route.toLowerCase() !== routeName.toLowerCase())
        continue;
      if (fault.path !== undefined && fault.path.toLowerCase() !== path.toLowerCase()) continue;
      if (fault.rate !== undefined && this.random() >= fault.rate) continue;
      if (fault.remaining !== null) fault.remaining--;
      fault.hits++;
      return toAction(fault);
    }
    return undefined;
  }

  private random(): number {
    // xorshift32: deterministic, so `rate` faults hit the same calls on every run.
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4294967296;
  }
}

const toAction = (fault: Fault): FaultAction => {
  const delayMs = fault.delayMs ?? 0;
  const after = fault.after ?? false;
  switch (fault.kind) {
    case "delay":
      return { kind: "delay", delayMs, after };
    case "drop":
      return { kind: "drop", delayMs, after };
    case "malformed":
      return { kind: "malformed", delayMs, after };
    case "rateLimit":
      return {
        kind: "respond",
        status: 429,
        body: customErrorBody(
          fault.errorCode ?? 429,
          fault.description ?? "Too many requests in a particular time frame",
        ),
        headers: { "retry-after": String(fault.retryAfter ?? 1) },
        delayMs,
        after,
      };
    case "error":
      return {
        kind: "respond",
        status: fault.status ?? 500,
        body: customErrorBody(
          fault.errorCode ?? 950,
          fault.description ?? "An unknown error occurred.",
        ),
        headers: {},
        delayMs,
        after,
      };
  }
};
