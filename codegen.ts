import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * TypeScript types for clients of the graph: the schema's types and the example operations in
 * examples/. `npm run codegen` writes them; `npm test` fails when they are stale.
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/**/*.graphql"],
  config: {
    scalars: { DateTime: "string", JSONObject: "Record<string, unknown>", ID: "string" },
    enumsAsTypes: true,
  },
  generates: {
    "src/generated/schema-types.ts": { plugins: ["typescript"] },
    "src/generated/operations.ts": { plugins: ["typescript-operations"] },
  },
};

export default config;
