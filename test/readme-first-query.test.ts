import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The README's "A first query, with a token" runs as written: its first shell block (with
 * `npm start` as the service: `src/main.ts` with no LoginRadius credentials, so the built-in
 * emulator and its demo data) computes AUTH_TOKENS, its curl command runs against that service
 * (only the port differs: the test listens on a free one), and the answer is the JSON the README
 * shows. Without the header the service answers 401, as the README says.
 */
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const README_URL = "http://127.0.0.1:4000/graphql";

const section = (() => {
  const start = readme.indexOf("\n## A first query, with a token\n");
  const rest = readme.slice(start + 1);
  const next = rest.indexOf("\n## ", 1);
  return start < 0 ? "" : next < 0 ? rest : rest.slice(0, next);
})();
const blocks = (lang: string) =>
  [...section.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map(
    (m) => m[1] ?? "",
  );
const [startBlock = "", curlBlock = ""] = blocks("sh");
const [answerBlock = ""] = blocks("json");

/** The start block with `npm start` replaced by printing the environment it would get. */
const authTokens = (): string => {
  expect(startBlock.trimEnd()).toMatch(/ npm start$/);
  const script = startBlock.trimEnd().replace(/ npm start$/, '\nprintf %s "$AUTH_TOKENS"');
  return execFileSync("bash", ["-c", script], { encoding: "utf8" });
};

/** The test runner's environment without LoginRadius, emulator or caller-auth settings. */
const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(LOGINRADIUS_|EMULATOR|AUTH_|AUDIT_LOG_FILE|NODE_ENV$|HOST$|PORT$)/.test(k),
  ),
);

let child: ChildProcess;
let url = "";
let output = "";

beforeAll(async () => {
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...CLEAN_ENV, PORT: "0", AUTH_TOKENS: authTokens() },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = once(child, "exit");
  url = await new Promise<string>((resolve, reject) => {
    for (const input of [child.stdout, child.stderr])
      createInterface({ input: input as NodeJS.ReadableStream }).on("line", (line) => {
        output += `${line}\n`;
        const ready = /ready at (http:\/\/[^ ]+\/graphql)/.exec(line)?.[1];
        if (ready) resolve(ready);
      });
    void exited.then(() => reject(new Error(`the service exited before it was ready:\n${output}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
});

describe("the README's first query", () => {
  it("starts the service with the emulator and says where it is ready, as the README quotes", () => {
    expect(output).toContain("built-in LoginRadius emulator");
    const quoted = /Once it prints `([^`]+)`/.exec(section)?.[1] ?? "";
    expect(quoted).toBe(`Account Graph ready at ${README_URL}`);
    expect(output).toContain(quoted.replace(README_URL, url));
  });

  it("serves as many demo accounts as the README's first lines say", () => {
    const said = /(\d+) demo accounts/.exec(readme)?.[1];
    expect(said).toBeDefined();
    expect(output).toContain(`with ${said} demo accounts`);
  });

  it("answers the curl command with the JSON the README shows", () => {
    expect(curlBlock).toContain(README_URL);
    const stdout = execFileSync("bash", ["-c", curlBlock.replace(README_URL, url)], {
      encoding: "utf8",
    });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(answerBlock));
  });

  it("refuses the same query without the token: 401 UNAUTHENTICATED", async () => {
    const body = /-d '([^']+)'/.exec(curlBlock)?.[1] ?? "";
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(res.status).toBe(401);
    const answer = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(answer.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});
