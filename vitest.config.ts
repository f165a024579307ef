import { createRequire } from "node:module";
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
  },
});
