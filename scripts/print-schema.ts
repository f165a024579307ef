import { printSubgraphSchema } from "@apollo/subgraph";
import { buildAppSchema } from "../src/schema.js";
import { writeAtomically } from "./write-atomically.js";

/**
 * Prints the schema the code builds as its Federation subgraph SDL: the API plus `@link` and the
 * `@key`s, without the federation plumbing (`_service`, `_entities`, `_Any`), so one file serves
 * clients' codegen, the breaking-change guard and `rover supergraph compose` (test/schema.test.ts
 * checks schema.graphql against it).
 * With a file argument (`npm run schema` passes schema.graphql) it writes a temp file and renames
 * it over the target, so a failed build leaves the old file, never an empty one.
 */
const target = process.argv[2];
const text = `${printSubgraphSchema(await buildAppSchema())}\n`;
if (target === undefined) process.stdout.write(text);
else writeAtomically(target, text);
