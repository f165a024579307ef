import { readFileSync } from "node:fs";
import { printSchema } from "graphql";
import { buildAppSchema } from "../src/schema.js";

/** Prints the schema the code builds; `--check` fails when schema.graphql differs from it. */
const printed = `${printSchema(await buildAppSchema())}\n`;
if (process.argv.includes("--check")) {
  const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
  if (committed !== printed) {
    console.error(
      "schema.graphql is out of date with the code: run `npm run schema` and commit it.",
    );
    process.exit(1);
  }
  console.log("schema.graphql matches the code.");
} else process.stdout.write(printed);
