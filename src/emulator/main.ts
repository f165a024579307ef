import { listen } from "../http/listen.js";
import { createEmulator } from "./app.js";
import { readEmulatorConfig } from "./config.js";

try {
  const config = readEmulatorConfig(process.env);
  const emulator = createEmulator(config.options);
  const server = await listen(emulator.handler, config.port, config.host);
  const demo = emulator.apiKey === config.options.apiKey && !process.env.EMULATOR_API_KEY;
  console.log(
    `LoginRadius emulator on ${server.url} with ${emulator.store.size} accounts` +
      (demo ? ` (demo key ${emulator.apiKey}; secret in src/emulator/README.md)` : ""),
  );
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
