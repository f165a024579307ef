import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types, shared with scripts/docker-dry-run.mjs
import { parseDockerfile } from "../scripts/dockerfile.mjs";
import { NODE_FLAGS } from "../scripts/node-flags.mjs";

interface Step {
  op: string;
  args: string;
  line: number;
}
const steps: Step[] = parseDockerfile(readFileSync("Dockerfile", "utf8"));
const stages = steps.reduce<Step[][]>((all, step) => {
  if (step.op === "FROM") all.push([]);
  all.at(-1)?.push(step);
  return all;
}, []);
const final = stages.at(-1) ?? [];
const argsOf = (stage: Step[], op: string) => stage.filter((s) => s.op === op).map((s) => s.args);

// No Docker engine or hadolint in CI: the policy is checked here, the steps by docker-dry-run.mjs.
describe("Dockerfile", () => {
  it("builds on Node 26 (the current LTS) in two stages and installs only production dependencies to run", () => {
    expect(stages.length).toBe(2);
    for (const stage of stages) expect(stage[0]?.args).toMatch(/^node:26-bookworm-slim\b/);
    expect(argsOf(stages[0] ?? [], "RUN").join("\n")).toMatch(/npm ci[\s\S]*npm run build/);
    expect(argsOf(final, "RUN").join("\n")).toMatch(/npm ci --omit=dev/);
    expect(argsOf(final, "COPY")).toContain("--from=build /app/dist ./dist");
  });

  it("runs as the node user, on 0.0.0.0:4000, with a /healthz health check and node as PID 1", () => {
    const ops = final.map((s) => s.op);
    expect(ops.indexOf("USER")).toBeLessThan(ops.indexOf("CMD"));
    expect(argsOf(final, "USER")).toEqual(["node"]);
    expect(argsOf(final, "ENV").join(" ")).toMatch(/HOST=0\.0\.0\.0/);
    expect(argsOf(final, "EXPOSE")).toEqual(["4000"]);
    expect(argsOf(final, "HEALTHCHECK")[0]).toMatch(/CMD \["node", "-e", ".*\/healthz/);
    expect(JSON.parse(argsOf(final, "CMD")[0] ?? "null")).toEqual([
      "node",
      ...NODE_FLAGS,
      "dist/main.js",
    ]);
  });

  it("copies only files that exist and are not excluded; never local installs or secrets", () => {
    const ignored = readFileSync(".dockerignore", "utf8").split("\n");
    for (const entry of ["node_modules", "dist", ".env", ".env.*", ".git"])
      expect(ignored).toContain(entry);
    for (const args of steps.filter((s) => s.op === "COPY").map((s) => s.args)) {
      if (args.startsWith("--from=")) continue;
      for (const source of args.split(/\s+/).slice(0, -1)) {
        expect(existsSync(source)).toBe(true);
        expect(ignored).not.toContain(source.replace(/^\.\//, ""));
      }
    }
  });
});

describe("the production V8 flags (scripts/node-flags.mjs)", () => {
  it("is the same for npm start, the image and the bench", () => {
    const start = JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string;
    expect(start).toBe(`exec node ${NODE_FLAGS.join(" ")} scripts/start.mjs`);
    expect(readFileSync("bench/processes.mjs", "utf8")).toMatch(/\[\.\.\.NODE_FLAGS, /);
  });
});
