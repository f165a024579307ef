import type { Cancel } from "../loginradius/deadline.js";
import { deadlinePassed } from "../loginradius/upstream-error.js";
import { covers, type ReadKey } from "./read-key.js";

/** One upstream read in flight that identical reads may join. */
interface Flight {
  key: ReadKey;
  answer: Promise<{ value: unknown; text: string }>;
}

/** A caller's wait for a shared answer, ended by its own deadline without touching the call. */
export const awaitOwn = <T>(answer: Promise<T>, endpoint: string, signal?: Cancel): Promise<T> => {
  if (!signal) return answer;
  if (signal.aborted) return Promise.reject(deadlinePassed(endpoint));
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(deadlinePassed(endpoint));
    signal.addEventListener("abort", abort, { once: true });
    answer.then(
      (value) => {
        signal.removeEventListener("abort", abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", abort);
        reject(error);
      },
    );
  });
};

/**
 * Reads in flight, by endpoint and identifiers: a read whose fields are a subset of one in flight
 * joins it. A drop of an account detaches its flights (they still answer their callers), so a
 * read that starts after a write never joins a call that may have started before it.
 */
export const createFlights = () => {
  const byBase = new Map<string, Flight[]>();
  const detach = (base: string, flight: Flight) => {
    const list = byBase.get(base);
    const at = list?.indexOf(flight) ?? -1;
    if (list && at >= 0) list.splice(at, 1);
    if (list?.length === 0) byBase.delete(base);
  };
  return {
    find(key: ReadKey): Flight | null {
      for (const flight of byBase.get(key.base) ?? [])
        if (covers(flight.key.fields, key.fields)) return flight;
      return null;
    },
    /** Starts `run` as a flight others may join; it leaves the table when it settles. */
    start(key: ReadKey, run: () => Promise<{ value: unknown; text: string }>): Flight {
      const flight: Flight = { key, answer: run() };
      const list = byBase.get(key.base) ?? [];
      byBase.set(key.base, list);
      list.push(flight);
      const leave = () => detach(key.base, flight);
      flight.answer.then(leave, leave);
      return flight;
    },
    /** Detaches the accounts' flights and those keyed otherwise ("?"); none named: every flight. */
    drop(owners: readonly string[]) {
      for (const [base, list] of [...byBase])
        for (const flight of [...list])
          if (owners.length === 0 || flight.key.owner === "?" || owners.includes(flight.key.owner))
            detach(base, flight);
    },
  };
};
