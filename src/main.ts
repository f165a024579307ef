// First: type-graphql decorators run as their modules load, and config.ts reaches some (search's
// index.ts) before sections.ts or schema.ts would have loaded the metadata polyfill.
import "reflect-metadata";
import { readConfig } from "./config.js";
import { createEmulator, type Emulator } from "./emulator/app.js";
import { readEmulatorConfig } from "./emulator/config.js";
import { type Listening, listen } from "./http/listen.js";
import {
  createLogger,
  describeError,
  describeUnexpected,
  exitAfterFlush,
  type Logger,
} from "./log.js";
import type { UpstreamTarget } from "./loginradius/http.js";
import { createMetrics } from "./metrics.js";
import { type AppServer, createAppServer } from "./server.js";

/** Which listener was being bound: the service's (PORT/HOST) or the embedded emulator's. */
interface Bind {
  port: number;
  host: string;
  prefix: "" | "EMULATOR_";
}

/** A bind failure as one line an operator can act on; anything else as name and message. */
const describeStartFailure = (error: unknown, bind: Bind): string => {
  const code = (error as { code?: unknown } | null)?.code;
  const { port, host, prefix } = bind;
  if (code === "EADDRINUSE")
    return `${prefix}PORT ${port} on ${host} is already in use; set ${prefix}PORT to another port.`;
  if (code === "EACCES")
    return `${prefix}PORT ${port} on ${host} needs privileges; set ${prefix}PORT above 1023.`;
  if (code === "EADDRNOTAVAIL")
    return `${prefix}HOST ${host} is not an address of this machine; set ${prefix}HOST.`;
  if (error instanceof Error && error.name === "ConfigError") return error.message;
  const { errorName, errorMessage } = describeError(error);
  return errorName ? `${errorName}: ${errorMessage}` : String(error);
};

interface Running {
  app: AppServer;
  server: Listening;
  emulator: Listening | undefined;
}

/**
 * SIGTERM/SIGINT: `/readyz` turns 503 at once; after `delayMs` (still accepting) the listener
 * closes and idle keep-alive connections drop; in-flight requests get up to `graceMs` to finish,
 * then what remains is cut. A second signal exits at once (status 1). Whatever hangs (a stop
 * that never returns, a log reader that is gone), the process ends `delayMs + graceMs + 1 s`
 * after the signal at the latest (status 1).
 */
const drainOn = (running: Running, logger: Logger, delayMs: number, graceMs: number) => {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal during drain: exiting now");
      exitAfterFlush(logger, 1, 200);
      return;
    }
    stopping = true;
    const deadline = setTimeout(
      () => {
        logger.error({ delayMs, graceMs }, "shutdown overran its grace period: exiting now");
        exitAfterFlush(logger, 1, 200);
      },
      delayMs + graceMs + 700,
    );
    running.app.drain();
    logger.info({ signal, delayMs, graceMs }, "shutting down: draining in-flight requests");
    if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
    const force = setTimeout(() => {
      logger.warn({ graceMs }, "grace period over: closing the remaining connections");
      running.server.server.closeAllConnections();
    }, graceMs);
    force.unref();
    // close() drops the connections idle now; a keep-alive connection whose response ends later
    // would otherwise hold the drain until its keepAliveTimeout.
    const idle = setInterval(() => running.server.server.closeIdleConnections(), 50);
    await running.server.close();
    clearTimeout(force);
    clearInterval(idle);
    await running.app.stop();
    await running.emulator?.close();
    clearTimeout(deadline);
    logger.info("stopped");
    exitAfterFlush(logger, 0, 300);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));
};

/** The configuration, or one JSON line listing every problem and exit 1. */
const config = (() => {
  try {
    return readConfig(process.env);
  } catch (error) {
    const fallback = createLogger();
    const problems = (error as { problems?: unknown }).problems;
    fallback.fatal(
      Array.isArray(problems) ? { problems } : {},
      describeStartFailure(error, { port: 0, host: "", prefix: "" }),
    );
    exitAfterFlush(fallback, 1);
    return undefined;
  }
})();

/** The embedded LoginRadius emulator (no credentials: a demo, EMULATOR=true in production). */
const startEmulator = async (
  logger: Logger,
): Promise<{ at: Listening; target: UpstreamTarget; twin: Emulator }> => {
  const emulated = readEmulatorConfig({
    ...process.env,
    EMULATOR_PORT: process.env.EMULATOR_PORT ?? "0",
  });
  const twin = createEmulator(emulated.options);
  binding = { port: emulated.port, host: emulated.host, prefix: "EMULATOR_" };
  const at = await listen(twin.handler, emulated.port, emulated.host);
  binding = { port: 0, host: "", prefix: "" };
  logger.info(
    { emulator: at.url, demoAccounts: twin.store.size },
    `No LOGINRADIUS_API_KEY/LOGINRADIUS_API_SECRET set: using the built-in LoginRadius emulator at ${at.url} ` +
      `with ${twin.store.size} demo accounts (see src/emulator/README.md).`,
  );
  return {
    at,
    target: { apiUrl: at.url, apiKey: twin.apiKey, apiSecret: twin.apiSecret },
    twin,
  };
};

/**
 * The embedded emulator sends its webhooks to this service (every event), as a real site would
 * once subscribed, so a change made directly on it is read fresh before CACHE_TTL_MS. A wildcard
 * bind is reached over 127.0.0.1.
 */
const subscribeEmbedded = (twin: Emulator, serviceUrl: string) => {
  const url = new URL("/webhooks/loginradius", serviceUrl);
  if (url.hostname === "0.0.0.0" || url.hostname === "[::]") url.hostname = "127.0.0.1";
  twin.stores.webhooks.subscribeAll("account-graph (embedded)", url.href, new Date());
};

let binding: Bind = { port: 0, host: "", prefix: "" };
if (config) {
  const logger = createLogger({ level: config.ops.logLevel, format: config.ops.logFormat });
  // What it started against and where it listens: said at `info` even with LOG_LEVEL=warn or
  // error (scripts and people wait for the "ready at" line), not with LOG_LEVEL=silent.
  const quieter = ["warn", "error", "fatal"].includes(config.ops.logLevel);
  const startup = quieter ? logger.child({}, { level: "info" }) : logger;
  let emulator: Listening | undefined;
  try {
    if (config.auth.disabledWarning) logger.warn(config.auth.disabledWarning);
    const configured = config.upstream.target;
    let upstream: UpstreamTarget | undefined;
    let twin: Emulator | undefined;
    if (configured === null) {
      const started = await startEmulator(startup);
      emulator = started.at;
      upstream = started.target;
      twin = started.twin;
    } else startup.info(`Using LoginRadius at ${new URL(configured.apiUrl).origin}.`);

    const app = await createAppServer(config, {
      ...(upstream ? { upstream } : {}),
      logger,
      metrics: createMetrics(),
    });
    await app.start();
    binding = { port: config.port, host: config.host, prefix: "" };
    const server = await listen(app.handler, config.port, config.host, {
      ...config.clientTimeouts,
      logger,
    });
    if (twin && config.webhooks.enabled) subscribeEmbedded(twin, server.url);
    const sandbox = config.introspection ? " (open it in a browser for Apollo Sandbox)" : "";
    startup.info(
      {
        url: server.url,
        upstream: configured ? new URL(configured.apiUrl).origin : "embedded emulator",
      },
      `Account Graph ready at ${server.url}/graphql${sandbox}.`,
    );
    drainOn(
      { app, server, emulator },
      logger,
      config.ops.shutdownDelayMs,
      config.ops.shutdownGraceMs,
    );
  } catch (error) {
    logger.fatal(describeUnexpected(error), describeStartFailure(error, binding));
    await emulator?.close();
    exitAfterFlush(logger, 1);
  }
}
