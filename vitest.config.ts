import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for every dependency (type-graphql, Apollo); Vite would
    // give our code the .mjs build, and two graphql copies cannot share a schema. One copy for all.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Much of
    // this suite waits on the processes and servers it starts, so two workers there halve the wall
    // time (measured: 285 s -> 149 s for the whole suite on an idle 2-core machine, all passing).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
