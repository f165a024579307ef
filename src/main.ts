import { readConfig } from "./config.js";
import { createEmulator } from "./emulator/app.js";
import { readEmulatorConfig } from "./emulator/config.js";
import { type Listening, listen } from "./http/listen.js";
import { createLogger, describeError, exitAfterFlush, type Logger } from "./log.js";
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
 * then what remains is cut. A second signal exits at once (status 1).
 */
const drainOn = (running: Running, logger: Logger, delayMs: number, graceMs: number) => {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal during drain: exiting now");
      exitAfterFlush(logger, 1);
      return;
    }
    stopping = true;
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
    logger.info("stopped");
    exitAfterFlush(logger, 0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));
};

const config = (() => {
  try {
    return readConfig(process.env);
  } catch (error) {
    console.error(describeStartFailure(error, { port: 0, host: "", prefix: "" }));
    process.exit(1);
  }
})();
const logger = createLogger({ level: config.ops.logLevel, format: config.ops.logFormat });
let emulator: Listening | undefined;
let binding: Bind = { port: config.port, host: config.host, prefix: "" };
try {
  if (config.auth.disabledWarning) logger.warn(config.auth.disabledWarning);
  let upstream = config.loginradius;
  if (upstream === null) {
    const emulated = readEmulatorConfig({
      ...process.env,
      EMULATOR_PORT: process.env.EMULATOR_PORT ?? "0",
    });
    const twin = createEmulator(emulated.options);
    binding = { port: emulated.port, host: emulated.host, prefix: "EMULATOR_" };
    emulator = await listen(twin.handler, emulated.port, emulated.host);
    binding = { port: config.port, host: config.host, prefix: "" };
    upstream = { apiUrl: emulator.url, apiKey: twin.apiKey, apiSecret: twin.apiSecret };
    console.log(
      `No LOGINRADIUS_API_KEY/LOGINRADIUS_API_SECRET set: using the built-in LoginRadius emulator at ${emulator.url} ` +
        `with ${twin.store.size} demo accounts (see src/emulator/README.md).`,
    );
  } else console.log(`Using LoginRadius at ${new URL(upstream.apiUrl).origin}.`);

  const app = await createAppServer(config, upstream, { logger, metrics: createMetrics() });
  await app.start();
  const server = await listen(app.handler, config.port, config.host, {
    ...config.clientTimeouts,
    logger,
  });
  const sandbox = config.introspection ? " (open it in a browser for Apollo Sandbox)" : "";
  console.log(`Account Graph ready at ${server.url}/graphql${sandbox}.`);
  logger.info(
    { url: server.url, upstream: emulator ? "embedded emulator" : new URL(upstream.apiUrl).origin },
    "ready",
  );
  drainOn(
    { app, server, emulator },
    logger,
    config.ops.shutdownDelayMs,
    config.ops.shutdownGraceMs,
  );
} catch (error) {
  console.error(describeStartFailure(error, binding));
  await emulator?.close();
  exitAfterFlush(logger, 1);
}
