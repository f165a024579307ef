import { readConfig } from "./config.js";
import { createEmulator } from "./emulator/app.js";
import { readEmulatorConfig } from "./emulator/config.js";
import { type Listening, listen } from "./http/listen.js";
import { createLogger, describeError } from "./log.js";
import { createMetrics } from "./metrics.js";
import { createAppServer } from "./server.js";

const DRAIN_MS = 10_000;

const logger = createLogger();
try {
  const config = readConfig(process.env);
  if (config.auth.disabledWarning) logger.warn(config.auth.disabledWarning);
  let emulator: Listening | undefined;
  let upstream = config.loginradius;
  if (upstream === null) {
    const emulated = readEmulatorConfig({
      ...process.env,
      EMULATOR_PORT: process.env.EMULATOR_PORT ?? "0",
    });
    const twin = createEmulator(emulated.options);
    emulator = await listen(twin.handler, emulated.port, emulated.host);
    upstream = { apiUrl: emulator.url, apiKey: twin.apiKey, apiSecret: twin.apiSecret };
    console.log(
      `No LOGINRADIUS_API_KEY/LOGINRADIUS_API_SECRET set: using the built-in LoginRadius emulator at ${emulator.url} ` +
        `with ${twin.store.size} demo accounts (see src/emulator/README.md).`,
    );
  } else console.log(`Using LoginRadius at ${new URL(upstream.apiUrl).origin}.`);

  const app = await createAppServer(config, upstream, { logger, metrics: createMetrics() });
  await app.start();
  const server = await listen(app.handler, config.port, config.host);
  console.log(
    `Account Graph ready at ${server.url}/graphql (open it in a browser for Apollo Sandbox).`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: draining in-flight requests");
    const force = setTimeout(() => server.server.closeAllConnections(), DRAIN_MS);
    force.unref();
    await server.close();
    await app.stop();
    await emulator?.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
} catch (error) {
  console.error(
    error instanceof Error && error.name === "ConfigError" ? error.message : describeError(error),
  );
  process.exit(1);
}
