import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Another tool's own codegen config: its operations, typed against Account Graph's published
 * schema.graphql (a copy in that tool's repository, or the file from a release). Paths are
 * relative to where codegen runs (this repository's root here):
 * `graphql-codegen --config examples/client/codegen.ts`.
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/client/*.graphql"],
  generates: {
    "examples/client/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false, persistedDocuments: true },
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
