import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { ADA } from "./helpers/emulator.js";
import { graphqlUrlOf, jsonLines } from "./helpers/service-lines.js";

const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !k.startsWith("LOGINRADIUS_") && !k.startsWith("EMULATOR_"),
  ),
);

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
});

const startService = (env: Record<string, string>, entry = "src/main.ts") => {
  child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...CLEAN_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[
    Symbol.asyncIterator
  ]();
  const log = jsonLines(child.stderr);
  return {
    child,
    /** The next stdout line (the audit trail by default). */
    next: async () => (await lines.next()).value as string,
    /** The next JSON log line on stderr whose message matches. */
    log: log.next,
  };
};

describe("npm start (src/main.ts)", () => {
  it("with no credentials, says it uses the emulator, serves /graphql and drains on SIGTERM", async () => {
    const service = startService({ PORT: "0" });
    expect((await service.log()).msg).toMatch(
      /^No LOGINRADIUS_API_KEY\/LOGINRADIUS_API_SECRET set: using the built-in LoginRadius emulator at http:\/\/127\.0\.0\.1:\d+ with 60 demo accounts/,
    );
    const url = graphqlUrlOf(await service.log());
    expect(url).toBeDefined();
    const res = await fetch(url as string, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ accountByUid(uid: "${ADA}") { firstName } }` }),
    });
    expect(await res.json()).toEqual({ data: { accountByUid: { firstName: "Ada" } } });
    service.child.kill("SIGTERM");
    const [code] = await once(service.child, "exit");
    expect(code).toBe(0);
  });

  it("refuses to start on bad configuration, listing every bad variable, never a secret", async () => {
    const service = startService({
      PORT: "eighty",
      LOGINRADIUS_API_KEY: "not-a-guid",
      LOGINRADIUS_API_SECRET: "super-secret-value",
      LOGINRADIUS_API_URL: "ftp://x",
    });
    let stderr = "";
    service.child.stderr?.on("data", (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(service.child, "exit");
    expect(code).toBe(1);
    expect(stderr).toContain("PORT");
    expect(stderr).toContain("LOGINRADIUS_API_KEY must be a GUID");
    expect(stderr).toContain("LOGINRADIUS_API_SECRET must be a GUID");
    expect(stderr).toContain("LOGINRADIUS_API_URL");
    expect(stderr).not.toContain("super-secret-value");
  });
});

describe("npm start: the trust boundary", () => {
  const REAL = {
    PORT: "0",
    LOGINRADIUS_API_KEY: "11111111-2222-4333-8444-555555555555",
    LOGINRADIUS_API_SECRET: "66666666-7777-4888-9999-000000000000",
    // Nothing may reach the internet: a closed local port stands in for LoginRadius.
    LOGINRADIUS_API_URL: "http://127.0.0.1:9",
  };
  const stderrOf = (proc: ChildProcess) => {
    const text = { value: "" };
    proc.stderr?.on("data", (chunk) => {
      text.value += chunk;
    });
    return text;
  };
  /** Resolves once stderr has said `words` (the test times out if it never does). */
  const stderrSays = (proc: ChildProcess, words: string) =>
    new Promise<void>((resolve) => {
      let text = "";
      proc.stderr?.on("data", (chunk) => {
        text += chunk;
        if (text.includes(words)) resolve();
      });
    });

  it("refuses to start with real credentials and no caller auth, naming the variables", async () => {
    const service = startService(REAL);
    const stderr = stderrOf(service.child);
    const [code] = await once(service.child, "exit");
    expect(code).toBe(1);
    expect(stderr.value).toContain("AUTH_TOKENS");
    expect(stderr.value).toContain("AUTH_JWKS_URL");
    expect(stderr.value).toContain("AUTH_DISABLED=true");
    expect(stderr.value).not.toContain(REAL.LOGINRADIUS_API_SECRET);
  });

  it("starts with AUTH_DISABLED=true, warning that anyone may call it", async () => {
    const service = startService({ ...REAL, AUTH_DISABLED: "true" });
    const warned = stderrSays(service.child, "Caller authentication is OFF (AUTH_DISABLED=true)");
    expect((await service.log(/LoginRadius at/)).msg).toContain(
      "Using LoginRadius at http://127.0.0.1:9",
    );
    expect((await service.log()).msg).toContain("ready at");
    await warned;
  });

  it("writes audit lines to stdout by default", async () => {
    const service = startService({ PORT: "0" });
    const url = graphqlUrlOf(await service.log(/ready at/));
    await fetch(url as string, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation { deleteAccount(uid: "${ADA}", reason: "GDPR request 9") { deleted } }`,
      }),
    });
    const line = {
      audit: true,
      caller: "anonymous",
      field: "Mutation.deleteAccount",
      uid: ADA,
      reason: "GDPR request 9",
    };
    // The intent line before the act, the outcome line after it.
    expect(JSON.parse(await service.next())).toMatchObject({ ...line, phase: "intent" });
    expect(JSON.parse(await service.next())).toMatchObject({
      ...line,
      phase: "outcome",
      outcome: "ok",
    });
  });
});

describe("npm run emulator (src/emulator/main.ts)", () => {
  it("serves a profile by UID with the demo key and secret", async () => {
    const service = startService({ EMULATOR_PORT: "0" }, "src/emulator/main.ts");
    const url = /on (http:\/\/[^ ]+) with 60 accounts/.exec(await service.next())?.[1];
    expect(url).toBeDefined();
    child = service.child;
    const res = await fetch(
      `${url}/identity/v2/manage/account/${ADA}?apikey=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`,
      { headers: { "X-LoginRadius-ApiSecret": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9" } },
    );
    expect(((await res.json()) as { FirstName: string }).FirstName).toBe("Ada");
  });
});

describe("readConfig", () => {
  it("defaults to the emulator, port 4000, loopback", () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: "127.0.0.1",
      upstream: { target: null },
      introspection: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("takes real credentials and the default API URL", () => {
    const key = "11111111-2222-4333-8444-555555555555";
    const secret = "66666666-7777-4888-9999-000000000000";
    const config = readConfig({
      LOGINRADIUS_API_KEY: key,
      LOGINRADIUS_API_SECRET: secret,
      AUTH_DISABLED: "true",
    });
    expect(config.upstream.target).toEqual({
      apiUrl: "https://api.loginradius.com",
      apiKey: key,
      apiSecret: secret,
    });
  });

  it("refuses a key without a secret", () => {
    expect(() =>
      readConfig({ LOGINRADIUS_API_KEY: "11111111-2222-4333-8444-555555555555" }),
    ).toThrow(/go together/);
  });

  it("warns when auth is off on every interface, even with the emulator", () => {
    expect(readConfig({}).auth.disabledWarning).toBeNull();
    // EMULATOR=true: the demo on a non-loopback HOST is refused without it (test/hostile-ops).
    const wide = { HOST: "0.0.0.0", EMULATOR: "true" };
    expect(readConfig(wide).auth.disabledWarning).toMatch(
      /Caller authentication is OFF and HOST=0\.0\.0\.0 listens on every interface/,
    );
    expect(readConfig({ ...wide, AUTH_TOKENS: "{}" }).auth.disabledWarning).toBeNull();
  });

  it("refuses AUTH_DISABLED=true together with configured auth", () => {
    expect(() => readConfig({ AUTH_DISABLED: "true", AUTH_TOKENS: "{}" })).toThrow(/contradicts/);
  });

  it("refuses an API URL carrying credentials or a query", () => {
    expect(() => readConfig({ LOGINRADIUS_API_URL: "https://api.example/?apisecret=x" })).toThrow(
      /LOGINRADIUS_API_URL/,
    );
  });
});
