import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADA, GRACE, type RunningEmulator, startEmulator } from "./helpers/emulator.js";
import { codeOf, errorOf, type Stack, startStack } from "./helpers/stack.js";
import { authTokensEnv } from "./helpers/tokens.js";

/*
 * Work is bounded by what an operation returns, not only by its upstream calls: the attacks of
 * issue 16 (one upstream call, thousands of profiles to complete and send) are refused before
 * execution, an answer over MAX_RESPONSE_BYTES becomes a typed error, and one caller looping the
 * heaviest query the limits allow leaves another caller's latency close to idle.
 */

/** Every Account field that costs no upstream call of its own: what a full profile reads. */
const PROFILE = `fragment Profile on Account {
  uid emails { type value } primaryEmail emailVerified phone phoneVerified userName prefix
  firstName middleName lastName suffix fullName nickName birthDate gender company city
  country { code name } customFields roles
  identities { provider providerId fullName emails { type value } imageUrl }
  provider registrationSource isActive isDeleted isLoginLocked
  lockState { locked lockedType lockedUntil } isCustomUid loginCount createdAt modifiedAt
  lastLoginAt lastPasswordChangeAt previousUids privacyPolicy { version acceptSource acceptedAt }
}`;

/** `aliases` copies of `accountsByUids(uids: $u) { ...Profile }`. */
const profiles = (aliases: number) =>
  `query($u: [ID!]!) { ${Array.from({ length: aliases }, (_, i) => `a${i}: accountsByUids(uids: $u) { ...Profile }`).join(" ")} } ${PROFILE}`;

const repeated = (uid: string, n: number) => Array.from({ length: n }, () => uid);

/** The attack: 64 aliases over one UID repeated 100 times (1 upstream call, 6,400 profiles). */
const ATTACK = { query: profiles(64), variables: { u: repeated(ADA, 100) } };

/** The heaviest query of this shape the default limits allow (about 9,700 of 10,000 items). */
const WORST_ALLOWED = { query: profiles(2), variables: { u: repeated(ADA, 85) } };

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { uid firstName } } }`;

describe("per-operation limits on what is returned", () => {
  let stack: Stack;
  let small: Stack;
  beforeAll(async () => {
    [stack, small] = await Promise.all([
      startStack(),
      startStack({ env: { MAX_RESPONSE_BYTES: "4096" } }),
    ]);
  });
  afterAll(() => Promise.all([stack.close(), small.close()]));
  beforeEach(() => Promise.all([stack.reset(), small.reset()]));

  it("64 aliases of accountsByUids over one UID repeated 100 times: refused, nothing upstream", async () => {
    const res = await stack.gql(ATTACK.query, ATTACK.variables);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(codeOf(res)).toBe("RESULT_LIMIT_EXCEEDED");
    // 64 x (100 UIDs in + 100 profiles out + 100 x 51 values in each): repeats are counted.
    expect(errorOf(res)).toMatchObject({ items: 64 * 100 * 55, limit: 10_000 });
    expect(await stack.calls()).toEqual([]);
  });

  it("_entities with 25,000 copies of one representation: refused, nothing upstream", async () => {
    // A short UID, so that the 25,000 fit in the 1 MiB body limit.
    const r = repeated("u", 25_000).map((uid) => ({ __typename: "Account", uid }));
    const res = await stack.gql(ENTITIES, { r });
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe("RESULT_LIMIT_EXCEEDED");
    expect(errorOf(res)).toMatchObject({ items: 100_000, limit: 10_000 });
    expect(await stack.calls()).toEqual([]);
  });

  it("a list argument counts its items even where the answer is one object", async () => {
    const emails = Array.from({ length: 10_000 }, (_, i) => ({
      type: "Secondary",
      value: `a${i}@example.com`,
    }));
    const res = await stack.gql(
      `mutation($e: [EmailInput!]!) { upsertAccountEmail(uid: "${ADA}", emails: $e) { uid } }`,
      { e: emails },
    );
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe("RESULT_LIMIT_EXCEEDED");
    expect(await stack.calls()).toEqual([]);
  });

  it("the heaviest allowed read still answers, every repeat in its place", async () => {
    const res = await stack.gql(WORST_ALLOWED.query, WORST_ALLOWED.variables);
    expect(res.errors).toBeUndefined();
    expect(res.data.a0).toHaveLength(85);
    expect(res.data.a1[84]).toEqual(res.data.a0[0]);
    expect(res.data.a0[0].firstName).toBe("Ada");
    expect(await stack.routes()).toEqual(["GET /identity/v2/manage/account/{uid}"]);
    // A full read of 100 distinct UIDs (unknown ones are null) fits too.
    const hundred = [ADA, GRACE, ...Array.from({ length: 98 }, (_, i) => `missing-${i}`)];
    const full = await stack.gql(profiles(1), { u: hundred });
    expect(full.errors).toBeUndefined();
    expect(full.data.a0.map((a: { uid: string } | null) => a?.uid ?? null).slice(0, 3)).toEqual([
      ADA,
      GRACE,
      null,
    ]);
  });

  it("an answer over MAX_RESPONSE_BYTES is replaced by a typed error", async () => {
    const res = await fetch(`${small.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: profiles(1), variables: { u: repeated(ADA, 20) } }),
    });
    const text = await res.text();
    expect(text.length).toBeLessThan(4096);
    const body = JSON.parse(text);
    expect(body.data).toBeUndefined();
    expect(codeOf(body)).toBe("RESPONSE_TOO_LARGE");
    expect(errorOf(body)).toEqual({ code: "RESPONSE_TOO_LARGE", limit: 4096 });
    // A small answer from the same service is untouched.
    const one = await small.gql(`{ accountByUid(uid: "${ADA}") { firstName } }`);
    expect(one.data).toEqual({ accountByUid: { firstName: "Ada" } });
  });
});

const HOSTILE = "hostile-token-0123456789abcdef";
const VICTIM = "victim-token-0123456789abcdef";

/** The service as `npm start` runs it, in its own process (its own event loop), limits at their defaults. */
const startServiceProcess = async (lr: RunningEmulator) => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      LOG_LEVEL: "warn",
      LOGINRADIUS_API_URL: lr.url,
      LOGINRADIUS_API_KEY: lr.emulator.apiKey,
      LOGINRADIUS_API_SECRET: lr.emulator.apiSecret,
      AUTH_TOKENS: authTokensEnv({
        [HOSTILE]: { name: "hostile", scopes: ["accounts:read"] },
        [VICTIM]: { name: "victim", scopes: ["accounts:read"] },
      }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Its log (pino JSON on stderr) says "ready at"; stdout holds the audit trail.
  child.stdout?.resume();
  const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on("line", (line) => {
      const ready = /ready at (http:\/\/\S+\/graphql)/.exec(line)?.[1];
      if (ready) resolve(ready);
    });
    child.once("exit", (code) => reject(new Error(`the service exited (${code})`)));
  });
  return { child, url };
};

const post = (url: string, token: string, body: object) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

/**
 * The hostile caller in a process of its own (so its client work does not slow the test's own
 * clock and emulator): `connections` loops posting `body` back to back, for at most 60 s.
 */
const startHostileLoop = (url: string, token: string, body: object, connections: number) => {
  const script = `
    const [url, token, body, n] = process.argv.slice(1);
    const counts = {};
    let stop = false;
    const deadline = Date.now() + 60000;
    process.stdin.on("data", () => { stop = true; });
    const loop = async () => {
      while (!stop && Date.now() < deadline) {
        const res = await fetch(url, { method: "POST", body,
          headers: { "content-type": "application/json", authorization: "Bearer " + token } });
        await res.arrayBuffer();
        counts[res.status] = (counts[res.status] ?? 0) + 1;
      }
    };
    Promise.all(Array.from({ length: Number(n) }, loop)).then(() => {
      process.stdout.write(JSON.stringify(counts));
      process.exit(0);
    });`;
  const child = spawn(
    process.execPath,
    ["-e", script, url, token, JSON.stringify(body), String(connections)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout?.on("data", (chunk) => {
    out += chunk;
  });
  return {
    async stop(): Promise<Record<string, number>> {
      child.stdin?.write("stop\n");
      await once(child, "exit");
      return JSON.parse(out || "{}");
    },
  };
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

describe("fairness between callers", () => {
  let lr: RunningEmulator;
  let service: { child: ChildProcess; url: string };
  beforeAll(async () => {
    lr = await startEmulator();
    service = await startServiceProcess(lr);
  }, 60_000);
  afterAll(async () => {
    service?.child.kill("SIGKILL");
    if (service) await once(service.child, "exit").catch(() => {});
    await lr?.close();
  });

  /** Latencies of `n` one-field queries sent one after another by the victim. */
  const victimLatencies = async (n: number): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      const res = await post(service.url, VICTIM, {
        query: `{ accountByUid(uid: "${ADA}") { firstName } }`,
      });
      const body = (await res.json()) as { data?: unknown };
      out.push(performance.now() - started);
      expect(body.data).toEqual({ accountByUid: { firstName: "Ada" } });
      await new Promise((r) => setTimeout(r, 20));
    }
    return out;
  };

  it("a caller looping the heaviest allowed query (and the refused attack) leaves another caller's p50 within 3x of idle", async () => {
    await victimLatencies(10); // warm-up: JIT, connections, the document cache
    const idle = median(await victimLatencies(40));
    const heaviest = startHostileLoop(service.url, HOSTILE, WORST_ALLOWED, 3);
    const refused = startHostileLoop(service.url, HOSTILE, ATTACK, 2);
    await new Promise((r) => setTimeout(r, 1000)); // its burst spent, the loop at its steady state
    const loaded = median(await victimLatencies(40));
    const statuses = { heaviest: await heaviest.stop(), refused: await refused.stop() };
    console.info(
      `victim p50 idle ${idle.toFixed(1)} ms, under load ${loaded.toFixed(1)} ms; hostile answers by status ${JSON.stringify(statuses)}`,
    );
    expect(loaded).toBeLessThanOrEqual(3 * idle);
    // The heaviest query is legal: some of it was answered in full; the attack never was.
    expect(statuses.heaviest["200"]).toBeGreaterThan(0);
    expect(statuses.refused).toEqual({ "400": expect.any(Number) });
  }, 90_000);
});
