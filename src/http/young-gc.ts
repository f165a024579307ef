import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Minor GCs asked for by the bytes of request bodies read. Node reads a body off the socket in
 * buffers of up to 64 KiB outside the JS heap; they die young, but V8 runs a minor GC only when
 * the young generation of the JS heap fills (16 MB semi-spaces, scripts/node-flags.mjs), and a
 * flood of 1 MB bodies allocates little JS. The dead read buffers then piled up to V8's limit for
 * external memory (about 64 MB) before a major GC freed them: the process grew by 70-80 MB on
 * Node 24 and 26 under 1,000 distinct 1 MB queries, about 25 MB with a minor GC per 16 MiB read.
 * A minor GC takes 1-4 ms; ordinary traffic (a few KB per request) reaches 16 MiB in thousands of
 * requests, between which V8 has run many of its own.
 */
export interface YoungGc {
  /** `bytes` more were read; collects once the total since the last collection reaches the step. */
  read(bytes: number): void;
}

export const youngGcEvery = (step: number, collect: () => void = minorGc): YoungGc => {
  let since = 0;
  return {
    read(bytes) {
      since += bytes;
      if (since < step) return;
      since = 0;
      collect();
    },
  };
};

type Gc = (options: { type: "minor" | "major" }) => void;
let v8Gc: Gc | null | undefined;

/**
 * V8's own `gc`, taken on first use without starting node with --expose-gc (the way the
 * `expose-gc` package does it): the flag exposes it to contexts made afterwards, so one new
 * context hands it over and the main context's globals stay as they were (vm contexts and
 * Workers made later do see a global `gc`; the service makes none). Null where the runtime
 * refuses, and then nothing is collected early.
 */
export const exposedGc = (): Gc | null => {
  if (v8Gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("gc");
      v8Gc = typeof gc === "function" ? (gc as Gc) : null;
    } catch {
      v8Gc = null;
    }
  }
  return v8Gc;
};

const minorGc = () => exposedGc()?.({ type: "minor" });
