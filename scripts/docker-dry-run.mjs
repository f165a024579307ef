// Runs the Dockerfile's steps without Docker (CI has no engine): each stage gets a directory as
// its root, COPY copies from the build context (minus .dockerignore) or an earlier stage, RUN runs
// in the stage's WORKDIR with its ENV. Then the final stage is started with its CMD, the
// HEALTHCHECK command must pass, a query must be answered, and SIGTERM must end it with status 0.
// Without LoginRadius credentials the image must refuse to start (NODE_ENV=production); the
// query runs against the built-in emulator, started on purpose with EMULATOR=true.
// What this cannot check: the base image itself, USER permissions, the real network. RUN
// commands run on this machine, so ones that delete outside the stage are refused.
// Usage: node scripts/docker-dry-run.mjs   (exit status 0 = every step worked)
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { ROOT } from "./dist.mjs";
import { commandOf, envOf, readDockerfile } from "./dockerfile.mjs";

const steps = readDockerfile(join(ROOT, "Dockerfile"));
const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const work = mkdtempSync(join(tmpdir(), "docker-dry-run-"));
const stages = new Map();
let child;

class DryRunError extends Error {}
const fail = (message) => {
  throw new DryRunError(message);
};
const inStage = (s, path) => join(s.root, path.startsWith("/") ? path : join(s.workdir, path));
const nodeOr = (command) => (command === "node" ? process.execPath : command);

/** COPY [--from=stage] src... dest, from the build context (minus .dockerignore) or a stage. */
const copy = (stage, args, line) => {
  const parts = args.split(/\s+/);
  const from = parts[0].startsWith("--from=") ? parts.shift().slice(7) : undefined;
  const dest = parts.pop();
  for (const src of parts) {
    if (from === undefined && ignored.some((i) => src.replace(/^\.\//, "").split("/")[0] === i))
      fail(`line ${line}: ${src} is excluded by .dockerignore`);
    const source = from === undefined ? join(ROOT, src) : inStage(stages.get(from), src);
    if (!existsSync(source)) fail(`line ${line}: ${src} does not exist`);
    const target = dest.endsWith("/")
      ? join(inStage(stage, dest), src.split("/").pop())
      : inStage(stage, dest);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target, { recursive: true });
  }
};

/** RUN in the stage's WORKDIR with its ENV; BuildKit flags (`--mount=...`) matter only to Docker. */
const run = (stage, args, line) => {
  const command = args.replace(/^(--\S+\s+)+/, "");
  if (/\brm\s+-rf?\s+\/|cache clean/.test(command))
    fail(`line ${line}: refusing to run a command that would clean this machine's files`);
  const result = spawnSync("/bin/sh", ["-c", command], {
    cwd: inStage(stage, "."),
    env: { ...process.env, ...stage.env, npm_config_prefer_offline: "true" },
    stdio: "inherit",
  });
  if (result.status !== 0) fail(`line ${line}: RUN failed with status ${result.status}`);
};

/** Every step in order; returns the final stage. */
const buildStages = () => {
  let stage;
  for (const { op, args, line } of steps) {
    console.log(`docker-dry-run: ${line}: ${op} ${args}`);
    if (op === "FROM") {
      const [, name] = /\s+AS\s+(\S+)/i.exec(args) ?? [];
      stage = { root: join(work, name ?? `stage${stages.size}`), workdir: "/", env: {}, cmd: [] };
      mkdirSync(stage.root, { recursive: true });
      stages.set(name ?? String(stages.size), stage);
    } else if (op === "WORKDIR") {
      stage.workdir = args;
      mkdirSync(inStage(stage, "."), { recursive: true });
    } else if (op === "ENV") Object.assign(stage.env, envOf(args));
    else if (op === "COPY") copy(stage, args, line);
    else if (op === "RUN") run(stage, args, line);
    else if (op === "CMD") stage.cmd = commandOf(args);
    else if (op === "HEALTHCHECK")
      stage.healthcheck = commandOf(args.slice(args.indexOf("CMD") + 4));
  }
  return stage;
};

/** Starts the final stage's CMD, runs its HEALTHCHECK, asks a query, then SIGTERM: status 0. */
const runFinal = async (final) => {
  const app = inStage(final, ".");
  for (const dev of ["tsx", "typescript", "vitest", "loginradius-sdk"])
    if (existsSync(join(app, "node_modules", dev)))
      fail(`the final stage has the dev dependency ${dev}`);
  // Port 0 and loopback: the container's 0.0.0.0:4000 may be taken on this machine.
  const env = { ...process.env, ...final.env, PORT: "0", HOST: "127.0.0.1" };
  for (const key of Object.keys(env))
    if (key.startsWith("LOGINRADIUS_") || key.startsWith("EMULATOR")) delete env[key];
  const [command, ...rest] = final.cmd;
  const refused = spawnSync(nodeOr(command), rest, { cwd: app, env, encoding: "utf8" });
  if (refused.status !== 1 || !refused.stderr.includes("EMULATOR=true"))
    fail(`without credentials the image started (or failed otherwise): ${refused.stderr}`);
  // The service logs pino JSON on stderr; its "ready at" line names the URL.
  child = spawn(nodeOr(command), rest, {
    cwd: app,
    env: { ...env, EMULATOR: "true" },
    stdio: ["ignore", "inherit", "pipe"],
  });
  let url;
  for await (const line of createInterface({ input: child.stderr })) {
    console.log(`service: ${line}`);
    url = /ready at (http:\/\/[^ ]+)\/graphql/.exec(JSON.parse(line).msg)?.[1];
    if (url) break;
  }
  if (!url) fail("the service did not start");
  const [hc, ...hcArgs] = final.healthcheck;
  const health = spawnSync(nodeOr(hc), hcArgs, { env: { ...env, PORT: new URL(url).port } });
  if (health.status !== 0) fail(`HEALTHCHECK failed with status ${health.status}`);
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: '{ accountByUid(uid: "grace-hopper") { firstName } }' }),
  });
  const body = await res.text();
  if (!body.includes('"firstName":"Grace"')) fail(`unexpected answer: ${body}`);
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  child.stderr.resume();
  const [code] = await exited;
  if (code !== 0) fail(`the service exited with ${code} on SIGTERM`);
};

try {
  await runFinal(buildStages());
  console.log(
    "docker-dry-run: every step worked; refusal without credentials, healthcheck, query and SIGTERM drain passed.",
  );
} catch (error) {
  console.error(`docker-dry-run: ${error instanceof DryRunError ? error.message : error}`);
  process.exitCode = 1;
} finally {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
}
