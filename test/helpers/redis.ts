import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";

export interface RunningRedis {
  url: string;
  /** A client for assertions (keys, TTLs); closed by `close`. */
  client: Redis;
  close(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const waitForPing = async (client: Redis, child: ChildProcess): Promise<void> => {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    try {
      if ((await client.ping()) === "PONG") return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("redis-server did not answer PING");
};

/**
 * A real redis-server (Debian's `redis-server` package; .ci/run installs it) on a free loopback
 * port, without persistence. Throws when the binary is missing: a Redis test must fail then,
 * never skip.
 */
export const startRedis = async (): Promise<RunningRedis> => {
  const found = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (found.error || found.status !== 0)
    throw new Error(
      "redis-server is not installed: apt-get install -y redis-server (.ci/run does this).",
    );
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  client.on("error", () => {});
  await waitForPing(client, child);
  return {
    url,
    client,
    async close() {
      client.disconnect();
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
};
