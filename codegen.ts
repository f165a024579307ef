import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for the example operations in examples/*.graphql (codegen's client preset):
 * `FirstQueryDocument` etc. are `TypedDocumentNode`s carrying their result and variables types,
 * which the tests run (test/examples.test.ts). `npm run codegen` writes src/generated/;
 * `npm test` fails when it is stale. examples/client/ has its own config, as another tool would.
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/*.graphql"],
  generates: {
    "src/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: "string", JSONObject: "Record<string, unknown>", ID: "string" },
        enumsAsTypes: true,
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
