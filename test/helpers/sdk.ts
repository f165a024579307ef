import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { EmulatorOptions } from "../../src/emulator/app.js";
import { type RunningEmulator, startEmulator } from "./emulator.js";

const require = createRequire(import.meta.url);
const SDK_DOMAIN = "api.loginradius.example";

export interface SdkUnderTest {
  lr: RunningEmulator;
  // biome-ignore lint/suspicious/noExplicitAny: the SDK ships no typings
  sdk: any;
}

/**
 * The official `loginradius-sdk` npm package, unchanged, against an in-process emulator (as in
 * test/emulator-sdk-contract.test.ts). The SDK hard-wires HTTPS on port 443 of `apiDomain`, so
 * only its transport is replaced: `https.request` for that domain goes to the emulator's plain
 * HTTP port on 127.0.0.1. Registers its own hooks; read the fields inside tests.
 */
export const officialSdkAgainstEmulator = (
  options: {
    /** Extra SDK configuration (e.g. `apiRequestSigning: true`). */
    config?: Record<string, unknown>;
    emulator?: EmulatorOptions;
  } = {},
): SdkUnderTest => {
  const state = {} as SdkUnderTest;
  const realHttpsRequest = https.request;
  beforeAll(async () => {
    state.lr = await startEmulator(options.emulator);
    const port = Number(new URL(state.lr.url).port);
    // biome-ignore lint/suspicious/noExplicitAny: matching https.request's overloads is not the point
    (https as any).request = (
      options: http.RequestOptions,
      callback: (res: http.IncomingMessage) => void,
    ) => {
      if (options.hostname !== SDK_DOMAIN) throw new Error(`unexpected host ${options.hostname}`);
      return http.request({ ...options, hostname: "127.0.0.1", port }, callback);
    };
    const LoginRadius = require("loginradius-sdk");
    state.sdk = LoginRadius({
      apiKey: state.lr.emulator.apiKey,
      apiSecret: state.lr.emulator.apiSecret,
      apiDomain: SDK_DOMAIN,
      ...options.config,
    });
  });
  afterAll(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: restoring the real transport
    (https as any).request = realHttpsRequest;
    await state.lr.close();
  });
  beforeEach(() => state.lr.control("POST", "/reset"));
  return state;
};
