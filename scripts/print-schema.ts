import { printSchema } from "graphql";
import { buildAppSchema } from "../src/schema.js";

/** Prints the schema the code builds (`npm run schema` writes schema.graphql; test/schema.test.ts checks it). */
process.stdout.write(`${printSchema(await buildAppSchema())}\n`);
