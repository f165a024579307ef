import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { RunningEmulator } from "./emulator.js";

/** The test runner's environment without LoginRadius or emulator settings. */
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !k.startsWith("LOGINRADIUS_") && !k.startsWith("EMULATOR_") && k !== "AUDIT_LOG_FILE",
  ),
);

export interface ServiceProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/graphql`. */
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
}

/**
 * `src/main.ts` as a real process on port 0 against an emulator the test runs, with `env` over
 * plain test settings; resolves once it says it is ready (rejects with its output if it exits).
 */
export const startServiceProcess = async (
  lr: RunningEmulator,
  env: Record<string, string>,
): Promise<ServiceProcess> => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...CLEAN_ENV,
      PORT: "0",
      HOST: "127.0.0.1",
      LOGINRADIUS_API_URL: lr.url,
      LOGINRADIUS_API_KEY: lr.emulator.apiKey,
      LOGINRADIUS_API_SECRET: lr.emulator.apiSecret,
      RATE_LIMIT_OPS_PER_SECOND: "0",
      RATE_LIMIT_COST_PER_SECOND: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // stdout: the audit trail; stderr: the log (pino JSON), whose "ready at" line names the URL.
  const streams = [child.stdout, child.stderr].map((input) =>
    createInterface({ input: input as NodeJS.ReadableStream }),
  );
  const exited = once(child, "exit");
  const url = await new Promise<string>((resolve, reject) => {
    for (const lines of streams)
      lines.on("line", (line) => {
        output += `${line}\n`;
        const ready = /ready at (http:\/\/[^ ]+\/graphql)/.exec(line)?.[1];
        if (ready) resolve(ready);
      });
    void exited.then(() => reject(new Error(`the service exited before it was ready:\n${output}`)));
  });
  return {
    child,
    url,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
};
