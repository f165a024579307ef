import { afterAll, beforeAll, beforeEach } from "vitest";
import { createEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/app.js";
import { listen } from "../../src/http/listen.js";

export interface LrCall {
  query?: Record<string, string>;
  body?: unknown;
  /** A raw body string, sent as is (for malformed JSON). */
  raw?: string;
  headers?: Record<string, string>;
  /** Credentials: "headers" (default), "query", or "none". */
  auth?: "headers" | "query" | "none";
}

export interface LrResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
  body: any;
}

export interface RunningEmulator {
  url: string;
  emulator: Emulator;
  call(method: string, path: string, options?: LrCall): Promise<LrResponse>;
  control(method: string, path: string, body?: unknown): Promise<LrResponse>;
  close(): Promise<void>;
}

export const ACCOUNT = "/identity/v2/manage/account";

/**
 * One emulator for a whole test file, reset before each test: registers its own vitest hooks and
 * returns a handle that forwards to the running instance (usable inside tests, not at load time).
 */
export const emulatorPerFile = (options: EmulatorOptions = {}): RunningEmulator => {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator(options);
  });
  afterAll(() => running?.close());
  beforeEach(() => running?.control("POST", "/reset"));
  const current = (): RunningEmulator => {
    if (!running) throw new Error("The emulator starts in beforeAll: use it inside a test.");
    return running;
  };
  return {
    get url() {
      return current().url;
    },
    get emulator() {
      return current().emulator;
    },
    call: (method, path, callOptions) => current().call(method, path, callOptions),
    control: (method, path, body) => current().control(method, path, body),
    close: () => current().close(),
  };
};

/** Starts the emulator in-process on port 0. */
export const startEmulator = async (options: EmulatorOptions = {}): Promise<RunningEmulator> => {
  const emulator = createEmulator(options);
  const server = await listen(emulator.handler, 0);

  const request = async (
    method: string,
    path: string,
    options: LrCall = {},
  ): Promise<LrResponse> => {
    const url = new URL(path, server.url);
    const auth = options.auth ?? "headers";
    if (auth === "query") {
      url.searchParams.set("apikey", emulator.apiKey);
      url.searchParams.set("apisecret", emulator.apiSecret);
    }
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = {
      ...(auth === "headers"
        ? { "X-LoginRadius-ApiKey": emulator.apiKey, "X-LoginRadius-ApiSecret": emulator.apiSecret }
        : {}),
      ...(options.body !== undefined || options.raw !== undefined
        ? { "Content-Type": "application/json" }
        : {}),
      ...options.headers,
    };
    const body =
      options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const res = await fetch(url, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // non-JSON stays text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };

  return {
    url: server.url,
    emulator,
    call: request,
    control: (method, path, body) =>
      request(method, `/__emulator${path}`, {
        auth: "none",
        ...(body === undefined ? {} : { body }),
      }),
    close: server.close,
  };
};

/** What `/__emulator/health` (and a reset) reports for the full default seed, slice by slice. */
export const SEEDED_COUNTS = {
  accounts: 60,
  roles: 6,
  roleContexts: 5,
  customObjectRecords: 6,
  mfaAccounts: 4,
  passkeys: 3,
  consentLogs: 4,
  issuedTokens: 0,
  accessTokens: 0,
  socialLogins: 3,
  webhooks: 0,
} as const;

export const ADA = "0a9d5c1e4b7f4e2a8c3d6b5a7e9f1c20";
export const GRACE = "grace-hopper";
export const ALAN = "7c1f4a8e2b5d4c9a9e3f6a1b8d2c5e70";
export const LINUS = "3e8b1d6f9a2c4e7b8d1f4a6c9e2b5d80";
export const LINUS_SOCIAL = "9f2a5c8e1b4d4f7a8c2e5b9d1f3a6c90";
export const KATHERINE = "5b8e2f7a1c4d4a9e8b3f6c2d9e1a4b70";
export const MARGARET = "6d3a9c2e5f8b4b1d9a4e7c3f1b6d8a20";
export const EDSGER = "8a4c7e1f3b6d4d2a8e5c9b1f4a7d3e60";
