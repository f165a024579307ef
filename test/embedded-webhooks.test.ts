import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_KEY, DEMO_API_SECRET } from "../src/emulator/app.js";
import { ACCOUNT, ADA } from "./helpers/emulator.js";

/**
 * `npm start` without credentials: the service subscribes itself to its embedded emulator's
 * webhooks, so a change made directly on the emulator is read fresh long before CACHE_TTL_MS
 * (ten minutes here).
 */
let child: ChildProcess;
let service = "";
let emulator = "";

beforeAll(async () => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith("LOGINRADIUS_") && !k.startsWith("EMULATOR_"),
    ),
  );
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...env, PORT: "0", HOST: "127.0.0.1", EMULATOR_PORT: "0", CACHE_TTL_MS: "600000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = once(child, "exit");
  await new Promise<void>((resolve, reject) => {
    for (const input of [child.stdout, child.stderr])
      createInterface({ input: input as NodeJS.ReadableStream }).on("line", (line) => {
        output += `${line}\n`;
        emulator ||= /"emulator":"(http:\/\/[^"]+)"/.exec(line)?.[1] ?? "";
        service ||= /ready at (http:\/\/[^ ]+\/graphql)/.exec(line)?.[1] ?? "";
        if (service && emulator) resolve();
      });
    void exited.then(() => reject(new Error(`the service exited:\n${output}`)));
  });
}, 60_000);
afterAll(async () => {
  if (child.exitCode === null) {
    child.kill("SIGKILL");
    await once(child, "exit");
  }
});

const firstName = async (): Promise<string> => {
  const res = await fetch(service, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ accountByUid(uid: "${ADA}") { firstName } }` }),
  });
  return ((await res.json()) as { data: { accountByUid: { firstName: string } } }).data.accountByUid
    .firstName;
};

describe("the embedded emulator's webhooks", () => {
  it("reach the service: a direct change is read long before the ten-minute TTL", async () => {
    expect(await firstName()).toBe("Ada");
    const put = await fetch(`${emulator}${ACCOUNT}/${ADA}`, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        "X-LoginRadius-ApiKey": DEMO_API_KEY,
        "X-LoginRadius-ApiSecret": DEMO_API_SECRET,
      },
      body: JSON.stringify({ FirstName: "Countess" }),
    });
    expect(put.status).toBe(200);
    const until = Date.now() + 10_000;
    let seen = await firstName();
    while (seen !== "Countess" && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      seen = await firstName();
    }
    expect(seen).toBe("Countess");
    const log = (await (await fetch(`${emulator}/__emulator/webhooks`)).json()) as {
      deliveries: { event: string; results: number[] }[];
    };
    expect(log.deliveries.map((d) => [d.event, d.results])).toEqual([["UpdateProfile", [200]]]);
  }, 30_000);
});
