import type { CallLog } from "./call-log.js";
import { checkFaultSpec, type FaultTable, MAX_FAULTS } from "./faults.js";
import type { Outbox } from "./outbox.js";
import type { Storage } from "./storage.js";

export const CONTROL_PREFIX = "/__emulator";

export interface ControlState {
  storage: Storage;
  calls: CallLog;
  faults: FaultTable;
  outbox: Outbox;
}

export interface ControlResult {
  status: number;
  body: unknown;
}

const ok = (body: unknown): ControlResult => ({ status: 200, body });
const bad = (problems: string[]): ControlResult => ({
  status: 400,
  body: { error: "bad request", problems },
});

/** A section's own controls (its slice's `control`), first to answer wins. */
const sliceControl = (
  state: ControlState,
  method: string,
  path: string,
  search: URLSearchParams,
  body: unknown,
): ControlResult | undefined => {
  for (const slice of state.storage.slices.values()) {
    const result = slice.control?.(method, path, search, body);
    if (result) return result;
  }
  return undefined;
};

/**
 * Test controls, outside `/identity` so no LoginRadius client can reach them by accident:
 * health, reset every section's store to its seed, the call log, fault injection and the outbox. No credentials:
 * the emulator binds to loopback.
 */
export const handleControl = (
  state: ControlState,
  method: string,
  path: string,
  search: URLSearchParams,
  body: unknown,
): ControlResult => {
  // Exact paths only: no trailing slash, no other casing, nothing appended, so a proxy rule or
  // a client cannot reach a control through a spelling nobody listed.
  const route = path.startsWith(`${CONTROL_PREFIX}/`)
    ? `${method} ${path.slice(CONTROL_PREFIX.length)}`
    : `${method} ${path}`;
  switch (route) {
    case "GET /health":
      return ok({ ok: true, ...state.storage.counts() });
    case "POST /reset":
      state.storage.reset();
      state.calls.clear();
      state.faults.clear();
      state.outbox.clear();
      return ok({ ok: true, ...state.storage.counts() });
    case "GET /calls": {
      const only = search.get("route");
      const calls = state.calls.list();
      return ok({ calls: only ? calls.filter((c) => c.route === only) : calls });
    }
    case "DELETE /calls":
      state.calls.clear();
      return ok({ ok: true });
    case "GET /faults":
      return ok({ faults: state.faults.list() });
    case "POST /faults": {
      const { spec, problems } = checkFaultSpec(body);
      if (!spec) return bad(problems);
      if (state.faults.list().length >= MAX_FAULTS)
        return bad([`At most ${MAX_FAULTS} faults at once; DELETE /__emulator/faults first.`]);
      return ok({ fault: state.faults.add(spec) });
    }
    case "DELETE /faults":
      state.faults.clear();
      return ok({ ok: true });
    case "GET /outbox":
      return ok({ messages: state.outbox.messages });
    case "DELETE /outbox":
      state.outbox.clear();
      return ok({ ok: true });
    default:
      return (
        sliceControl(state, method, route.slice(method.length + 1), search, body) ?? {
          status: 404,
          body: {
            error: "not found",
            problems: [`No control endpoint ${route}; see src/emulator/README.md.`],
          },
        }
      );
  }
};
