import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
// The flags of `npm start`, the image and the bench: the heap a deployment runs with.
import { NODE_FLAGS } from "../../scripts/node-flags.mjs";

/**
 * The service as `npm start` runs it (same heap flags), from the sources, on port 0, with its
 * resident memory readable: for memory tests (service-process.ts is the plain one).
 */
export interface MeasuredProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/graphql` */
  url: string;
  /** Resident set size now, in bytes (Linux /proc). */
  rss(): Promise<number>;
  alive(): boolean;
  kill(): void;
}

const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !k.startsWith("LOGINRADIUS_") && !k.startsWith("EMULATOR_"),
  ),
);

export const startMeasuredProcess = async (
  env: Record<string, string>,
): Promise<MeasuredProcess> => {
  const child = spawn(process.execPath, [...NODE_FLAGS, "--import", "tsx", "src/main.ts"], {
    env: { ...CLEAN_ENV, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Every line is read (and dropped) for the whole run: a full pipe would stall the service.
  // stdout holds only the audit trail; the log (pino JSON on stderr) names the URL when ready.
  child.stdout?.resume();
  const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on("line", (line) => {
      const ready = /ready at (http:\/\/[^ ]+\/graphql)/.exec(line)?.[1];
      if (ready) resolve(ready);
    });
    child.once("exit", (code) => reject(new Error(`the service exited (${code}) before ready`)));
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  return {
    child,
    url,
    async rss() {
      const status = await readFile(`/proc/${child.pid}/status`, "utf8");
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      if (kb === undefined) throw new Error("no VmRSS in /proc status");
      return Number(kb) * 1024;
    },
    alive: () => !exited,
    kill: () => {
      if (!exited) child.kill("SIGKILL");
    },
  };
};
